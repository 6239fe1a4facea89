import type { Rsvp } from "../../contracts/meetings";
import type { RsvpBody, RsvpView } from "../../contracts/meetings-convocations";
import { parisParts } from "../platform/dates";
import type { Db } from "../platform/db";
import { AppError, badRequest, conflict, notFound } from "../platform/errors";
import { signedToken, tokenMatches, tokenRowId } from "../platform/signed-links";
import { convocationsMessages as m } from "./convocations-messages";
import * as convRepo from "./convocations-repo";
import { endOf } from "./ics";
import * as repo from "./repo";

// Answering an invitation without an account. The link of the convocation carries a token signed with the invitee's
// token_nonce (platform/signed-links): nothing is stored. It is the same in every mail sent to the invitee (the
// reminder does not void the convocation's link); drawing a new token_nonce revokes it. It stops working after the
// meeting's end (410), or when the meeting is cancelled (410).

export const RSVP_PAGE = "/reponse";

export const rsvpTokenFor = signedToken;

export const rsvpUrlFor = (baseUrl: string, secret: string, invitee: { id: string; tokenNonce: string }) =>
  `${baseUrl}${RSVP_PAGE}/${rsvpTokenFor(secret, invitee)}`;

const gone = (message: string) => new AppError(410, "GONE", message);

export type RsvpService = ReturnType<typeof createRsvpService>;

export function createRsvpService(deps: { db: Db; secret: string }) {
  const { db, secret } = deps;

  /** The invitee and meeting a token opens, or 404 (unknown, forged, another invitee's signature). */
  async function open(tx: Db, token: string, forUpdate = false) {
    const inviteeId = tokenRowId(token);
    if (!inviteeId) throw notFound(m.rsvpNotFound);
    const found = await convRepo.findInviteeForAnswer(tx, inviteeId, forUpdate);
    if (!found || !tokenMatches(secret, token, found.invitee)) throw notFound(m.rsvpNotFound);
    if (found.meeting.status === "cancelled") throw gone(m.rsvpCancelled);
    if (Date.now() >= endOf(found.meeting).getTime()) throw gone(m.rsvpExpired);
    return found;
  }

  function view(found: NonNullable<Awaited<ReturnType<typeof convRepo.findInviteeForAnswer>>>): RsvpView {
    const { invitee, meeting } = found;
    const start = parisParts(meeting.startsAt);
    return {
      meeting: {
        title: meeting.title,
        clsmName: found.clsmName,
        startsAt: meeting.startsAt.toISOString(),
        date: start.date,
        time: start.time,
        endTime: parisParts(endOf(meeting)).time,
        durationMinutes: meeting.durationMinutes,
        placeName: meeting.placeName,
        address: meeting.address,
        videoUrl: meeting.videoUrl,
      },
      invitee: { name: invitee.name },
      rsvp: invitee.rsvp as Rsvp,
      substituteName: invitee.substituteName,
      respondedAt: invitee.respondedAt?.toISOString() ?? null,
      canChange: Date.now() < meeting.startsAt.getTime(),
    };
  }

  return {
    async get(token: string): Promise<RsvpView> {
      return view(await open(db, token));
    },

    /**
     * Records the answer. "I send someone in my place" is the answer "no" with the substitute's name: the invitee
     * does not come, someone else does (what the coordination reads as "représenté·e" when taking attendance).
     */
    async answer(token: string, input: RsvpBody): Promise<RsvpView> {
      const substitute = input.substituteName?.trim() || null;
      if (substitute && input.rsvp !== "no")
        throw badRequest(m.substituteOnlyWhenAbsent, { substituteName: m.substituteOnlyWhenAbsent });
      return db.transaction(async (tx) => {
        const found = await open(tx, token, true);
        if (Date.now() >= found.meeting.startsAt.getTime()) throw conflict(m.rsvpStarted);
        const changed = found.invitee.rsvp !== input.rsvp || found.invitee.substituteName !== substitute;
        if (changed)
          await repo.updateInvitee(tx, found.invitee.id, {
            rsvp: input.rsvp,
            substituteName: substitute,
            respondedAt: new Date(),
          });
        const after = await convRepo.findInviteeForAnswer(tx, found.invitee.id);
        if (!after) throw notFound(m.rsvpNotFound);
        return view(after);
      });
    },
  };
}

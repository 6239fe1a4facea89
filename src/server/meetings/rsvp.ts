import { createHmac, timingSafeEqual } from "node:crypto";
import type { Rsvp } from "../../contracts/meetings";
import type { RsvpBody, RsvpView } from "../../contracts/meetings-convocations";
import { parisParts } from "../platform/dates";
import type { Db } from "../platform/db";
import { AppError, badRequest, conflict, notFound } from "../platform/errors";
import { convocationsMessages as m } from "./convocations-messages";
import * as convRepo from "./convocations-repo";
import { endOf } from "./ics";
import * as repo from "./repo";

// Answering an invitation without an account. The link of the convocation carries a token:
//   <inviteeId>.<base64url(HMAC-SHA256(server secret, "<inviteeId>.<tokenNonce>"))>
// Nothing is stored: the token is recomputed and compared in constant time. It is the same in every mail sent to
// the invitee (the reminder does not void the convocation's link); drawing a new token_nonce revokes it. It stops
// working after the meeting's end (410), or when the meeting is cancelled (410).

export const RSVP_PAGE = "/reponse";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(secret: string, inviteeId: string, nonce: string): string {
  return createHmac("sha256", secret).update(`${inviteeId}.${nonce}`).digest("base64url");
}

export const rsvpTokenFor = (secret: string, invitee: { id: string; tokenNonce: string }) =>
  `${invitee.id}.${mac(secret, invitee.id, invitee.tokenNonce)}`;

export const rsvpUrlFor = (baseUrl: string, secret: string, invitee: { id: string; tokenNonce: string }) =>
  `${baseUrl}${RSVP_PAGE}/${rsvpTokenFor(secret, invitee)}`;

const gone = (message: string) => new AppError(410, "GONE", message);

export type RsvpService = ReturnType<typeof createRsvpService>;

export function createRsvpService(deps: { db: Db; secret: string }) {
  const { db, secret } = deps;

  /** The invitee and meeting a token opens, or 404 (unknown, forged, another invitee's signature). */
  async function open(tx: Db, token: string, forUpdate = false) {
    const dot = token.indexOf(".");
    const inviteeId = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    if (dot < 0 || !UUID.test(inviteeId) || given.length !== 43) throw notFound(m.rsvpNotFound);
    const found = await convRepo.findInviteeForAnswer(tx, inviteeId.toLowerCase(), forUpdate);
    if (!found) throw notFound(m.rsvpNotFound);
    const expected = Buffer.from(mac(secret, found.invitee.id, found.invitee.tokenNonce));
    if (!timingSafeEqual(given, expected)) throw notFound(m.rsvpNotFound);
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

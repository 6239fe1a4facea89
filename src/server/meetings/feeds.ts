import { createHash, randomBytes } from "node:crypto";
import type { CalendarFeedStatus } from "../../contracts/meetings-convocations";
import type { GovernanceService } from "../governance/service";
import type { Actor } from "../platform/access";
import type { Db } from "../platform/db";
import { AppError, notFound } from "../platform/errors";
import type { MeetingAccess } from "./access";
import { convocationsMessages as m } from "./convocations-messages";
import * as convRepo from "./convocations-repo";
import { feedIcs, mailAddress } from "./ics";

// Private calendar feeds (iCalendar subscriptions). Each person has their own links: one per CLSM they read (its
// meetings, without those of confidential instances) and one personal (the meetings they are invited to, across the
// CLSMs they belong to, matched by e-mail). A link is a random token shown once; only its SHA-256 is stored. It is
// rotated (a new one replaces it) or revoked by its owner, and it follows its owner's rights: a feed whose owner
// no longer reads the CLSM answers 404 like an unknown one.

export const FEED_PATH = "/api/calendar";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export type FeedsService = ReturnType<typeof createFeedsService>;

export function createFeedsService(deps: {
  db: Db;
  access: MeetingAccess;
  governance: GovernanceService;
  /** The owner of a feed, with their current memberships (undefined once the account is gone). */
  loadActor: (userId: string) => Promise<Actor | undefined>;
  baseUrl: string;
  mailFrom: string;
}) {
  const { db, access, governance } = deps;
  const feedUrl = (token: string) => `${deps.baseUrl}${FEED_PATH}/${token}.ics`;

  const status = (row: convRepo.FeedRow | undefined): CalendarFeedStatus => ({
    active: !!row,
    createdAt: row?.createdAt.toISOString() ?? null,
    url: null,
  });

  /** A new link for the owner; the previous one stops working. */
  async function create(userId: string, kind: convRepo.FeedKind, clsmId: string | null) {
    const token = randomBytes(32).toString("base64url");
    const row = await db.transaction(async (tx) => {
      await convRepo.revokeFeeds(tx, userId, kind, clsmId);
      return convRepo.insertFeed(tx, { userId, kind, clsmId, tokenHash: hash(token) });
    });
    return { ...status(row), url: feedUrl(token) };
  }

  /** Whether the owner still reads the CLSM (an ended membership, a region change…). */
  async function stillReads(actor: Actor, clsmId: string) {
    try {
      return await access.reader(actor, clsmId);
    } catch (err) {
      if (err instanceof AppError && (err.statusCode === 404 || err.statusCode === 403)) return undefined;
      throw err;
    }
  }

  return {
    // ─── A CLSM's meetings ──────────────────────────────────────────────────────────────────────────────
    async clsmFeed(actor: Actor, clsmId: string) {
      await access.reader(actor, clsmId);
      return status(await convRepo.activeFeed(db, actor.userId, "clsm", clsmId));
    },
    async createClsmFeed(actor: Actor, clsmId: string) {
      await access.reader(actor, clsmId);
      return create(actor.userId, "clsm", clsmId);
    },
    async revokeClsmFeed(actor: Actor, clsmId: string) {
      await access.reader(actor, clsmId);
      await convRepo.revokeFeeds(db, actor.userId, "clsm", clsmId);
    },

    // ─── The person's own meetings ──────────────────────────────────────────────────────────────────────
    async personalFeed(actor: Actor) {
      return status(await convRepo.activeFeed(db, actor.userId, "personal", null));
    },
    async createPersonalFeed(actor: Actor) {
      return create(actor.userId, "personal", null);
    },
    async revokePersonalFeed(actor: Actor) {
      await convRepo.revokeFeeds(db, actor.userId, "personal", null);
    },

    /** The iCalendar text behind a public feed link; 404 for an unknown or revoked one. */
    async ics(token: string): Promise<string> {
      const feed = /^[A-Za-z0-9_-]{43}$/.test(token)
        ? await convRepo.findFeedByHash(db, hash(token))
        : undefined;
      const owner = feed ? await deps.loadActor(feed.userId) : undefined;
      if (!feed || !owner) throw notFound(m.feedNotFound);
      const organizer = (name: string) => ({ name, email: mailAddress(deps.mailFrom) });

      if (feed.kind === "clsm" && feed.clsmId) {
        const reader = await stillReads(owner, feed.clsmId);
        if (!reader) throw notFound(m.feedNotFound);
        // The confidential instances' meetings stay out, whoever owns the link: a feed URL travels.
        const hidden = await governance.confidentialInstanceIds(db, feed.clsmId);
        const meetings = await convRepo.meetingsForClsmFeed(db, feed.clsmId, hidden);
        return feedIcs({
          name: `Réunions — ${reader.clsmName}`,
          meetings,
          organizer: () => organizer(reader.clsmName),
        });
      }
      const rows = await convRepo.meetingsForPersonalFeed(
        db,
        owner.memberships.map((x) => x.clsmId),
        owner.email,
      );
      const names = new Map(rows.map((r) => [r.meeting.id, r.clsmName]));
      return feedIcs({
        name: "Mes réunions (Maillage)",
        meetings: rows.map((r) => r.meeting),
        organizer: (meeting) => organizer(names.get(meeting.id) ?? "Maillage"),
      });
    },
  };
}

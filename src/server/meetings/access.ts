import type { DirectoryService } from "../directory/service";
import type { GovernanceService } from "../governance/service";
import type { Actor } from "../platform/access";
import type { Db } from "../platform/db";
import { forbidden, notFound } from "../platform/errors";
import { meetingsMessages as m } from "./messages";
import * as repo from "./repo";

/** What a reader may do with the meetings of one CLSM. */
export interface MeetingReader {
  clsmId: string;
  clsmName: string;
  manage: boolean;
  contactsVisible: boolean;
}

export type MeetingAccess = ReturnType<typeof createMeetingAccess>;

/**
 * The access rules every part of the meetings domain (meetings, agenda, convocations, minutes, documents) checks:
 * members of the CLSM read its meetings, coordinators change them, and the meetings of a confidential instance
 * (the cellule) exist only for the coordination — for anyone else they answer 404 like an unknown id.
 */
export function createMeetingAccess(deps: { directory: DirectoryService; governance: GovernanceService }) {
  const { directory, governance } = deps;

  async function reader(actor: Actor, clsmId: string): Promise<MeetingReader> {
    const access = await directory.access(actor, clsmId);
    return {
      clsmId,
      clsmName: access.clsmName,
      manage: access.manage,
      contactsVisible: access.contactsVisible,
    };
  }

  async function manager(actor: Actor, clsmId: string): Promise<MeetingReader> {
    const r = await reader(actor, clsmId);
    if (!r.manage) throw forbidden();
    return r;
  }

  /** Instances whose meetings this reader may not see. */
  async function hiddenInstanceIds(tx: Db, r: MeetingReader): Promise<string[]> {
    return r.manage ? [] : governance.confidentialInstanceIds(tx, r.clsmId);
  }

  /** The meeting if this reader may see it (404 otherwise); `forUpdate` locks it for the transaction. */
  async function meeting(tx: Db, r: MeetingReader, id: string, forUpdate = false): Promise<repo.MeetingRow> {
    const row = await repo.findMeeting(tx, r.clsmId, id, forUpdate);
    if (!row) throw notFound(m.meetingNotFound);
    if (row.instanceId && !r.manage && (await hiddenInstanceIds(tx, r)).includes(row.instanceId))
      throw notFound(m.meetingNotFound);
    return row;
  }

  /** Those of some meetings this reader may see (unknown or hidden ones left out), for other domains' lists. */
  async function visibleMeetings(tx: Db, r: MeetingReader, ids: string[]): Promise<repo.MeetingRow[]> {
    if (!ids.length) return [];
    const [rows, hidden] = await Promise.all([
      repo.findMeetings(tx, r.clsmId, [...new Set(ids)]),
      hiddenInstanceIds(tx, r),
    ]);
    return rows.filter((row) => !row.instanceId || !hidden.includes(row.instanceId));
  }

  return { reader, manager, hiddenInstanceIds, meeting, visibleMeetings };
}

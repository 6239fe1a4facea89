import type { DirectoryService } from "../directory/service";
import { type Actor, membershipOf } from "../platform/access";
import { forbidden } from "../platform/errors";

/** What an actor may do with the diagnostic of one CLSM. */
export interface DiagnosticReader {
  clsmId: string;
  clsmName: string;
  /** The coordination (and platform admins): builds surveys, records needs, runs consultations, writes the avis. */
  manage: boolean;
  /** A member of the CLSM (not an ARS or national reader): may vote in priority consultations. */
  member: boolean;
}

export type DiagnosticAccess = ReturnType<typeof createDiagnosticAccess>;

/**
 * The access rules of the diagnostic domain: whoever may read the CLSM (members, its ARS, the national level) reads
 * its diagnostic (404 for anyone else, like an unknown id); the coordination changes it. Each part of the domain
 * (surveys, answers, results, needs, figures, priorities, avis) checks through these two functions.
 */
export function createDiagnosticAccess(deps: { directory: DirectoryService }) {
  async function reader(actor: Actor, clsmId: string): Promise<DiagnosticReader> {
    const access = await deps.directory.access(actor, clsmId);
    return {
      clsmId,
      clsmName: access.clsmName,
      manage: access.manage,
      member: membershipOf(actor, clsmId) !== undefined,
    };
  }

  async function manager(actor: Actor, clsmId: string): Promise<DiagnosticReader> {
    const r = await reader(actor, clsmId);
    if (!r.manage) throw forbidden();
    return r;
  }

  return { reader, manager };
}

// Access policies: the one place that says who may do what. Services call these before acting;
// routes never decide. Objects of another tenant are reported as missing (404), not forbidden.
import type { ClsmRole, PlatformRole } from "../../contracts/accounts";

export interface ActorMembership {
  clsmId: string;
  role: ClsmRole;
  isChair: boolean;
  isColead: boolean;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  platformRole: PlatformRole | null;
  arsRegionCode: string | null;
  memberships: ActorMembership[];
}

/** What a CLSM looks like to the policies: its id and the régions its territory touches. */
export interface ClsmScope {
  id: string;
  regionCodes: string[];
}

/** Which CLSMs an actor may read, in a form repos turn into a WHERE clause (no per-row checks). */
export type ClsmVisibility =
  | { kind: "all" }
  | { kind: "region"; regionCode: string; memberOf: string[] }
  | { kind: "memberOf"; ids: string[] };

export const membershipOf = (actor: Actor, clsmId: string) =>
  actor.memberships.find((m) => m.clsmId === clsmId);

const isAdmin = (actor: Actor) => actor.platformRole === "admin";

export function clsmVisibility(actor: Actor): ClsmVisibility {
  const memberOf = actor.memberships.map((m) => m.clsmId);
  if (actor.platformRole === "admin" || actor.platformRole === "national") return { kind: "all" };
  if (actor.platformRole === "ars" && actor.arsRegionCode) {
    return { kind: "region", regionCode: actor.arsRegionCode, memberOf };
  }
  return { kind: "memberOf", ids: memberOf };
}

export const policies = {
  platform: {
    manageUsers: isAdmin,
    readOutbox: isAdmin,
    createClsm: isAdmin,
    /** National and ARS officers browse a list of CLSMs beyond their own memberships. */
    browseClsms: (actor: Actor) => actor.platformRole !== null,
  },
  clsm: {
    read(actor: Actor, clsm: ClsmScope): boolean {
      const visibility = clsmVisibility(actor);
      switch (visibility.kind) {
        case "all":
          return true;
        case "region":
          return clsm.regionCodes.includes(visibility.regionCode) || visibility.memberOf.includes(clsm.id);
        case "memberOf":
          return visibility.ids.includes(clsm.id);
      }
    },
    manage: (actor: Actor, clsm: ClsmScope) =>
      isAdmin(actor) || membershipOf(actor, clsm.id)?.role === "coordinator",
  },
};

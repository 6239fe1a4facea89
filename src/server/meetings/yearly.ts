import type { InstanceKind } from "../../contracts/governance";
import type { GovernanceService } from "../governance/service";
import type { Actor } from "../platform/access";
import { parisParts, parisToUtc } from "../platform/dates";
import type { Db } from "../platform/db";
import type { MeetingAccess } from "./access";
import * as repo from "./repo";

/**
 * The year's record of the instances: meetings held and still planned per instance, whether the plénière met
 * (at least once a year, by the national framework) and how often the COPIL met.
 */
export function createYearlyCheck(deps: { db: Db; access: MeetingAccess; governance: GovernanceService }) {
  const { db, access, governance } = deps;
  return async function yearlyCheck(actor: Actor, clsmId: string, year?: number) {
    const r = await access.reader(actor, clsmId);
    const y = year ?? Number(parisParts(new Date()).date.slice(0, 4));
    const counts = await repo.countsByInstance(
      db,
      clsmId,
      parisToUtc(`${y}-01-01`, "00:00"),
      parisToUtc(`${y + 1}-01-01`, "00:00"),
    );
    const hidden = new Set(await access.hiddenInstanceIds(db, r));
    const instances = await governance.instancesByIds(
      db,
      clsmId,
      counts.flatMap((c) => (c.instanceId && !hidden.has(c.instanceId) ? [c.instanceId] : [])),
    );
    const byId = new Map(counts.map((c) => [c.instanceId, c]));
    const rows = instances
      .map((i) => ({
        id: i.id,
        name: i.name,
        kind: i.kind as InstanceKind,
        held: byId.get(i.id)?.held ?? 0,
        planned: byId.get(i.id)?.planned ?? 0,
      }))
      .sort((a, b) => b.held + b.planned - (a.held + a.planned) || a.name.localeCompare(b.name, "fr"));
    const pleniere = rows.filter((i) => i.kind === "pleniere");
    const pleniereHeld = pleniere.some((i) => i.held > 0);
    const copilMeetings = rows.filter((i) => i.kind === "copil").reduce((n, i) => n + i.held, 0);
    const notes = [
      pleniereHeld
        ? `L'assemblée plénière s'est réunie en ${y}.`
        : pleniere.some((i) => i.planned > 0)
          ? `L'assemblée plénière de ${y} est programmée mais ne s'est pas encore tenue.`
          : `Aucune assemblée plénière n'est tenue ni programmée en ${y} : elle se réunit au moins une fois par an.`,
      copilMeetings === 0
        ? `Le COPIL ne s'est pas encore réuni en ${y}.`
        : `Le COPIL s'est réuni ${copilMeetings} fois en ${y}.`,
    ];
    return { year: y, instances: rows, pleniereHeld, copilMeetings, notes };
  };
}

import { asc, eq } from "drizzle-orm";
import { directoryPerson } from "../src/server/directory/tables";
import { governanceInstance, governanceMembership } from "../src/server/governance/tables";
import { followUp, meeting, meetingAgendaItem, meetingInvitee } from "../src/server/meetings/tables";
import type { Db } from "../src/server/platform/db";
import { searchKey } from "../src/server/territory/normalize";
import { clsm } from "../src/server/workspaces/tables";
import { seeded } from "./random";

// The meetings of the national dataset: every CLSM of dataset.ts (with its directory from directory-dataset.ts)
// gets a COPIL, two working groups, a comité technique and a plénière, and about 167 meetings of them over three
// years (two past, one ahead): 50,000 meetings in all, with their invitees (the instance's members), agenda items,
// attendance for past ones, minutes text, and one or two follow-ups per past meeting, half of them still open.
// Rows are bulk-inserted in the shape the services write them.

export const MEETINGS_SEED = 20261130;
const DAY = 86_400_000;

const kinds = [
  { kind: "copil", name: "Comité de pilotage", every: 60, members: 14 },
  { kind: "groupe_travail", name: "Groupe logement et habitat", every: 14, members: 10 },
  { kind: "groupe_travail", name: "Groupe SISM", every: 21, members: 8 },
  { kind: "comite_technique", name: "Comité technique", every: 30, members: 6 },
  { kind: "pleniere", name: "Assemblée plénière", every: 365, members: 40 },
] as const;

const minutesWords = [
  "logement",
  "accompagnement",
  "bailleurs",
  "stigmatisation",
  "semaines d'information",
  "pair-aidance",
  "urgence psychiatrique",
  "parcours de soins",
  "jeunes adultes",
  "isolement",
  "formation premiers secours en santé mentale",
];

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 2_000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export interface MeetingsDataset {
  meetings: number;
  invitees: number;
  followUps: number;
  seconds: number;
}

export async function loadMeetings(db: Db, target = 50_000, log: (line: string) => void = console.log) {
  const started = performance.now();
  const rng = seeded(MEETINGS_SEED);
  const clsms = await db.select({ id: clsm.id }).from(clsm).orderBy(asc(clsm.name), asc(clsm.id));
  const perClsm = Math.ceil(target / clsms.length);
  const now = Date.now();
  const first = now - 2 * 365 * DAY;
  let meetings = 0;
  let invitees = 0;
  let followUps = 0;
  for (const [n, c] of clsms.entries()) {
    const people = (
      await db
        .select({
          id: directoryPerson.id,
          first: directoryPerson.firstName,
          last: directoryPerson.lastName,
          email: directoryPerson.email,
        })
        .from(directoryPerson)
        .where(eq(directoryPerson.clsmId, c.id))
    ).slice(0, 400);
    if (!people.length) continue;
    const instances = kinds.map((k) => ({
      ...k,
      id: rng.uuid(),
      members: rng.shuffle(people).slice(0, k.members),
    }));
    await db
      .insert(governanceInstance)
      .values(instances.map((i) => ({ id: i.id, clsmId: c.id, kind: i.kind, name: i.name })));
    await db.insert(governanceMembership).values(
      instances.flatMap((i) =>
        i.members.map((p) => ({
          clsmId: c.id,
          instanceId: i.id,
          personId: p.id,
          role: "membre",
          startDate: "2024-01-01",
        })),
      ),
    );
    const meetingRows: (typeof meeting.$inferInsert)[] = [];
    const inviteeRows: (typeof meetingInvitee.$inferInsert)[] = [];
    const itemRows: (typeof meetingAgendaItem.$inferInsert)[] = [];
    const followUpRows: (typeof followUp.$inferInsert)[] = [];
    // Spread the CLSM's meetings over its instances in proportion to how often each meets.
    const weights = instances.map((i) => 1 / i.every);
    const total = weights.reduce((a, b) => a + b, 0);
    for (const [k, instance] of instances.entries()) {
      const count = Math.max(1, Math.round((perClsm * (weights[k] ?? 0)) / total));
      const step = (3 * 365 * DAY) / count;
      for (let j = 0; j < count; j++) {
        const startsAt = new Date(first + j * step + rng.int(0, 6) * 3_600_000);
        const past = startsAt.getTime() < now;
        const id = rng.uuid();
        const minutesText = past
          ? `Compte rendu. Points abordés : ${rng.pick(minutesWords)}, ${rng.pick(minutesWords)}. Décision sur ${rng.pick(minutesWords)}.`
          : null;
        meetingRows.push({
          id,
          clsmId: c.id,
          instanceId: instance.id,
          title: instance.name,
          startsAt,
          durationMinutes: 120,
          placeName: "Salle du conseil",
          minutesText,
          searchText: searchKey(`${instance.name} ${minutesText ?? ""}`),
        });
        for (const p of instance.members)
          inviteeRows.push({
            clsmId: c.id,
            meetingId: id,
            personId: p.id,
            name: `${p.first} ${p.last}`,
            email: p.email,
            fromInstance: true,
            tokenNonce: rng.uuid(),
            rsvp: past ? rng.pick(["yes", "no", "maybe", "pending"] as const) : "pending",
            attendance: past
              ? rng.pick(["present", "present", "present", "excuse", "absent"] as const)
              : null,
          });
        for (let a = 0; a < 3; a++)
          itemRows.push({
            clsmId: c.id,
            meetingId: id,
            position: a,
            title: `Point ${a + 1} : ${rng.pick(minutesWords)}`,
            durationMinutes: 30,
          });
        if (past)
          for (let a = 0; a < rng.int(1, 2); a++) {
            const open = rng.next() < 0.5;
            followUpRows.push({
              clsmId: c.id,
              meetingId: id,
              description: `Relancer ${rng.pick(minutesWords)}`,
              assigneePersonId: rng.pick(instance.members).id,
              dueDate: new Date(startsAt.getTime() + rng.int(7, 90) * DAY).toISOString().slice(0, 10),
              status: open ? "open" : "done",
              closedAt: open ? null : new Date(startsAt.getTime() + 30 * DAY),
            });
          }
      }
    }
    await insertInBatches(meetingRows, (b) => db.insert(meeting).values(b));
    await insertInBatches(inviteeRows, (b) => db.insert(meetingInvitee).values(b));
    await insertInBatches(itemRows, (b) => db.insert(meetingAgendaItem).values(b));
    await insertInBatches(followUpRows, (b) => db.insert(followUp).values(b));
    meetings += meetingRows.length;
    invitees += inviteeRows.length;
    followUps += followUpRows.length;
    if ((n + 1) % 50 === 0) log(`  meetings: ${n + 1}/${clsms.length} CLSMs, ${meetings} meetings`);
  }
  return {
    meetings,
    invitees,
    followUps,
    seconds: (performance.now() - started) / 1000,
  } satisfies MeetingsDataset;
}

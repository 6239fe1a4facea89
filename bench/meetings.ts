// Meetings bench, through the services as the API calls them (the HTTP layer is measured by run.ts).
//   npx tsx bench/meetings.ts [--meetings 50000] [--repeat 20]
// Builds the national dataset (dataset.ts), a directory in every CLSM (directory-dataset.ts) and ~50,000 meetings
// (meetings-dataset.ts) in a fresh database — in-memory PGlite, or PostgreSQL when DATABASE_URL names an empty
// database — then measures the calendar, the lists, a meeting, the yearly check and the follow-ups list on a
// typical CLSM, and sending 500 convocations (queueing, then delivery to the outbox by the job worker).
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { and, asc, count, eq, isNotNull, lt, sql } from "drizzle-orm";
import { user } from "../src/server/accounts/tables";
import { buildApp } from "../src/server/app";
import { directoryPerson } from "../src/server/directory/tables";
import { mailMessage } from "../src/server/mail/tables";
import { meeting } from "../src/server/meetings/tables";
import type { Actor } from "../src/server/platform/access";
import { loadConfig } from "../src/server/platform/config";
import { addDays, parisToday } from "../src/server/platform/dates";
import { openPglite, openPostgres } from "../src/server/platform/db";
import { ensureReferenceData } from "../src/server/territory/reference";
import { loadDataset, NATIONAL_SCALE } from "./dataset";
import { loadDirectories } from "./directory-dataset";
import { loadMeetings } from "./meetings-dataset";

const { values } = parseArgs({
  options: { meetings: { type: "string", default: "50000" }, repeat: { type: "string", default: "20" } },
});
const repeat = Number(values.repeat);

const database = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : openPglite();
await database.migrate();
await ensureReferenceData(database.db);
const { app, services } = await buildApp({
  config: loadConfig({ LOG_LEVEL: "silent", BASE_URL: "http://localhost:3000", JOB_POLL_MS: "0" }),
  database,
  serveWeb: false,
  logger: false,
});
await app.ready();
const db = database.db;

const adminId = randomUUID();
await db.insert(user).values({
  id: adminId,
  email: `bench-${adminId}@exemple.test`,
  name: "Bench",
  emailVerified: true,
  platformRole: "admin",
});
const actor: Actor = {
  userId: adminId,
  name: "Bench",
  email: "bench@exemple.test",
  platformRole: "admin",
  arsRegionCode: null,
  memberships: [],
};

const byNumber = (a: number, b: number) => a - b;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await f();
  return [out, performance.now() - start];
}

console.log(`Database: ${database.kind}; ${cpus().length} cores`);
const info = await loadDataset(db, services, NATIONAL_SCALE);
await db.execute(sql`analyze`);
const directories = await loadDirectories(db);
const loaded = await loadMeetings(db, Number(values.meetings));
await db.execute(sql`analyze`);
console.log(
  `Loaded ${loaded.meetings} meetings, ${loaded.invitees} invitees, ${loaded.followUps} follow-ups in ${loaded.seconds.toFixed(0)} s`,
);

// ─── Reads on a typical CLSM ────────────────────────────────────────────────────────────────────────────
const clsmId = info.coordinator.clsmId;
const [{ n: ownMeetings } = { n: 0 }] = await db
  .select({ n: count() })
  .from(meeting)
  .where(eq(meeting.clsmId, clsmId));
const [pastMeeting] = await db
  .select({ id: meeting.id })
  .from(meeting)
  .where(and(eq(meeting.clsmId, clsmId), lt(meeting.startsAt, new Date()), isNotNull(meeting.minutesText)))
  .orderBy(asc(meeting.startsAt))
  .limit(1);
const today = parisToday();
const month = { from: `${today.slice(0, 8)}01`, to: addDays(`${today.slice(0, 8)}28`, 3) };
const list = { when: "upcoming" as const, includeCancelled: false, limit: 50, offset: 0 };

const reads: [string, () => Promise<unknown>][] = [
  ["calendar: this month", () => services.meetings.list(actor, clsmId, { ...list, ...month, limit: 500 })],
  ["list: upcoming, page 1", () => services.meetings.list(actor, clsmId, list)],
  ["list: past, page 3", () => services.meetings.list(actor, clsmId, { ...list, when: "past", offset: 100 })],
  [
    "a past meeting (invitees, agenda)",
    () => services.meetings.get(actor, clsmId, pastMeeting?.id as string),
  ],
  ["yearly check", () => services.yearlyCheck(actor, clsmId)],
];
const followUps = (services as Record<string, unknown>).followUps as
  | { list(a: Actor, c: string, q: Record<string, unknown>): Promise<unknown> }
  | undefined;
if (followUps)
  reads.push([
    "follow-ups: open, by due date",
    () => followUps.list(actor, clsmId, { status: "open", limit: 50, offset: 0 }),
  ]);

console.log(
  `\nTypical CLSM "${info.coordinator.clsmName}": ${ownMeetings} meetings (${repeat} runs each after one unmeasured)\n`,
);
console.log("| Read | median ms | p95 ms |");
console.log("| --- | --- | --- |");
for (const [label, read] of reads) {
  const durations: number[] = [];
  for (let run = -1; run < repeat; run++) {
    const [, ms] = await time(read);
    if (run >= 0) durations.push(ms);
  }
  durations.sort(byNumber);
  console.log(
    `| ${label} | ${percentile(durations, 0.5).toFixed(1)} | ${percentile(durations, 0.95).toFixed(1)} |`,
  );
}

// ─── 500 convocations ───────────────────────────────────────────────────────────────────────────────────
const large = directories.large.clsmId;
const guests = await db
  .select({ id: directoryPerson.id })
  .from(directoryPerson)
  .where(and(eq(directoryPerson.clsmId, large), isNotNull(directoryPerson.email)))
  .orderBy(asc(directoryPerson.id))
  .limit(500);
const plenary = await services.meetings.create(actor, large, {
  title: "Assemblée plénière",
  date: addDays(today, 30),
  time: "18:00",
  durationMinutes: 120,
  reminderDaysBefore: null,
  guests: guests.map((g) => ({ personId: g.id })),
});
const [sent, queueMs] = await time(() =>
  services.convocations.send(actor, large, plenary.id, { scope: "all" }),
);
const [delivered, deliverMs] = await time(async () => {
  let total = 0;
  for (let ran = await services.jobs.runDue(1000); ran > 0; ran = await services.jobs.runDue(1000))
    total += ran;
  return total;
});
const [{ n: outbox } = { n: 0 }] = await db
  .select({ n: count() })
  .from(mailMessage)
  .where(eq(mailMessage.status, "outbox"));
console.log(
  `\n${guests.length} invitees: convocations queued (${sent.sent} mails with their .ics, one transaction) in ${queueMs.toFixed(0)} ms`,
);
console.log(
  `Job worker delivered ${delivered} mails to the outbox (no SMTP) in ${deliverMs.toFixed(0)} ms (${outbox} in the outbox)`,
);

await app.close();
await database.close();

import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { FollowUp } from "../../src/contracts/meetings-minutes";
import { job } from "../../src/server/jobs/tables";
import { mailMessage } from "../../src/server/mail/tables";
import { FOLLOW_UP_REMINDERS_JOB } from "../../src/server/meetings/follow-ups";
import { followUp as followUpTable } from "../../src/server/meetings/tables";
import { addDays, parisToday } from "../../src/server/platform/dates";
import type { Person } from "../support/app";
import { setupApp } from "../support/app";
import { createPerson, dir } from "../support/directory";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";
import { createInstance } from "../support/governance";
import { createMeeting, meetingsUrl } from "../support/meetings";

const t = await setupApp();

const today = parisToday();
const day = (n: number) => addDays(today, n);
const followUpsUrl = (clsmId: string, path = "") => `/api/clsms/${clsmId}/follow-ups${path}`;
const nameOf = async (p: Person) =>
  ((await t.request(p, { method: "GET", url: "/api/me" })).json() as { name: string }).name;

async function addFollowUp(by: Person, clsmId: string, meetingId: string, body: Record<string, unknown>) {
  const res = await t.request(by, {
    method: "POST",
    url: meetingsUrl(clsmId, `/${meetingId}/follow-ups`),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FollowUp;
}

async function list(by: Person, clsmId: string, query: Record<string, string> = {}) {
  const res = await t.request(by, { method: "GET", url: followUpsUrl(clsmId), query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: FollowUp[]; total: number; can: { manage: boolean } };
}

async function shareMinutes(tenant: Tenant, meetingId: string) {
  const res = await t.request(tenant.coordinator, {
    method: "POST",
    url: meetingsUrl(tenant.clsm.id, `/${meetingId}/minutes/share`),
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function setup() {
  const tenant = await createTenant(t);
  const { clsm, coordinator } = tenant;
  const anne = await createPerson(t, coordinator, clsm.id, {
    firstName: "Anne",
    lastName: "Élue",
    email: "anne.elue@exemple.test",
  });
  const paul = await createPerson(t, coordinator, clsm.id, { firstName: "Paul", lastName: "Sans-Courriel" });
  const meeting = await createMeeting(t, coordinator, clsm.id, {
    title: "COPIL de janvier",
    date: "2026-01-13",
    time: "14:00",
  });
  return { ...tenant, anne, paul, meeting };
}

describe("follow-ups", () => {
  it("creates, edits, closes (who and when), reopens and deletes a follow-up", async () => {
    const { clsm, coordinator, member, anne, meeting } = await setup();
    const other = await createTenant(t);
    const stranger = await createPerson(t, other.coordinator, other.clsm.id, {
      firstName: "X",
      lastName: "Y",
    });
    const otherMeeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Autre",
      date: "2026-02-10",
      time: "10:00",
    });
    const decision = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${meeting.id}/decisions`),
      payload: { text: "Diffuser la charte." },
    });
    const created = await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Envoyer la charte aux partenaires",
      assigneePersonId: anne.id,
      dueDate: day(10),
      decisionId: decision.json().id,
    });
    expect(created).toMatchObject({
      meeting: { id: meeting.id, title: "COPIL de janvier", date: "2026-01-13" },
      description: "Envoyer la charte aux partenaires",
      assignee: { id: anne.id, name: "Anne Élue" },
      dueDate: day(10),
      decisionId: decision.json().id,
      status: "open",
      overdue: false,
      closedAt: null,
      closedByName: null,
    });

    const url = meetingsUrl(clsm.id, `/${meeting.id}/follow-ups`);
    const bad: [Record<string, unknown>, string][] = [
      [{ description: "" }, "description"],
      [{ description: "x", assigneePersonId: stranger.id }, "assigneePersonId"],
      [{ description: "x", assigneePersonId: "pas-un-id" }, "assigneePersonId"],
      [{ description: "x", dueDate: "2026-02-30" }, "dueDate"],
      [{ description: "x", decisionId: crypto.randomUUID() }, "decisionId"],
    ];
    for (const [payload, field] of bad) {
      const res = await t.request(coordinator, { method: "POST", url, payload });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.fields, field).toHaveProperty(field);
    }
    const foreignDecision = await t.request(coordinator, {
      method: "PATCH",
      url: followUpsUrl(clsm.id, `/${created.id}`),
      payload: {
        decisionId: (
          await t.request(coordinator, {
            method: "POST",
            url: meetingsUrl(clsm.id, `/${otherMeeting.id}/decisions`),
            payload: { text: "Ailleurs" },
          })
        ).json().id,
      },
    });
    expect(foreignDecision.statusCode).toBe(400);
    expect((await t.request(member, { method: "POST", url, payload: { description: "x" } })).statusCode).toBe(
      403,
    );

    const one = followUpsUrl(clsm.id, `/${created.id}`);
    const edited = await t.request(coordinator, {
      method: "PATCH",
      url: one,
      payload: { description: "Envoyer la charte signée", assigneePersonId: null, dueDate: null },
    });
    expect(edited.json()).toMatchObject({
      description: "Envoyer la charte signée",
      assignee: null,
      dueDate: null,
    });

    const closed = await t.request(coordinator, { method: "PATCH", url: one, payload: { status: "done" } });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "done", closedByName: await nameOf(coordinator) });
    expect(Date.now() - Date.parse(closed.json().closedAt)).toBeLessThan(60_000);
    const memberClose = await t.request(member, { method: "PATCH", url: one, payload: { status: "open" } });
    expect(memberClose.statusCode).toBe(403);
    const reopened = await t.request(coordinator, { method: "PATCH", url: one, payload: { status: "open" } });
    expect(reopened.json()).toMatchObject({ status: "open", closedAt: null, closedByName: null });

    expect((await t.request(coordinator, { method: "DELETE", url: one })).statusCode).toBe(204);
    const gone = await t.request(coordinator, { method: "PATCH", url: one, payload: { status: "done" } });
    expect(gone.statusCode).toBe(404);
    expectErrorBody(gone.body, "NOT_FOUND");
    // Another CLSM's coordinator: 404 as for an unknown id.
    const again = await addFollowUp(coordinator, clsm.id, meeting.id, { description: "Encore" });
    const foreign = await t.request(other.coordinator, {
      method: "PATCH",
      url: followUpsUrl(clsm.id, `/${again.id}`),
      payload: { status: "done" },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("lists open follow-ups by due date (overdue first, flagged), filtered and paginated", async () => {
    const tenant = await setup();
    const { clsm, coordinator, anne, paul, meeting } = tenant;
    const later = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL de mars",
      date: "2026-03-10",
      time: "14:00",
    });
    const add = (m: string, description: string, extra: Record<string, unknown> = {}) =>
      addFollowUp(coordinator, clsm.id, m, { description, ...extra });
    await add(meeting.id, "Sans date", { assigneePersonId: paul.id });
    await add(later.id, "Dans dix jours", { dueDate: day(10), assigneePersonId: anne.id });
    await add(meeting.id, "En retard", { dueDate: day(-3), assigneePersonId: anne.id });
    await add(later.id, "Dans deux jours", { dueDate: day(2) });
    const done = await add(meeting.id, "Déjà faite", { dueDate: day(-20), assigneePersonId: anne.id });
    await t.request(coordinator, {
      method: "PATCH",
      url: followUpsUrl(clsm.id, `/${done.id}`),
      payload: { status: "done" },
    });

    const open = await list(coordinator, clsm.id);
    expect(open.total).toBe(4);
    expect(open.items.map((i) => [i.description, i.overdue])).toEqual([
      ["En retard", true],
      ["Dans deux jours", false],
      ["Dans dix jours", false],
      ["Sans date", false],
    ]);
    expect(open.items[2]?.meeting).toEqual({ id: later.id, title: "COPIL de mars", date: "2026-03-10" });
    expect(open.items[3]?.assignee).toEqual({ id: paul.id, name: "Paul Sans-Courriel" });
    expect(open.can).toEqual({ manage: true });

    const page = await list(coordinator, clsm.id, { limit: "2", offset: "2" });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.description)).toEqual(["Dans dix jours", "Sans date"]);
    expect(await list(coordinator, clsm.id, { offset: "10" })).toMatchObject({ items: [], total: 4 });

    expect(
      (await list(coordinator, clsm.id, { status: "done" })).items.map((i) => [i.description, i.overdue]),
    ).toEqual([["Déjà faite", false]]);
    expect((await list(coordinator, clsm.id, { status: "all" })).total).toBe(5);
    expect(
      (await list(coordinator, clsm.id, { assigneePersonId: anne.id })).items.map((i) => i.description),
    ).toEqual(["En retard", "Dans dix jours"]);
    expect((await list(coordinator, clsm.id, { dueBefore: day(2) })).items.map((i) => i.description)).toEqual(
      ["En retard", "Dans deux jours"],
    );
    expect((await list(coordinator, clsm.id, { meetingId: later.id })).total).toBe(2);
    const badQueries: Record<string, string>[] = [
      { status: "fini" },
      { dueBefore: "demain" },
      { limit: "0" },
      { assigneePersonId: "x" },
    ];
    for (const query of badQueries) {
      const res = await t.request(coordinator, { method: "GET", url: followUpsUrl(clsm.id), query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
    }
  });

  it("shows members the follow-ups of shared minutes only, never a confidential instance's", async () => {
    const tenant = await setup();
    const { clsm, coordinator, member, meeting } = tenant;
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const secret = await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule",
      instanceId: cellule.id,
      date: "2026-01-20",
      time: "10:00",
    });
    await addFollowUp(coordinator, clsm.id, meeting.id, { description: "Publique", dueDate: day(5) });
    await addFollowUp(coordinator, clsm.id, secret.id, { description: "Secrète", dueDate: day(5) });
    expect((await list(member, clsm.id)).total).toBe(0);
    await shareMinutes(tenant, meeting.id);
    await shareMinutes(tenant, secret.id);
    const seen = await list(member, clsm.id);
    expect(seen.items.map((i) => i.description)).toEqual(["Publique"]);
    expect(seen.can).toEqual({ manage: false });
    expect((await list(coordinator, clsm.id)).total).toBe(2);
    const minutes = await t.request(member, {
      method: "GET",
      url: meetingsUrl(clsm.id, `/${meeting.id}/minutes`),
    });
    expect(minutes.json().followUps.map((f: FollowUp) => f.description)).toEqual(["Publique"]);
  });

  it("a directory merge moves the assignments, and the person's export lists them", async () => {
    const { clsm, coordinator, anne, meeting } = await setup();
    const dup = await createPerson(t, coordinator, clsm.id, {
      firstName: "Anne",
      lastName: "Élue (doublon)",
    });
    await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Relancer le CMP",
      assigneePersonId: dup.id,
      dueDate: "2026-02-01",
    });
    const merged = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${anne.id}/merge`),
      payload: { otherId: dup.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(
      (await list(coordinator, clsm.id, { assigneePersonId: anne.id })).items.map((i) => i.description),
    ).toEqual(["Relancer le CMP"]);
    const exported = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, `/people/${anne.id}/export`),
    });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().followUps).toEqual([
      {
        meeting: "COPIL de janvier",
        date: "2026-01-13",
        description: "Relancer le CMP",
        dueDate: "2026-02-01",
        status: "open",
        closedAt: null,
      },
    ]);
    expect(exported.json().notice).toContain("actions à suivre");
  });
});

describe("follow-up reminders", () => {
  const remindersTo = (email: string) =>
    t.database.db
      .select()
      .from(mailMessage)
      .where(and(eq(mailMessage.to, email), like(mailMessage.subject, "%ction%à suivre%")));

  async function runReminders() {
    await t.services.jobs.enqueue(
      t.database.db,
      FOLLOW_UP_REMINDERS_JOB,
      {},
      { runAt: new Date(Date.now() - 60_000) },
    );
    await t.services.jobs.runDue();
  }

  it("mails assignees their follow-ups due within three days or overdue, once a week at most, and keeps one daily run", async () => {
    const tenant = await setup();
    const { clsm, coordinator, anne, paul, meeting } = tenant;
    const unshared = await createMeeting(t, coordinator, clsm.id, {
      title: "Brouillon",
      date: "2026-01-27",
      time: "10:00",
    });
    const soon = await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Réserver la salle",
      assigneePersonId: anne.id,
      dueDate: day(2),
    });
    const late = await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Envoyer le bilan",
      assigneePersonId: anne.id,
      dueDate: day(-5),
    });
    const far = await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Préparer la SISM",
      assigneePersonId: anne.id,
      dueDate: day(20),
    });
    const noMail = await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Appeler le GEM",
      assigneePersonId: paul.id,
      dueDate: day(1),
    });
    const draft = await addFollowUp(coordinator, clsm.id, unshared.id, {
      description: "Pas encore partagée",
      assigneePersonId: anne.id,
      dueDate: day(1),
    });
    const closed = await addFollowUp(coordinator, clsm.id, meeting.id, {
      description: "Faite",
      assigneePersonId: anne.id,
      dueDate: day(1),
    });
    await t.request(coordinator, {
      method: "PATCH",
      url: followUpsUrl(clsm.id, `/${closed.id}`),
      payload: { status: "done" },
    });
    await shareMinutes(tenant, meeting.id);

    await runReminders();
    const mails = await remindersTo("anne.elue@exemple.test");
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe(`2 actions à suivre pour le ${clsm.name}`);
    expect(mail?.text).toContain("Réserver la salle");
    expect(mail?.text).toContain("Envoyer le bilan — en retard");
    expect(mail?.text).not.toContain("Préparer la SISM");
    expect(mail?.text).not.toContain("Pas encore partagée");
    expect(mail?.text).not.toContain("Faite");
    expect(mail?.text).toContain(`http://localhost:3000/clsm/${clsm.id}/suivi`);
    expect(mail?.html).toContain("Réserver la salle");
    const reminded = async (id: string) =>
      (await t.database.db.select().from(followUpTable).where(eq(followUpTable.id, id)))[0]?.lastReminderAt ??
      null;
    expect(await reminded(soon.id)).not.toBeNull();
    expect(await reminded(late.id)).not.toBeNull();
    for (const id of [far.id, noMail.id, draft.id, closed.id]) expect(await reminded(id)).toBeNull();

    // Run again (a retry, or the next day): nothing new within the week.
    await runReminders();
    expect(await remindersTo("anne.elue@exemple.test")).toHaveLength(1);

    // A week later the overdue one is reminded again; a new due date earns its own reminder.
    await t.database.db
      .update(followUpTable)
      .set({ lastReminderAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(followUpTable.id, late.id));
    await runReminders();
    const after = await remindersTo("anne.elue@exemple.test");
    expect(after).toHaveLength(2);
    expect(after.find((m) => m.id !== mail?.id)?.subject).toBe(`Action à suivre pour le ${clsm.name}`);

    // One next run pending, whatever the number of runs.
    const pending = await t.database.db
      .select()
      .from(job)
      .where(and(eq(job.name, FOLLOW_UP_REMINDERS_JOB), eq(job.status, "pending")));
    expect(pending).toHaveLength(1);
    expect(pending[0]?.runAt.getTime()).toBeGreaterThan(Date.now());
    await t.services.followUps.scheduleReminders();
    expect(
      await t.database.db
        .select()
        .from(job)
        .where(and(eq(job.name, FOLLOW_UP_REMINDERS_JOB), eq(job.status, "pending"))),
    ).toHaveLength(1);
  });
});

import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anonymitySentence } from "../../src/contracts/survey-answers";
import { COLLEGE_SPLIT } from "../../src/contracts/survey-results";
import { REMINDER_JOB, reminderAt } from "../../src/server/diagnostic/answering/invitations";
import { surveyInvitation } from "../../src/server/diagnostic/tables";
import { job } from "../../src/server/jobs/tables";
import { frenchLongDate, frenchTime } from "../../src/server/meetings/convocation-mails";
import { parisToday } from "../../src/server/platform/dates";
import { setupApp } from "../support/app";
import { mailsTo, uniqueEmail } from "../support/convocations";
import { collegeId, createPerson } from "../support/directory";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";
import { addMembers, createInstance } from "../support/governance";
import {
  answerableSurvey,
  newBrowserKey,
  postAnswer,
  postInvitationAnswer,
  storedResponses,
  viewInvitation,
} from "../support/survey-answering";

// Personal links: the coordination invites directory contacts (or an instance's members), mails them their link,
// reminds those who have not answered; each link takes one answer, and never ties an anonymous answer to a person.

const t = await setupApp();

/** A tenant with three directory people: Anne and Bob with an address, Noé without; a COPIL of Anne and Bob. */
async function contacts() {
  const tenant = await createTenant(t);
  const person = (firstName: string, lastName: string, email?: string) =>
    createPerson(t, tenant.coordinator, tenant.clsm.id, { firstName, lastName, ...(email ? { email } : {}) });
  const anneEmail = uniqueEmail("anne");
  const bobEmail = uniqueEmail("bob");
  const anne = await person("Anne", "Maire", anneEmail);
  const bob = await person("Bob", "Infirmier", bobEmail);
  const noe = await person("Noé", "Gem");
  const copil = await createInstance(t, tenant.coordinator, tenant.clsm.id, { kind: "copil", name: "COPIL" });
  await addMembers(t, tenant.coordinator, tenant.clsm.id, copil.id, { personIds: [anne.id, bob.id] });
  return { ...tenant, anne, anneEmail, bob, bobEmail, noe, copil };
}

const url = (tenant: Tenant, surveyId: string, path = "") =>
  `/api/clsms/${tenant.clsm.id}/surveys/${surveyId}/invitations${path}`;
const call = (
  tenant: Tenant,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  target: string,
  payload?: object,
) => t.request(tenant.coordinator, { method, url: target, ...(payload ? { payload } : {}) });

async function invite(tenant: Tenant, surveyId: string, payload: object) {
  const res = await call(tenant, "POST", url(tenant, surveyId), payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function list(tenant: Tenant, surveyId: string, query = "") {
  const res = await call(tenant, "GET", `${url(tenant, surveyId)}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function send(
  tenant: Tenant,
  surveyId: string,
  what: "send" | "remind" = "send",
  payload: object = {},
) {
  const res = await call(tenant, "POST", url(tenant, surveyId, `/${what}`), payload);
  expect(res.statusCode, res.body).toBe(200);
  await t.services.jobs.runDue();
  return res.json();
}

/** The personal link's token in the last mail to an address. */
async function tokenIn(email: string) {
  const mail = (await mailsTo(t, email)).at(-1);
  const match = /https?:\/\/\S+\/questionnaire\/invitation\/(\S+)/.exec(mail?.text ?? "");
  if (!match?.[1]) throw new Error(`no personal link in: ${mail?.text}`);
  return match[1];
}

const inTenDays = () => new Date(Date.now() + 10 * 86_400_000);
const answerBody = { answers: { role: "aidant", note: 3 }, others: {} };

async function invitationRow(id: string) {
  const [row] = await t.database.db.select().from(surveyInvitation).where(eq(surveyInvitation.id, id));
  if (!row) throw new Error("no invitation");
  return row;
}

describe("inviting directory contacts", () => {
  it("adds people and an instance's members once each, and says who has no e-mail address", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    expect(await invite(c, id, { personIds: [c.anne.id, c.noe.id, c.anne.id] })).toEqual({
      added: 2,
      alreadyInvited: 0,
      withoutEmail: [{ personId: c.noe.id, name: "Noé Gem" }],
    });
    expect(await invite(c, id, { instanceId: c.copil.id })).toEqual({
      added: 1,
      alreadyInvited: 1,
      withoutEmail: [],
    });
    const all = await list(c, id);
    expect(all.counts).toEqual({ total: 3, pending: 3, sent: 0, answered: 0 });
    expect(all.total).toBe(3);
    expect(all.can).toEqual({ add: true, send: true, remind: true });
    // Sorted by last name, as the directory sorts people.
    expect(all.items.map((i: { name: string }) => i.name)).toEqual([
      "Noé Gem",
      "Bob Infirmier",
      "Anne Maire",
    ]);
    expect(all.items[2]).toMatchObject({
      personId: c.anne.id,
      email: c.anneEmail,
      status: "pending",
      sentAt: null,
      remindedAt: null,
      answeredOn: null,
    });
    const page = await list(c, id, "?limit=2&offset=2");
    expect(page).toMatchObject({ total: 3, items: [{ name: "Anne Maire" }] });
  });

  it("refuses people of another CLSM, unknown instances and bodies naming neither or both (400); a closed survey (409)", async () => {
    const c = await contacts();
    const other = await contacts();
    const { id } = await answerableSurvey(t, c);
    for (const [payload, field] of [
      [{ personIds: [other.anne.id] }, "personIds"],
      [{ instanceId: other.copil.id }, "instanceId"],
      [{ instanceId: randomUUID() }, "instanceId"],
      [{}, "personIds"],
      [{ personIds: [c.anne.id], instanceId: c.copil.id }, "personIds"],
    ] as const) {
      const res = await call(c, "POST", url(c, id), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual([field]);
    }
    expect((await list(c, id)).counts.total).toBe(0);
    await call(c, "POST", `/api/clsms/${c.clsm.id}/surveys/${id}/close`);
    const closed = await call(c, "POST", url(c, id), { personIds: [c.anne.id] });
    expect(closed.statusCode).toBe(409);
    expect((await list(c, id)).can).toEqual({ add: false, send: false, remind: false });
  });

  it("is the coordination's: a member gets 403, another CLSM 404", async () => {
    const c = await contacts();
    const other = await createTenant(t);
    const { id } = await answerableSurvey(t, c);
    const asMember = await t.request(c.member, { method: "GET", url: url(c, id) });
    expect(asMember.statusCode).toBe(403);
    expectErrorBody(asMember.body, "FORBIDDEN");
    const asOther = await t.request(other.coordinator, { method: "GET", url: url(c, id) });
    expect(asOther.statusCode).toBe(404);
    const otherSurvey = await answerableSurvey(t, other);
    expect((await call(c, "GET", url(c, otherSurvey.id))).statusCode).toBe(404);
  });
});

describe("sending the invitations", () => {
  it("mails each person with an address once, with the link, the closing date and the anonymity sentence", async () => {
    const c = await contacts();
    const closesAt = inTenDays();
    const { id } = await answerableSurvey(t, c, { settings: { closesAt: closesAt.toISOString() } });
    await invite(c, id, { personIds: [c.anne.id, c.noe.id] });
    expect(await send(c, id, "send", { message: "Votre avis compte." })).toEqual({
      sent: 1,
      withoutEmail: [{ personId: c.noe.id, name: "Noé Gem" }],
    });
    const [mail, ...more] = await mailsTo(t, c.anneEmail);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ status: "outbox", subject: "Questionnaire : Santé mentale et quartier" });
    const text = mail?.text ?? "";
    expect(text).toContain("Bonjour Anne Maire,");
    expect(text).toContain(`jusqu'au ${frenchLongDate(closesAt)} à ${frenchTime(closesAt)}`);
    expect(text).toContain(anonymitySentence(true, true));
    expect(text).toContain("Votre avis compte.");
    expect(text).toMatch(
      /http:\/\/localhost:3000\/questionnaire\/invitation\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\n/,
    );
    expect(mail?.html).toContain("Répondre au questionnaire");

    // Sending again mails only those not sent yet (Noé still has no address).
    expect(await send(c, id)).toEqual({ sent: 0, withoutEmail: [{ personId: c.noe.id, name: "Noé Gem" }] });
    expect(await mailsTo(t, c.anneEmail)).toHaveLength(1);
    const after = await list(c, id);
    expect(after.counts).toEqual({ total: 2, pending: 1, sent: 1, answered: 0 });
    expect(after.items[1]).toMatchObject({ name: "Anne Maire", status: "sent", sentAt: expect.any(String) });
    expect((await list(c, id, "?status=pending")).items.map((i: { name: string }) => i.name)).toEqual([
      "Noé Gem",
    ]);

    const opened = await viewInvitation(t, await tokenIn(c.anneEmail));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      title: "Santé mentale et quartier",
      invitee: { name: "Anne Maire" },
      anonymity: anonymitySentence(true, true),
      asksName: false,
    });
  });

  it("waits for the survey to be published, and stops once it is closed (409)", async () => {
    const c = await contacts();
    const draft = await answerableSurvey(t, c, { draft: true });
    await invite(c, draft.id, { personIds: [c.anne.id] });
    const early = await call(c, "POST", url(c, draft.id, "/send"), {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/Publiez/);
    expect((await list(c, draft.id)).can).toEqual({ add: true, send: false, remind: false });
    expect(await mailsTo(t, c.anneEmail)).toEqual([]);
  });
});

describe("answering through a personal link", () => {
  it("takes one answer; an anonymous survey's answer does not point at the invitation, which does not say when", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    await invite(c, id, { personIds: [c.anne.id] });
    await send(c, id);
    const token = await tokenIn(c.anneEmail);
    const [invitation] = (await list(c, id)).items;
    const sent = await invitationRow(invitation.id);

    const first = await postInvitationAnswer(t, token, answerBody);
    expect(first.statusCode, first.body).toBe(201);
    const again = await postInvitationAnswer(t, token, answerBody);
    expect(again.statusCode).toBe(409);
    expect(expectErrorBody(again.body, "CONFLICT").message).toMatch(/déjà répondu/);
    expect((await viewInvitation(t, token)).statusCode).toBe(409);

    const stored = await storedResponses(t, id);
    expect(stored).toEqual([
      expect.objectContaining({
        invitationId: null,
        respondentName: null,
        respondentEmail: null,
        submittedOn: parisToday(),
        answers: { role: "aidant", note: 3 },
      }),
    ]);
    // The invitation says that Anne answered, not when: its sending time stands in, updated_at is untouched.
    const answered = await invitationRow(invitation.id);
    expect(answered.answeredAt).toEqual(sent.sentAt);
    expect(answered.updatedAt).toEqual(sent.updatedAt);
    expect((await list(c, id)).items[0]).toMatchObject({ status: "answered", answeredOn: null });
  });

  it("on a named survey, the answer points at its invitation (the name comes from the directory)", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c, { anonymous: false });
    await invite(c, id, { personIds: [c.bob.id] });
    await send(c, id);
    const token = await tokenIn(c.bobEmail);
    const opened = (await viewInvitation(t, token)).json();
    expect(opened).toMatchObject({
      anonymous: false,
      asksName: false,
      anonymity: anonymitySentence(false, true),
    });
    expect((await postInvitationAnswer(t, token, answerBody)).statusCode).toBe(201);
    const [invitation] = (await list(c, id)).items;
    expect(invitation).toMatchObject({ status: "answered", answeredOn: parisToday() });
    expect(await storedResponses(t, id)).toEqual([
      expect.objectContaining({ invitationId: invitation.id, respondentName: null }),
    ]);
  });

  it("are in the person's personal-data export: what they answered on a named survey, only that they answered an anonymous one", async () => {
    const c = await contacts();
    const named = await answerableSurvey(t, c, { anonymous: false });
    const anonymous = await answerableSurvey(t, c);
    await invite(c, named.id, { personIds: [c.anne.id] });
    await send(c, named.id);
    expect((await postInvitationAnswer(t, await tokenIn(c.anneEmail), answerBody)).statusCode).toBe(201);
    await invite(c, anonymous.id, { personIds: [c.anne.id] });
    await send(c, anonymous.id);
    expect((await postInvitationAnswer(t, await tokenIn(c.anneEmail), answerBody)).statusCode).toBe(201);

    const exported = await call(c, "GET", `/api/clsms/${c.clsm.id}/directory/people/${c.anne.id}/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    const surveys = exported.json().surveys;
    expect(surveys).toEqual([
      expect.objectContaining({
        survey: "Santé mentale et quartier",
        anonymous: false,
        answered: true,
        answeredOn: parisToday(),
        answers: [
          { question: "Q1. Vous êtes", answer: "Proche aidant·e" },
          { question: "Q3. Votre moral, de 0 à 10", answer: "3" },
        ],
      }),
      expect.objectContaining({ anonymous: true, answered: true, answeredOn: null, answers: [] }),
    ]);
    expect(surveys[0].sentAt).toEqual(expect.any(String));
    expect(exported.json().notice).toContain("enquêtes");
    // Bob was not invited: nothing about these surveys in his export.
    const bob = await call(c, "GET", `/api/clsms/${c.clsm.id}/directory/people/${c.bob.id}/export`);
    expect(bob.json().surveys).toEqual([]);
  });

  it("split a named survey's results by the directory collège of those who answered; the public link's apart", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const elus = await collegeId(t, coordinator, clsm.id, "elus");
    const usagers = await collegeId(t, coordinator, clsm.id, "usagers");
    const person = async (name: string, college: string) => {
      const email = uniqueEmail(name);
      const created = await createPerson(t, coordinator, clsm.id, {
        firstName: name,
        lastName: "Test",
        email,
        collegeId: college,
      });
      return { ...created, email };
    };
    const anne = await person("anne", elus);
    const bob = await person("bob", usagers);
    const cloe = await person("cloe", usagers);
    const { id, token } = await answerableSurvey(t, tenant, { anonymous: false });
    await invite(tenant, id, { personIds: [anne.id, bob.id, cloe.id] });
    await send(tenant, id);
    const role = { anne: "aidant", bob: "habitant", cloe: "aidant" } as const;
    for (const p of [anne, bob, cloe]) {
      const body = { answers: { role: role[p.firstName as keyof typeof role] }, others: {} };
      expect((await postInvitationAnswer(t, await tokenIn(p.email), body)).statusCode).toBe(201);
    }
    const outsider = {
      answers: { role: "habitant" },
      others: {},
      browserKey: newBrowserKey(),
      respondent: { name: "Léa Morel" },
    };
    expect((await postAnswer(t, token, outsider)).statusCode).toBe(201);

    const results = await call(
      tenant,
      "GET",
      `/api/clsms/${clsm.id}/surveys/${id}/results?by=${encodeURIComponent(COLLEGE_SPLIT)}`,
    );
    expect(results.statusCode, results.body).toBe(200);
    const body = results.json();
    expect(body.crossTabQuestions).toContainEqual({ id: COLLEGE_SPLIT, label: "Collège dans l'annuaire" });
    expect(
      body.by.groups.map((g: { label: string; respondents: number }) => [g.label, g.respondents]),
    ).toEqual([
      [expect.stringMatching(/élu/i), 1],
      [expect.stringMatching(/usager|personnes concernées/i), 2],
      ["Sans collège (lien public ou fiche sans collège)", 1],
    ]);
    const roleResult = body.questions.find((q: { id: string }) => q.id === "role");
    const counts = (group: { figures: { items: { key: string; count: number }[] } }) =>
      Object.fromEntries(group.figures.items.map((i) => [i.key, i.count]));
    expect(roleResult.groups.map(counts)).toEqual([
      { habitant: 0, aidant: 1, _other: 0 },
      { habitant: 1, aidant: 1, _other: 0 },
      { habitant: 1, aidant: 0, _other: 0 },
    ]);

    // An anonymous survey's answers are tied to nobody: no such split.
    const anonymous = await answerableSurvey(t, tenant);
    const refused = await call(
      tenant,
      "GET",
      `/api/clsms/${clsm.id}/surveys/${anonymous.id}/results?by=${encodeURIComponent(COLLEGE_SPLIT)}`,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty("by");
    const offered = await call(tenant, "GET", `/api/clsms/${clsm.id}/surveys/${anonymous.id}/results`);
    expect(offered.json().crossTabQuestions.map((q: { id: string }) => q.id)).not.toContain(COLLEGE_SPLIT);
  });

  it("refuses tampered signatures, another invitation's signature and malformed links (404), and bad answers (400)", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    await invite(c, id, { personIds: [c.anne.id, c.bob.id] });
    await send(c, id);
    const anne = await tokenIn(c.anneEmail);
    const bob = await tokenIn(c.bobEmail);
    const [anneId, anneSignature = ""] = anne.split(".");
    const flipped = `${anneSignature.slice(0, -1)}${anneSignature.endsWith("A") ? "B" : "A"}`;
    for (const forged of [
      `${anneId}.${flipped}`,
      `${anneId}.${bob.split(".")[1]}`,
      `${randomUUID()}.${anneSignature}`,
      `${anneId}.${anneSignature}x`,
      anneId ?? "",
      "pas-un-lien",
    ]) {
      expect((await viewInvitation(t, forged)).statusCode, forged).toBe(404);
      expect((await postInvitationAnswer(t, forged, answerBody)).statusCode, forged).toBe(404);
    }
    const bad = await postInvitationAnswer(t, anne, { answers: { role: "pirate" }, others: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ role: "Ce choix n'existe pas." });
    expect(await storedResponses(t, id)).toEqual([]);
    expect((await list(c, id)).counts.answered).toBe(0);
  });

  it("is gone (410) once the survey is closed", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    await invite(c, id, { personIds: [c.anne.id] });
    await send(c, id);
    await call(c, "POST", `/api/clsms/${c.clsm.id}/surveys/${id}/close`);
    expect((await viewInvitation(t, await tokenIn(c.anneEmail))).statusCode).toBe(410);
  });
});

describe("reminders", () => {
  it("remind those sent who have not answered, once per call; only while the survey is open", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    await invite(c, id, { personIds: [c.anne.id, c.bob.id, c.noe.id] });
    await send(c, id);
    await postInvitationAnswer(t, await tokenIn(c.bobEmail), answerBody);
    expect(await send(c, id, "remind")).toEqual({ sent: 1, withoutEmail: [] });
    const reminder = (await mailsTo(t, c.anneEmail)).at(-1);
    expect(reminder?.subject).toBe("Rappel : questionnaire « Santé mentale et quartier »");
    expect(reminder?.text).toContain("nous n'avons pas encore reçu votre réponse");
    // The reminder carries the same link as the invitation.
    expect(await tokenIn(c.anneEmail)).toBe(
      (/invitation\/(\S+)/.exec((await mailsTo(t, c.anneEmail))[0]?.text ?? "") ?? [])[1],
    );
    expect(await mailsTo(t, c.bobEmail)).toHaveLength(1);
    expect((await list(c, id)).items[2]).toMatchObject({
      name: "Anne Maire",
      remindedAt: expect.any(String),
    });
    expect(await send(c, id, "remind")).toEqual({ sent: 1, withoutEmail: [] });
    expect(await mailsTo(t, c.anneEmail)).toHaveLength(3);

    await call(c, "POST", `/api/clsms/${c.clsm.id}/surveys/${id}/close`);
    expect((await call(c, "POST", url(c, id, "/remind"), {})).statusCode).toBe(409);
  });

  it("goes on its own three days before the closing, re-checked when it runs", async () => {
    const c = await contacts();
    const closesAt = inTenDays();
    const { id } = await answerableSurvey(t, c, { settings: { closesAt: closesAt.toISOString() } });
    await invite(c, id, { personIds: [c.anne.id, c.bob.id] });
    await send(c, id);
    const pending = () =>
      t.database.db
        .select()
        .from(job)
        .where(and(eq(job.name, REMINDER_JOB), eq(job.status, "pending")));
    const [scheduled, ...others] = (await pending()).filter(
      (j) => (j.payload as { surveyId: string }).surveyId === id,
    );
    expect(others).toEqual([]);
    expect(scheduled?.runAt).toEqual(reminderAt(closesAt));
    expect(scheduled?.runAt.toISOString()).toMatch(/T0[78]:00:00.000Z$/); // 9:00 in Paris
    await postInvitationAnswer(t, await tokenIn(c.bobEmail), answerBody);

    // The closing is brought forward to the day after tomorrow: when the job runs, the reminder is due.
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const moved = await call(c, "PATCH", `/api/clsms/${c.clsm.id}/surveys/${id}`, {
      closesAt: soon.toISOString(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const runNow = async () => {
      await t.database.db
        .update(job)
        .set({ runAt: new Date() })
        .where(and(eq(job.name, REMINDER_JOB), eq(job.status, "pending")));
      await t.services.jobs.runDue();
    };
    await runNow();
    const anneMails = await mailsTo(t, c.anneEmail);
    expect(anneMails.map((m) => m.subject)).toEqual([
      "Questionnaire : Santé mentale et quartier",
      "Rappel : questionnaire « Santé mentale et quartier »",
    ]);
    expect(anneMails[1]?.text).toContain(`jusqu'au ${frenchLongDate(soon)}`);
    expect(await mailsTo(t, c.bobEmail)).toHaveLength(1); // Bob answered

    // Another run (a second sending's job) reminds nobody twice; a closed survey's job sends nothing.
    await t.services.jobs.enqueue(t.database.db, REMINDER_JOB, { clsmId: c.clsm.id, surveyId: id });
    await runNow();
    expect(await mailsTo(t, c.anneEmail)).toHaveLength(2);
  });

  it("follows a closing moved later: the job finds it early and schedules itself again", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c, { settings: { closesAt: inTenDays().toISOString() } });
    await invite(c, id, { personIds: [c.anne.id] });
    await send(c, id);
    const later = new Date(Date.now() + 20 * 86_400_000);
    await call(c, "PATCH", `/api/clsms/${c.clsm.id}/surveys/${id}`, { closesAt: later.toISOString() });
    const ofSurvey = async () =>
      (await t.database.db.select().from(job).where(eq(job.name, REMINDER_JOB))).filter(
        (j) => (j.payload as { surveyId: string }).surveyId === id,
      );
    const [first] = await ofSurvey();
    await t.database.db
      .update(job)
      .set({ runAt: new Date() })
      .where(eq(job.id, first?.id ?? ""));
    await t.services.jobs.runDue();
    expect(await mailsTo(t, c.anneEmail)).toHaveLength(1);
    const next = (await ofSurvey()).filter((j) => j.status === "pending");
    expect(next.map((j) => j.runAt)).toEqual([reminderAt(later)]);
  });
});

describe("withdrawing an invitation", () => {
  it("removes one not answered (its link stops working), never one answered (409)", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    await invite(c, id, { personIds: [c.anne.id, c.bob.id] });
    await send(c, id);
    await postInvitationAnswer(t, await tokenIn(c.bobEmail), answerBody);
    const [bob, anne] = (await list(c, id)).items;
    expect((await call(c, "DELETE", url(c, id, `/${anne.id}`))).statusCode).toBe(204);
    expect((await viewInvitation(t, await tokenIn(c.anneEmail))).statusCode).toBe(404);
    const answered = await call(c, "DELETE", url(c, id, `/${bob.id}`));
    expect(answered.statusCode).toBe(409);
    expect((await call(c, "DELETE", url(c, id, `/${randomUUID()}`))).statusCode).toBe(404);
    expect((await list(c, id)).counts).toEqual({ total: 1, pending: 0, sent: 0, answered: 1 });
  });
});

describe("merging two directory people", () => {
  it("keeps the answered invitation of the two, for the person kept", async () => {
    const c = await contacts();
    const { id } = await answerableSurvey(t, c);
    const other = await answerableSurvey(t, c);
    // Bob is a duplicate of Anne: both invited to the first survey (Bob answered), Bob alone to the second.
    await invite(c, id, { personIds: [c.anne.id, c.bob.id] });
    await invite(c, other.id, { personIds: [c.bob.id] });
    await send(c, id);
    await postInvitationAnswer(t, await tokenIn(c.bobEmail), answerBody);
    const merged = await call(c, "POST", `/api/clsms/${c.clsm.id}/directory/people/${c.anne.id}/merge`, {
      otherId: c.bob.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await list(c, id)).items).toEqual([
      expect.objectContaining({ personId: c.anne.id, status: "answered" }),
    ]);
    expect((await list(c, other.id)).items).toEqual([
      expect.objectContaining({ personId: c.anne.id, status: "pending" }),
    ]);
  });
});

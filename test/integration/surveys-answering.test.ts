import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anonymitySentence } from "../../src/contracts/survey-answers";
import { OTHER } from "../../src/contracts/survey-definition";
import { surveyBrowserMark, surveyResponse } from "../../src/server/diagnostic/tables";
import { frenchLongDate, frenchTime } from "../../src/server/meetings/convocation-mails";
import { parisToday } from "../../src/server/platform/dates";
import { setupApp } from "../support/app";
import { createTenant, expectErrorBody, SAINT_BRIEUC } from "../support/factories";
import {
  answerableSurvey,
  newBrowserKey,
  postAnswer,
  setSurveyDates,
  storedResponses,
  viewSurvey,
} from "../support/survey-answering";

// Answering a survey through its public link, without an account: what the page reads, what an answer keeps
// (anonymous: the day only), one answer per browser, and the refusals (dates, tampered or oversized answers).

const logged: string[] = [];
const t = await setupApp(
  { LOG_LEVEL: "trace" },
  { logStream: { write: (line: string) => void logged.push(line) } },
);

const valid = (extra: object = {}) => ({
  answers: { role: "habitant", commune: SAINT_BRIEUC, note: 7, mot: "Entouré" },
  others: {},
  browserKey: newBrowserKey(),
  ...extra,
});

describe("the page of a public link", () => {
  it("gives the title, introduction, CLSM, anonymity sentence, dates, questionnaire and the territory's communes", async () => {
    const tenant = await createTenant(t);
    const closesAt = new Date(Date.now() + 10 * 86_400_000);
    const { token } = await answerableSurvey(t, tenant, { settings: { closesAt: closesAt.toISOString() } });
    const res = await viewSurvey(t, token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const view = res.json();
    expect(view).toMatchObject({
      title: "Santé mentale et quartier",
      introduction: "Merci de votre participation.",
      clsmName: tenant.clsm.name,
      audience: "public",
      anonymous: true,
      anonymity: anonymitySentence(true, false),
      state: "open",
      opensAt: null,
      closesAt: closesAt.toISOString(),
      invitee: null,
      asksName: false,
      communes: [{ code: SAINT_BRIEUC, name: "Saint-Brieuc" }],
    });
    expect(view.definition.sections[0].questions.map((q: { id: string }) => q.id)).toEqual([
      "role",
      "commune",
      "note",
      "mot",
      "avis",
    ]);
  });

  it("lists no communes when the survey asks for none", async () => {
    const tenant = await createTenant(t);
    const { token } = await answerableSurvey(t, tenant, {
      definition: {
        sections: [{ id: "s", title: "", questions: [{ id: "q", type: "yes_no", label: "Oui ?" }] }],
      },
    });
    expect((await viewSurvey(t, token)).json().communes).toEqual([]);
  });

  it("is unknown (404) for an unknown token and for a draft; gone (410, dates in French) before opening and after closing", async () => {
    const tenant = await createTenant(t);
    expect(expectErrorBody((await viewSurvey(t, "inconnu")).body, "NOT_FOUND").message).toMatch(
      /n'existe pas/,
    );
    const draft = await answerableSurvey(t, tenant, { draft: true });
    const unknown = await viewSurvey(t, draft.token);
    expect(unknown.statusCode).toBe(404);
    expect((await postAnswer(t, draft.token, valid())).statusCode).toBe(404);

    const opensAt = new Date(Date.now() + 3 * 86_400_000);
    const later = await answerableSurvey(t, tenant, { settings: { opensAt: opensAt.toISOString() } });
    const early = await viewSurvey(t, later.token);
    expect(early.statusCode).toBe(410);
    expect(expectErrorBody(early.body, "GONE").message).toBe(
      `Le questionnaire « Santé mentale et quartier » n'est pas encore ouvert : il ouvrira le ${frenchLongDate(opensAt)} à ${frenchTime(opensAt)}.`,
    );
    expect((await postAnswer(t, later.token, valid())).statusCode).toBe(410);

    const ended = await answerableSurvey(t, tenant);
    const closedAt = new Date(Date.now() - 3600_000);
    await setSurveyDates(t, ended.id, { closesAt: closedAt });
    const late = await postAnswer(t, ended.token, valid());
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toContain(`est clos depuis le ${frenchLongDate(closedAt)}`);

    const closedByHand = await answerableSurvey(t, tenant);
    await t.request(tenant.coordinator, {
      method: "POST",
      url: `/api/clsms/${tenant.clsm.id}/surveys/${closedByHand.id}/close`,
    });
    expect((await viewSurvey(t, closedByHand.token)).statusCode).toBe(410);
    const refused = await postAnswer(t, closedByHand.token, valid());
    expect(refused.json().error.message).toMatch(/est clos : il ne reçoit plus de réponses/);
    for (const s of [draft, later, ended, closedByHand]) expect(await storedResponses(t, s.id)).toEqual([]);
  });

  it("stops answering when the public link is turned off", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant);
    await t.request(tenant.coordinator, {
      method: "PATCH",
      url: `/api/clsms/${tenant.clsm.id}/surveys/${id}`,
      payload: { publicLink: false },
    });
    expect((await viewSurvey(t, token)).statusCode).toBe(404);
  });
});

describe("an anonymous answer", () => {
  it("keeps the day, the answers and the 'Autre' text: no name, e-mail, invitation, key, address or time", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant);
    const key = newBrowserKey();
    const res = await postAnswer(
      t,
      token,
      {
        answers: {
          role: OTHER,
          commune: SAINT_BRIEUC,
          note: 4,
          mot: "  Seul  ",
          avis: "Trop d'attente au CMP.",
        },
        others: { role: "Voisin", note: "ignoré" },
        browserKey: key,
        respondent: { name: "Camille Martin", email: "camille@exemple.test" },
      },
      "203.0.113.42",
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ ok: true });
    const [stored, ...more] = await storedResponses(t, id);
    expect(more).toEqual([]);
    expect(stored).toEqual({
      id: expect.any(String),
      clsmId: tenant.clsm.id,
      surveyId: id,
      submittedOn: parisToday(),
      invitationId: null,
      respondentName: null,
      respondentEmail: null,
      answers: { role: OTHER, commune: SAINT_BRIEUC, note: 4, mot: "Seul", avis: "Trop d'attente au CMP." },
      others: { role: "Voisin" },
    });
    // The table itself has no column for a time, an address, an account or a browser key.
    expect(Object.keys(getTableColumns(surveyResponse)).sort()).toEqual(
      [
        "answers",
        "clsmId",
        "id",
        "invitationId",
        "others",
        "respondentEmail",
        "respondentName",
        "submittedOn",
        "surveyId",
      ].sort(),
    );
    const row = JSON.stringify(stored);
    for (const trace of ["203.0.113.42", key, "Camille", "T0", ":00"]) expect(row).not.toContain(trace);
  });

  it("is taken once per browser: the second answer with the same key is refused (409), the mark points at no answer", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant);
    const other = await answerableSurvey(t, tenant);
    const key = newBrowserKey();
    expect((await postAnswer(t, token, valid({ browserKey: key }))).statusCode).toBe(201);
    const again = await postAnswer(t, token, valid({ browserKey: key }));
    expect(again.statusCode).toBe(409);
    expect(expectErrorBody(again.body, "CONFLICT").message).toBe(
      "Vous avez déjà répondu à ce questionnaire depuis ce navigateur.",
    );
    // The same browser may answer another survey, and another browser this one.
    expect((await postAnswer(t, other.token, valid({ browserKey: key }))).statusCode).toBe(201);
    expect((await postAnswer(t, token, valid())).statusCode).toBe(201);
    expect(await storedResponses(t, id)).toHaveLength(2);

    expect(Object.keys(getTableColumns(surveyBrowserMark)).sort()).toEqual(["keyHash", "surveyId"]);
    const marks = await t.database.db.select().from(surveyBrowserMark);
    const mine = marks.filter((mark) => mark.surveyId === id);
    expect(mine).toHaveLength(2);
    for (const mark of mine) {
      expect(mark.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(mark.keyHash).not.toContain(key);
    }
  });

  it("needs the browser's key on the public link", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant);
    const { browserKey: _, ...withoutKey } = valid();
    const res = await postAnswer(t, token, withoutKey);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("browserKey");
    const short = await postAnswer(t, token, valid({ browserKey: "court" }));
    expect(short.statusCode).toBe(400);
    expect(await storedResponses(t, id)).toEqual([]);
  });
});

describe("a named survey's public link", () => {
  it("asks for the respondent's name and keeps it, with the e-mail address when given", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant, { anonymous: false });
    const view = (await viewSurvey(t, token)).json();
    expect(view).toMatchObject({
      anonymous: false,
      asksName: true,
      anonymity: anonymitySentence(false, false),
    });
    const nameless = await postAnswer(t, token, valid());
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.fields).toEqual({ "respondent.name": expect.stringMatching(/votre nom/) });
    const blank = await postAnswer(t, token, valid({ respondent: { name: "   " } }));
    expect(blank.statusCode).toBe(400);
    const named = await postAnswer(
      t,
      token,
      valid({ respondent: { name: "Dr Léa Morel", email: "Lea.Morel@Exemple.test" } }),
    );
    expect(named.statusCode, named.body).toBe(201);
    expect(await storedResponses(t, id)).toMatchObject([
      { respondentName: "Dr Léa Morel", respondentEmail: "lea.morel@exemple.test", invitationId: null },
    ]);
  });
});

describe("bad answers", () => {
  it("refuses tampered choice ids, unknown questions and missing required answers with 400 keyed by question", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant);
    const res = await postAnswer(t, token, {
      answers: { role: "pirate", commune: "75056", note: 11, fantome: "x" },
      others: {},
      browserKey: newBrowserKey(),
    });
    expect(res.statusCode).toBe(400);
    expect(expectErrorBody(res.body, "BAD_REQUEST").message).toMatch(/corriger/);
    expect(res.json().error.fields).toEqual({
      role: "Ce choix n'existe pas.",
      commune: "Cette commune ne fait pas partie du territoire.",
      note: "Donnez une note entière de 0 à 10.",
      fantome: "Cette question n'existe pas.",
    });
    const missing = await postAnswer(t, token, {
      answers: { note: 5 },
      others: {},
      browserKey: newBrowserKey(),
    });
    expect(missing.json().error.fields).toEqual({ role: "Cette question est obligatoire." });
    const other = await postAnswer(t, token, {
      answers: { role: OTHER },
      others: {},
      browserKey: newBrowserKey(),
    });
    expect(other.json().error.fields).toEqual({ role: "Précisez votre réponse « Autre »." });
    expect(await storedResponses(t, id)).toEqual([]);
  });

  it("refuses oversized texts naming the question, NUL characters, and bodies over 64 kB (413)", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant);
    const long = await postAnswer(t, token, valid({ answers: { role: "habitant", mot: "m".repeat(501) } }));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual({ mot: "La réponse dépasse 500 caractères." });
    const huge = await postAnswer(t, token, valid({ answers: { role: "habitant", avis: "a".repeat(5001) } }));
    expect(huge.statusCode).toBe(400);
    expect(Object.keys(huge.json().error.fields)).toEqual(["answers.avis"]);
    const nul = await postAnswer(t, token, valid({ answers: { role: "habitant", mot: "a\u0000b" } }));
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.fields).toEqual({ mot: "Ce champ contient des caractères non autorisés." });
    const answers = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`q${i}`, "x".repeat(4900)]));
    const tooBig = await postAnswer(t, token, { answers, others: {}, browserKey: newBrowserKey() });
    expect(tooBig.statusCode).toBe(413);
    expectErrorBody(tooBig.body, "BODY_TOO_LARGE");
    expect(await storedResponses(t, id)).toEqual([]);
  });

  it("drops the answers of questions a condition hides", async () => {
    const tenant = await createTenant(t);
    const { id, token } = await answerableSurvey(t, tenant, {
      definition: {
        sections: [
          {
            id: "s",
            title: "",
            questions: [
              { id: "aidant", type: "yes_no", label: "Êtes-vous aidant·e ?", required: true },
              {
                id: "depuis",
                type: "number",
                label: "Depuis combien d'années ?",
                required: true,
                condition: { questionId: "aidant", operator: "equals", value: "yes" },
              },
            ],
          },
        ],
      },
    });
    const shown = await postAnswer(t, token, valid({ answers: { aidant: true } }));
    expect(shown.json().error.fields).toEqual({ depuis: "Cette question est obligatoire." });
    const hidden = await postAnswer(t, token, valid({ answers: { aidant: false, depuis: 12 } }));
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect((await storedResponses(t, id)).map((r) => r.answers)).toEqual([{ aidant: false }]);
  });
});

describe("the logs", () => {
  it("hold neither the answers nor the respondent's address", async () => {
    const tenant = await createTenant(t);
    const { token } = await answerableSurvey(t, tenant);
    const before = logged.length;
    const res = await postAnswer(
      t,
      token,
      valid({ answers: { role: "aidant", mot: "Confidence-unique-7f3a" } }),
      "192.0.2.77",
    );
    expect(res.statusCode).toBe(201);
    const lines = logged.slice(before).join("\n");
    expect(lines).toContain("/responses"); // the request was logged
    expect(lines).not.toContain("Confidence-unique-7f3a");
    expect(lines).not.toContain("192.0.2.77");
    expect(lines).not.toContain("browserKey");
  });
});

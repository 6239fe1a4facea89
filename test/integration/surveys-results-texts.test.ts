import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { OTHER } from "../../src/contracts/survey-definition";
import type { TextAnswerList } from "../../src/contracts/survey-results";
import { setupApp } from "../support/app";
import { createTenant, expectErrorBody, SAINT_BRIEUC } from "../support/factories";
import { insertAnswers, insertSurvey, PLERIN, randomAnswers } from "../support/survey-results";

// Free texts and their tags, the raw answers and summary exports.

const t = await setupApp();
const communes = [SAINT_BRIEUC, PLERIN];
const tenant = await createTenant(t, { territory: { communeCodes: communes } });
const other = await createTenant(t);
const clsmId = tenant.clsm.id;
const row = await insertSurvey(t, clsmId);
const answers = randomAnswers(120, communes, 11);
// A few answers written on purpose: a formula, accents to search without, the "Autre" of a choice.
answers[0] = {
  answers: { commune: SAINT_BRIEUC, aidant: true, lien: OTHER, age: 40, note: 2, souhaits: "=HYPERLINK(1)" },
  others: { lien: "Voisine" },
};
answers[1] = {
  answers: {
    commune: OTHER,
    aidant: false,
    age: 30,
    note: 3,
    souhaits: "Un lieu d'écoute pour les ÉTUDIANTS",
  },
  others: {},
};
const ids = await insertAnswers(t, clsmId, row.id, answers);
const base = `/api/clsms/${clsmId}/surveys/${row.id}`;
const textsOf = async (
  query: Record<string, string> = {},
  who = tenant.coordinator,
): Promise<TextAnswerList> => {
  const res = await t.request(who, { method: "GET", url: `${base}/results/texts`, query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const tag = (method: "POST" | "DELETE", responseId: string, payload: object, who = tenant.coordinator) =>
  t.request(who, { method, url: `${base}/responses/${responseId}/tags`, payload });

const expectedTexts = answers.flatMap((a) => [
  ...["souhaits", "precision"].filter((q) => typeof a.answers[q] === "string"),
  ...Object.keys(a.others),
]).length;

describe("free texts and tags", () => {
  it("lists the text answers and the 'Autre' texts, paginated, searched without accents", async () => {
    const first = await textsOf({ limit: "10" });
    expect(first.total).toBe(expectedTexts);
    expect(first.items).toHaveLength(10);
    expect(first.questions.map((q) => q.id)).toEqual(["lien", "connait", "souhaits", "precision"]);
    const all: TextAnswerList["items"] = [];
    for (let offset = 0; offset < first.total; offset += 100)
      all.push(...(await textsOf({ limit: "100", offset: String(offset) })).items);
    expect(new Set(all.map((i) => `${i.responseId} ${i.questionId}`)).size).toBe(expectedTexts);
    // Most recent day first.
    expect(all.map((i) => i.submittedOn)).toEqual([...all.map((i) => i.submittedOn)].sort().reverse());
    expect(all.find((i) => i.responseId === ids[0] && i.questionId === "lien")).toMatchObject({
      text: "Voisine",
      other: true,
      respondentName: null,
    });
    const found = await textsOf({ q: "ecoute etudiants" });
    expect(found.items.map((i) => i.responseId)).toContain(ids[1]);
    expect(found.items.every((i) => /écoute/i.test(i.text))).toBe(true);
    const onlyLien = await textsOf({ questionId: "lien", limit: "100" });
    expect(onlyLien.items.every((i) => i.questionId === "lien" && i.other)).toBe(true);
    expect(onlyLien.total).toBe(answers.filter((a) => "lien" in a.others).length);
  });

  it("tags a text (trimmed), filters and counts by tag, removes the tag", async () => {
    const [first, second] = [ids[0] as string, ids[1] as string];
    const added = await tag("POST", first, { questionId: "souhaits", tag: "  Accès aux soins " });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({ responseId: first, questionId: "souhaits", tags: ["Accès aux soins"] });
    // The same tag twice is one tag.
    expect(
      (await tag("POST", first, { questionId: "souhaits", tag: "Accès aux soins" })).json().tags,
    ).toHaveLength(1);
    await tag("POST", second, { questionId: "souhaits", tag: "Accès aux soins" });
    await tag("POST", first, { questionId: "lien", tag: "Voisinage" });
    const tagged = await textsOf({ tag: "Accès aux soins" });
    expect(tagged.items.map((i) => i.responseId).sort()).toEqual([first, second].sort());
    expect(tagged.items[0]?.tags).toEqual(["Accès aux soins"]);
    const counts = await t.request(tenant.coordinator, { method: "GET", url: `${base}/results/tags` });
    expect(counts.json().items).toEqual([
      { questionId: "souhaits", tag: "Accès aux soins", count: 2 },
      { questionId: "lien", tag: "Voisinage", count: 1 },
    ]);
    const removed = await tag("DELETE", second, { questionId: "souhaits", tag: "Accès aux soins" });
    expect(removed.json().tags).toEqual([]);
    expect((await textsOf({ tag: "Accès aux soins" })).total).toBe(1);
  });

  it("refuses tags that are too long, empty, on a question without text, or from a member", async () => {
    const id = ids[0] as string;
    for (const payload of [
      { questionId: "souhaits", tag: "x".repeat(61) },
      { questionId: "souhaits", tag: "   " },
    ]) {
      const res = await tag("POST", id, payload);
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(["tag"]);
    }
    for (const questionId of ["note", "inconnue", "precision"]) {
      // A rating is no text; an unknown question; a text question this answer left blank.
      const res = await tag("POST", id, { questionId, tag: "Étiquette" });
      expect(res.statusCode, questionId).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(["questionId"]);
      expectErrorBody(res.body);
    }
    expect((await tag("POST", id, { questionId: "souhaits", tag: "Membre" }, tenant.member)).statusCode).toBe(
      403,
    );
  });

  it("answers 404 for another CLSM's answer, even through one's own survey", async () => {
    const theirs = await insertSurvey(t, other.clsm.id);
    const [theirAnswer] = await insertAnswers(t, other.clsm.id, theirs.id, answers.slice(0, 1));
    const viaOwnSurvey = await tag("POST", theirAnswer as string, { questionId: "souhaits", tag: "Intrus" });
    expect(viaOwnSurvey.statusCode).toBe(404);
    const direct = await t.request(tenant.coordinator, {
      method: "POST",
      url: `/api/clsms/${other.clsm.id}/surveys/${theirs.id}/responses/${theirAnswer}/tags`,
      payload: { questionId: "souhaits", tag: "Intrus" },
    });
    expect(direct.statusCode).toBe(404);
    const theirTexts = await t.request(other.coordinator, {
      method: "GET",
      url: `/api/clsms/${other.clsm.id}/surveys/${theirs.id}/results/texts`,
    });
    expect(theirTexts.json().items.flatMap((i: { tags: string[] }) => i.tags)).toEqual([]);
  });

  it("gives respondents' names of a named survey to the coordination only", async () => {
    const named = await insertSurvey(t, clsmId, { anonymous: false });
    await insertAnswers(t, clsmId, named.id, answers.slice(0, 2), [{ respondentName: "Anne Le Goff" }]);
    await t.request(tenant.coordinator, {
      method: "PUT",
      url: `/api/clsms/${clsmId}/surveys/${named.id}/results/publication`,
      payload: { published: true },
    });
    const url = `/api/clsms/${clsmId}/surveys/${named.id}/results/texts`;
    const coordination = await t.request(tenant.coordinator, { method: "GET", url });
    expect(coordination.json().items.map((i: { respondentName: string }) => i.respondentName)).toContain(
      "Anne Le Goff",
    );
    const member = await t.request(tenant.member, { method: "GET", url });
    expect(member.statusCode).toBe(200);
    expect(member.body).not.toContain("Anne Le Goff");
  });
});

describe("exports", () => {
  it("exports the raw answers to CSV: one row per answer, a column per choice, formulas neutralised", async () => {
    const res = await t.request(tenant.coordinator, { method: "GET", url: `${base}/responses/export` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="reponses-sante-mentale-votre-avis-\d{4}-\d\d-\d\d\.csv"/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.toString("utf-8").slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(answers.length + 1);
    const header = (lines[0] ?? "").split(";");
    expect(header.slice(0, 4)).toEqual(["N°", "Jour", "Q1. Votre commune", "Q2. Votre âge"]);
    expect(header).toContain("Q5. Ce que vous connaissez — CMP");
    expect(header).toContain("Q5. Ce que vous connaissez — Autre (précisez)");
    expect(header).toContain("Q11. Votre avis sur — Délais");
    expect(header).toContain("Q10. Vos priorités — Soins (rang)");
    // The multiple choice's 0/1 column adds up to the number who chose it.
    const cmp = header.indexOf("Q5. Ce que vous connaissez — CMP");
    const ones = lines.slice(1).filter((l) => l.split(";")[cmp] === "1").length;
    expect(ones).toBe(
      answers.filter((a) => (a.answers.connait as string[] | undefined)?.includes("c1")).length,
    );
    expect(res.body).toContain("'=HYPERLINK(1)");
    expect(res.body).toContain("Hors du territoire");
    expect(res.body).not.toContain("Répondant");
  });

  it("exports the raw answers to XLSX with numbers as numbers", async () => {
    const res = await t.request(tenant.coordinator, {
      method: "GET",
      url: `${base}/responses/export`,
      query: { format: "xlsx" },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.actualRowCount).toBe(answers.length + 1);
    expect(sheet?.getRow(1).getCell(3).value).toBe("Q1. Votre commune");
    const ages = (sheet?.getColumn(4).values ?? []).slice(2).filter((v) => v !== null && v !== undefined);
    expect(ages.every((v) => typeof v === "number")).toBe(true);
    expect(ages.length).toBe(answers.filter((a) => typeof a.answers.age === "number").length);
  });

  it("exports the results summary, and lets members have it once published but never the raw answers", async () => {
    const res = await t.request(tenant.coordinator, { method: "GET", url: `${base}/results/export` });
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString("utf-8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("Section;Question;Réponse;Nombre;%;Valeur");
    expect(lines[1]).toBe(`Vous;Votre commune;Ont vu la question;${answers.length};;`);
    const plerin = answers.filter((a) => a.answers.commune === PLERIN).length;
    expect(lines).toContain(
      `Vous;Votre commune;Plérin;${plerin};${String(Math.round((plerin / answers.length) * 1000) / 10).replace(".", ",")};`,
    );
    const member = (url: string) => t.request(tenant.member, { method: "GET", url: `${base}${url}` });
    expect((await member("/results/export")).statusCode).toBe(404);
    await t.request(tenant.coordinator, {
      method: "PUT",
      url: `${base}/results/publication`,
      payload: { published: true },
    });
    expect((await member("/results/export?format=xlsx")).statusCode).toBe(200);
    const raw = await member("/responses/export");
    expect(raw.statusCode).toBe(403);
    expectErrorBody(raw.body, "FORBIDDEN");
    const bad = await t.request(tenant.coordinator, {
      method: "GET",
      url: `${base}/results/export`,
      query: { format: "pdf" },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(["format"]);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type Answers,
  allQuestions,
  OTHER,
  type Question,
  visibleQuestions,
} from "../../src/contracts/survey-definition";
import type { QuestionResult, SurveyResults } from "../../src/contracts/survey-results";
import { survey } from "../../src/server/diagnostic/tables";
import { setupApp } from "../support/app";
import { createTenant, expectErrorBody, SAINT_BRIEUC } from "../support/factories";
import {
  answerThroughPublicLink,
  insertAnswers,
  insertSurvey,
  PLERIN,
  PLOUFRAGAN,
  randomAnswers,
  resultsDefinition,
} from "../support/survey-results";

// The results are checked against counts computed here from the raw answers, one respondent at a time: every
// count, percentage, mean, median, bin, rank and matrix cell, for everyone and within the groups of a cross-tab.

const t = await setupApp();
const communes = [SAINT_BRIEUC, PLERIN, PLOUFRAGAN];
const tenant = await createTenant(t, { territory: { communeCodes: communes } });
const other = await createTenant(t);
const clsmId = tenant.clsm.id;
// Open, with a public link: the answers go through the answering route, as respondents' browsers send them.
const row = await insertSurvey(t, clsmId, {
  status: "published",
  publicToken: "lien-public-des-resultats-0123456789",
});
const answers = randomAnswers(300, communes);
await answerThroughPublicLink(t, row.publicToken ?? "", answers);
const url = `/api/clsms/${clsmId}/surveys/${row.id}/results`;

async function results(query: Record<string, string> = {}): Promise<SurveyResults> {
  const res = await t.request(tenant.coordinator, { method: "GET", url, query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
function median(xs: number[]) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return ((s[Math.floor(mid)] as number) + (s[Math.ceil(mid)] as number)) / 2;
}
const tally = (values: string[]) => {
  const out = new Map<string, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1);
  return out;
};

/** Checks one question's figures against the raw answers of `group` (the respondents they are computed on). */
function expectFigures(
  q: Question,
  r: Pick<QuestionResult, "seen" | "answered" | "figures">,
  group: Answers[],
) {
  const label = `${q.id}`;
  const given = group.filter((a) => q.id in a.answers).map((a) => a.answers[q.id]);
  expect(r.seen, `${label} seen`).toBe(
    group.filter((a) => visibleQuestions(resultsDefinition, a.answers).some((v) => v.id === q.id)).length,
  );
  expect(r.answered, `${label} answered`).toBe(given.length);
  const f = r.figures;
  switch (q.type) {
    case "single_choice":
    case "scale":
    case "commune":
    case "multiple_choice":
    case "yes_no":
    case "date": {
      if (f.kind !== "choices") throw new Error(`${label}: ${f.kind}`);
      const tokens = given.flatMap((v) =>
        q.type === "yes_no"
          ? [v ? "yes" : "no"]
          : q.type === "date"
            ? [String(v).slice(0, 7)]
            : Array.isArray(v)
              ? (v as string[])
              : [String(v)],
      );
      const counts = tally(tokens);
      for (const item of f.items) {
        expect(item.count, `${label} ${item.key}`).toBe(counts.get(item.key) ?? 0);
        expect(item.percent, `${label} ${item.key} %`).toBe(pct(item.count, given.length));
      }
      // Every value answered is listed (choices with none too).
      for (const key of counts.keys())
        expect(
          f.items.map((i) => i.key),
          label,
        ).toContain(key);
      if (q.type === "scale") {
        const positions = given.map((v) => q.choices.findIndex((c) => c.id === v) + 1);
        if (mean(positions) === null) expect(f.mean).toBeNull();
        else expect(f.mean).toBeCloseTo(mean(positions) as number, 9);
      } else expect(f.mean).toBeNull();
      return;
    }
    case "rating":
    case "number": {
      const xs = given as number[];
      if (f.kind === "rating") {
        for (const item of f.items)
          expect(item.count, `${label} ${item.key}`).toBe(xs.filter((x) => x === Number(item.key)).length);
        expect(f.items).toHaveLength(11);
      } else if (f.kind === "number") {
        expect(f.min).toBe(xs.length ? Math.min(...xs) : null);
        expect(f.max).toBe(xs.length ? Math.max(...xs) : null);
        expect(f.bins.reduce((s, b) => s + b.count, 0)).toBe(xs.length);
        for (const b of f.bins)
          expect(b.count, `${label} bin ${b.from}`).toBe(xs.filter((x) => x >= b.from && x < b.to).length);
      } else throw new Error(`${label}: ${f.kind}`);
      for (const [got, want] of [
        [f.mean, mean(xs)],
        [f.median, median(xs)],
      ]) {
        if (want === null || want === undefined) expect(got).toBeNull();
        else expect(got).toBeCloseTo(want, 9);
      }
      return;
    }
    case "ranking": {
      if (f.kind !== "ranking") throw new Error(label);
      for (const item of f.items) {
        const ranks = (given as string[][]).map((order) => order.indexOf(item.key) + 1);
        expect(item.firstPlaces, `${label} ${item.key} first`).toBe(ranks.filter((x) => x === 1).length);
        if (!ranks.length) expect(item.averageRank).toBeNull();
        else expect(item.averageRank).toBeCloseTo(mean(ranks) as number, 9);
      }
      return;
    }
    case "matrix": {
      if (f.kind !== "matrix") throw new Error(label);
      expect(f.columns.map((c) => c.key)).toEqual(q.choices.map((c) => c.id));
      for (const rowResult of f.rows) {
        const picked = (given as Record<string, string>[])
          .map((v) => v[rowResult.key])
          .filter((v) => v !== undefined);
        expect(rowResult.answered).toBe(picked.length);
        q.choices.forEach((c, i) => {
          const want = picked.filter((p) => p === c.id).length;
          expect(rowResult.counts[i], `${label} ${rowResult.key} ${c.id}`).toBe(want);
        });
      }
      return;
    }
    case "short_text":
    case "long_text":
      expect(f.kind).toBe("text");
  }
}

describe("survey results", () => {
  it("counts every answer of every question type as the raw answers say", async () => {
    const res = await results();
    expect(res.respondents).toBe(300);
    expect(res.days.reduce((s, d) => s + d.count, 0)).toBe(300);
    expect(res.survey.state).toBe("open");
    expect(res.by).toBeNull();
    const questions = allQuestions(resultsDefinition);
    expect(res.questions.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    for (const q of questions)
      expectFigures(q, res.questions.find((x) => x.id === q.id) as QuestionResult, answers);
    // The random answers reach the cases that matter: hidden questions, "Autre", out of the territory.
    const lien = res.questions.find((q) => q.id === "lien");
    expect(lien?.seen).toBeLessThan(300);
    expect(lien?.seen).toBeGreaterThan(0);
    expect(res.questions.find((q) => q.id === "precision")?.seen).toBeGreaterThan(0);
    const commune = res.questions.find((q) => q.id === "commune")?.figures;
    expect(commune?.kind === "choices" && commune.items.find((i) => i.key === OTHER)?.label).toBe(
      "Hors du territoire",
    );
    expect(commune?.kind === "choices" && commune.items.find((i) => i.key === PLERIN)?.label).toBe("Plérin");
    expect(res.crossTabQuestions.map((q) => q.id)).toEqual(["commune", "aidant", "lien", "bienetre"]);
  });

  it("splits every figure by a question; the groups add up to the totals", async () => {
    for (const by of ["commune", "aidant", "lien"]) {
      const plain = await results();
      const res = await results({ by });
      expect(res.by?.questionId).toBe(by);
      const groups = res.by?.groups ?? [];
      expect(
        groups.reduce((s, g) => s + g.respondents, 0),
        by,
      ).toBe(300);
      const keyOf = (a: Answers) => {
        const v = a.answers[by];
        return v === undefined ? null : typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
      };
      for (const q of allQuestions(resultsDefinition)) {
        const result = res.questions.find((x) => x.id === q.id) as QuestionResult;
        const total = plain.questions.find((x) => x.id === q.id) as QuestionResult;
        expect({ seen: result.seen, answered: result.answered, figures: result.figures }).toEqual({
          seen: total.seen,
          answered: total.answered,
          figures: total.figures,
        });
        expect(result.groups).toHaveLength(groups.length);
        groups.forEach((g, i) => {
          const within = answers.filter((a) => keyOf(a) === g.key);
          expect(g.respondents).toBe(within.length);
          const groupResult = result.groups?.[i];
          expect(groupResult?.key).toBe(g.key);
          expectFigures(q, groupResult as Pick<QuestionResult, "seen" | "answered" | "figures">, within);
        });
        expect(
          result.groups?.reduce((s, g) => s + g.answered, 0),
          `${by} × ${q.id}`,
        ).toBe(total.answered);
        expect(
          result.groups?.reduce((s, g) => s + g.seen, 0),
          `${by} × ${q.id}`,
        ).toBe(total.seen);
      }
    }
    // Those who did not answer the splitting question make a group of their own.
    const byLien = await results({ by: "lien" });
    expect(byLien.by?.groups.at(-1)).toMatchObject({ key: null, label: "Sans réponse" });
  });

  it("refuses to split by an unknown question or a question that does not make groups, naming `by`", async () => {
    for (const by of ["inconnue", "souhaits", "note"]) {
      const res = await t.request(tenant.coordinator, { method: "GET", url, query: { by } });
      expect(res.statusCode).toBe(400);
      expect(expectErrorBody(res.body)).toBeTruthy();
      expect(Object.keys(res.json().error.fields)).toEqual(["by"]);
    }
    const tampered = await t.request(tenant.coordinator, { method: "GET", url, query: { by: "a b;drop" } });
    expect(tampered.statusCode).toBe(400);
    expect(Object.keys(tampered.json().error.fields)).toEqual(["by"]);
  });

  it("answers an empty survey with zero counts", async () => {
    const empty = await insertSurvey(t, clsmId, { status: "draft" });
    const res = await t.request(tenant.coordinator, {
      method: "GET",
      url: `/api/clsms/${clsmId}/surveys/${empty.id}/results`,
      query: { by: "commune" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body: SurveyResults = res.json();
    expect(body.respondents).toBe(0);
    expect(body.survey.state).toBe("draft");
    for (const q of body.questions) expect([q.seen, q.answered]).toEqual([0, 0]);
    expect(body.by?.groups).toEqual([]);
  });

  it("shows the results to members once published, never to another CLSM", async () => {
    const member = await t.request(tenant.member, { method: "GET", url });
    expect(member.statusCode).toBe(404);
    const publish = (who: typeof tenant.member, published: boolean) =>
      t.request(who, { method: "PUT", url: `${url}/publication`, payload: { published } });
    expect((await publish(tenant.member, true)).statusCode).toBe(403);
    const done = await publish(tenant.coordinator, true);
    expect(done.json()).toEqual({ published: true });
    const seen = await t.request(tenant.member, { method: "GET", url });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      respondents: 300,
      can: { manage: false },
      survey: { resultsPublished: true },
    });
    // Another CLSM's coordinator: 404 as for an unknown survey, published or not.
    const outsider = await t.request(other.coordinator, { method: "GET", url });
    expect(outsider.statusCode).toBe(404);
    const ownUrl = `/api/clsms/${other.clsm.id}/surveys/${row.id}/results`;
    expect((await t.request(other.coordinator, { method: "GET", url: ownUrl })).statusCode).toBe(404);
    await publish(tenant.coordinator, false);
    expect((await t.request(tenant.member, { method: "GET", url })).statusCode).toBe(404);
  });

  it("counts an answer given after the results were read, and a change of the questionnaire", async () => {
    const live = await insertSurvey(t, clsmId, { status: "published" });
    const liveUrl = `/api/clsms/${clsmId}/surveys/${live.id}/results`;
    const read = async () => (await t.request(tenant.coordinator, { method: "GET", url: liveUrl })).json();
    await insertAnswers(t, clsmId, live.id, answers.slice(0, 2));
    expect((await read()).respondents).toBe(2);
    await insertAnswers(t, clsmId, live.id, answers.slice(2, 3));
    expect((await read()).respondents).toBe(3);
    const renamed = structuredClone(resultsDefinition);
    const first = renamed.sections[0]?.questions[0];
    if (first) first.label = "Commune de résidence";
    await t.database.db
      .update(survey)
      .set({ definition: renamed, updatedAt: new Date(Date.now() + 1000) })
      .where(eq(survey.id, live.id));
    expect((await read()).questions[0].label).toBe("Commune de résidence");
  });

  it("gives the diagnostic page the same results through summaryFor (no actor)", async () => {
    const viaHttp = await results({ by: "aidant" });
    const direct = await t.services.surveyResults.summaryFor(t.database.db, clsmId, row.id, { by: "aidant" });
    expect({ ...direct, can: viaHttp.can }).toEqual(viaHttp);
    await expect(
      t.services.surveyResults.summaryFor(t.database.db, other.clsm.id, row.id),
    ).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkAnswers } from "../../src/contracts/survey-definition";
import type { SurveyResults } from "../../src/contracts/survey-results";
import { seedDemo } from "../../src/server/demo/seed";
import { survey, surveyResponse } from "../../src/server/diagnostic/tables";
import { setupApp } from "../support/app";
import { demoAccount } from "../support/demo";

const t = await setupApp();

describe("the demo residents' survey", () => {
  it("is closed with 300 anonymous answers that pass the questionnaire's checks, its results published", async () => {
    await seedDemo(t.database, t.services);
    const [row] = await t.database.db
      .select()
      .from(survey)
      .where(eq(survey.templateKey, "perception-habitants"));
    if (!row) throw new Error("no demo survey");
    expect(row).toMatchObject({ status: "closed", anonymous: true, resultsPublished: true });

    // A member (the élue) reads the results: they are published.
    const { person: elue } = await demoAccount(t, "elue@clsm-saintbrieuc.demo");
    const res = await t.request(elue, {
      method: "GET",
      url: `/api/clsms/${row.clsmId}/surveys/${row.id}/results`,
      query: { by: "commune" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results: SurveyResults = res.json();
    expect(results.respondents).toBe(300);
    expect(results.survey.state).toBe("closed");
    expect(results.days.length).toBeGreaterThan(20);
    const opens = row.opensAt?.toISOString().slice(0, 10) ?? "";
    const closes = row.closesAt?.toISOString().slice(0, 10) ?? "";
    for (const d of results.days) expect(d.day >= opens && d.day <= closes, d.day).toBe(true);
    expect(results.by?.groups[0]?.label).toBe("Saint-Brieuc");

    // Every answer is one the answering route would have kept.
    const communes = (await t.services.workspaces.territoryCommunes(t.database.db, row.clsmId)).map(
      (c) => c.code,
    );
    const answers = await t.database.db
      .select({ answers: surveyResponse.answers, others: surveyResponse.others })
      .from(surveyResponse)
      .where(eq(surveyResponse.surveyId, row.id));
    for (const a of answers) {
      const checked = checkAnswers(row.definition, a, communes);
      expect(checked.problems).toEqual({});
      expect(checked.kept).toEqual(a);
    }
    const tags = await t.request(elue, {
      method: "GET",
      url: `/api/clsms/${row.clsmId}/surveys/${row.id}/results/tags`,
    });
    expect(tags.json().items.length).toBeGreaterThan(5);
  }, 120_000);
});

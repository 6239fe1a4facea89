import { describe, expect, it } from "vitest";
import type { ConsultationDetail } from "../../src/contracts/diagnostic-priorities";
import { seedDemo } from "../../src/server/demo/seed";
import { setupApp } from "../support/app";
import { demoAccount } from "../support/demo";
import { docxText } from "../support/diagnostic";

const t = await setupApp();

describe("the demo's priorities, avis and diagnostic page", () => {
  it("has a closed dot vote with three priorities, an avis adopted at the plénière, and a page with the residents' survey", async () => {
    await seedDemo(t.database, t.services);
    const { person: member, clsmId } = await demoAccount(t, "aidante@clsm-saintbrieuc.demo");
    const base = `/api/clsms/${clsmId}/diagnostic`;

    const list = (await t.request(member, { method: "GET", url: `${base}/priorities` })).json();
    expect(list.items).toHaveLength(1);
    const consultation: ConsultationDetail = (
      await t.request(member, { method: "GET", url: `${base}/priorities/${list.items[0].id}` })
    ).json();
    expect(consultation).toMatchObject({
      status: "closed",
      method: "dots",
      dotsPerMember: 5,
      ballotCount: 4,
    });
    expect(consultation.hasVoted).toBe(true);
    expect(consultation.candidates.filter((c) => c.need !== null)).toHaveLength(4);
    expect(consultation.results?.items.reduce((s, i) => s + (i.dots ?? 0), 0)).toBe(20);
    expect(consultation.results?.items.slice(0, 3).every((i) => i.chosen)).toBe(true);
    const chosen = (await t.request(member, { method: "GET", url: `${base}/priorities/chosen` })).json();
    expect(chosen.total).toBe(3);

    const opinions = (await t.request(member, { method: "GET", url: `${base}/opinions` })).json();
    expect(opinions.items).toMatchObject([{ subject: "ptsm", status: "adopted" }]);
    const opinion = (
      await t.request(member, { method: "GET", url: `${base}/opinions/${opinions.items[0].id}` })
    ).json();
    expect(opinion.meeting.title).toBe("Assemblée plénière annuelle");
    expect(opinion.adoptedOn).toBe(opinion.meeting.date);

    const page = (await t.request(member, { method: "GET", url: base })).json();
    expect(page.introduction).toMatch(/trois cents habitants/);
    expect(page.surveys).toHaveLength(1);
    expect(page.surveys[0].respondents).toBeGreaterThanOrEqual(250);
    expect(page.priorities).toHaveLength(3);
    expect(page.opinion.status).toBe("adopted");
    const docx = await t.request(member, { method: "GET", url: `${base}/export.docx` });
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain("CLSM de Saint-Brieuc Armor Agglomération");
    expect(text).toContain(page.surveys[0].survey.title);
  }, 120_000);
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { setupApp } from "../support/app";
import { createTenant, expectErrorBody } from "../support/factories";
import {
  answerableSurvey,
  newBrowserKey,
  postAnswer,
  storedResponses,
  viewSurvey,
} from "../support/survey-answering";

// A script posting answers to a public link meets the rate limits of its address: a burst limit (a quarter of
// the minute's allowance in 10 s) and the per-minute limit (here 8, the public routes' limit in this app).

const t = await setupApp({ AUTH_RATE_LIMIT_PER_MINUTE: "8" });
afterEach(() => vi.restoreAllMocks());
// One tenant for the file: signing its people in counts against the same small limit.
const tenant = await createTenant(t);

const answer = () => ({ answers: { role: "habitant" }, others: {}, browserKey: newBrowserKey() });

describe("rate limits of the answers", () => {
  it("stops a script posting many answers at once (429, French message, Retry-After); others still answer", async () => {
    const { id, token } = await answerableSurvey(t, tenant);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof postAnswer>> | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await postAnswer(t, token, answer(), "203.0.113.10");
      statuses.push(res.statusCode);
      if (res.statusCode === 429) limited = res;
    }
    expect(statuses.slice(0, 2)).toEqual([201, 201]);
    expect(new Set(statuses.slice(2))).toEqual(new Set([429]));
    if (!limited) throw new Error("never limited");
    expect(expectErrorBody(limited.body, "TOO_MANY_REQUESTS").message).toMatch(
      /^Trop de réponses envoyées depuis cette connexion\. Réessayez dans \d+ secondes\.$/,
    );
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(await storedResponses(t, id)).toHaveLength(2);
    expect((await postAnswer(t, token, answer(), "203.0.113.11")).statusCode).toBe(201);
  });

  it("allows the minute's answers spread out, then refuses the next", async () => {
    const { id, token } = await answerableSurvey(t, tenant);
    const start = Date.now();
    const clock = vi.spyOn(Date, "now");
    const statuses: number[] = [];
    // Two answers every 11 s (under the burst limit), for 44 s: 8 answers, then a 9th in the same minute.
    for (let step = 0; step < 5; step++) {
      clock.mockReturnValue(start + step * 11_000);
      for (let i = 0; i < (step < 4 ? 2 : 1); i++)
        statuses.push((await postAnswer(t, token, answer(), "203.0.113.20")).statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 429]);
    expect(await storedResponses(t, id)).toHaveLength(8);
  });

  it("limits reading the page too, more widely (a room opening the link from one address)", async () => {
    const { token } = await answerableSurvey(t, tenant);
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await viewSurvey(t, token, "203.0.113.30")).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.at(-1)).toBe(429);
  });
});

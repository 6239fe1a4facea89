import { describe, expect, it } from "vitest";
import { signInWaitSeconds } from "../../src/server/accounts/service";
import { retryDelayMs } from "../../src/server/jobs/queue";

describe("signInWaitSeconds", () => {
  it("lets the first three failures through without waiting", () => {
    expect([0, 1, 2].map(signInWaitSeconds)).toEqual([0, 0, 0]);
  });

  it("then doubles the wait with each failure: 1, 2, 4, 8 s…", () => {
    expect([3, 4, 5, 6, 7].map(signInWaitSeconds)).toEqual([1, 2, 4, 8, 16]);
  });

  it("never asks to wait more than fifteen minutes, even after very many failures", () => {
    expect(signInWaitSeconds(13)).toBe(900);
    expect(signInWaitSeconds(1000)).toBe(900);
    expect(Number.isFinite(signInWaitSeconds(1e9))).toBe(true);
  });
});

describe("retryDelayMs", () => {
  it("waits 30 s, 2 min, 8 min, 32 min before the retries", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 120_000, 480_000, 1_920_000]);
  });

  it("is capped at six hours", () => {
    expect(retryDelayMs(7)).toBe(6 * 3600_000);
    expect(retryDelayMs(50)).toBe(6 * 3600_000);
  });

  it("grows with each attempt", () => {
    for (let n = 1; n < 10; n++) expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
  });
});

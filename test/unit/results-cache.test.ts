import { describe, expect, it } from "vitest";
import type { ComputedResults } from "../../src/server/diagnostic/results/aggregate";
import { createResultsCache } from "../../src/server/diagnostic/results/cache";

const computed = (respondents: number): ComputedResults => ({
  respondents,
  days: [],
  groups: null,
  questions: [],
});

describe("the results cache", () => {
  it("computes once per fingerprint, again when it changes", async () => {
    const cache = createResultsCache();
    let runs = 0;
    const compute = async () => computed(++runs);
    expect((await cache.get("s1|", "a", compute)).respondents).toBe(1);
    expect((await cache.get("s1|", "a", compute)).respondents).toBe(1);
    expect((await cache.get("s1|", "b", compute)).respondents).toBe(2);
    expect((await cache.get("s1|by", "b", compute)).respondents).toBe(3);
  });

  it("drops the least recently used past its size", async () => {
    const cache = createResultsCache(2);
    let runs = 0;
    const compute = async () => computed(++runs);
    await cache.get("one", "f", compute); // 1
    await cache.get("two", "f", compute); // 2
    await cache.get("one", "f", compute); // read: "two" is now the oldest
    await cache.get("three", "f", compute); // 3, drops "two"
    expect((await cache.get("one", "f", compute)).respondents).toBe(1);
    expect((await cache.get("two", "f", compute)).respondents).toBe(4);
  });
});

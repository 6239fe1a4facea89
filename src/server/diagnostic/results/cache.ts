import { LRUCache } from "lru-cache";
import type { ComputedResults } from "./aggregate";

// Computed results, kept in the process per survey and cross-tab while what they are computed from stays the same
// (the answers, the questionnaire, the territory's communes: the fingerprint). A closed survey's results are then
// computed once; an open one's again when an answer comes in. The least recently used are dropped past `max`.
// Values are shared between requests: callers copy, never change them.

export function createResultsCache(max = 50) {
  const entries = new LRUCache<string, { fingerprint: string; value: ComputedResults }>({ max });
  return {
    async get(key: string, fingerprint: string, compute: () => Promise<ComputedResults>) {
      const hit = entries.get(key);
      if (hit?.fingerprint === fingerprint) return hit.value;
      const value = await compute();
      entries.set(key, { fingerprint, value });
      return value;
    },
  };
}

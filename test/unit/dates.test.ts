import { describe, expect, it } from "vitest";
import { addDays, parisParts, parisToUtc } from "../../src/server/platform/dates";

describe("Paris dates", () => {
  it("converts a Paris wall-clock time to UTC in winter and in summer", () => {
    expect(parisToUtc("2026-01-15", "14:00").toISOString()).toBe("2026-01-15T13:00:00.000Z");
    expect(parisToUtc("2026-07-15", "14:00").toISOString()).toBe("2026-07-15T12:00:00.000Z");
  });

  it("handles the daylight-saving days", () => {
    // 29 March 2026: 02:00 → 03:00. 02:30 does not exist in Paris; it lands at 03:30 (01:30 UTC).
    expect(parisToUtc("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(parisToUtc("2026-03-29", "03:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 25 October 2026: 03:00 → 02:00; 10:00 that day is UTC+1.
    expect(parisToUtc("2026-10-25", "10:00").toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("shows an instant in Paris and back", () => {
    expect(parisParts(new Date("2026-12-31T23:30:00Z"))).toEqual({ date: "2027-01-01", time: "00:30" });
    for (const [d, t] of [
      ["2026-02-01", "09:15"],
      ["2026-08-31", "23:59"],
      ["2026-10-25", "18:00"],
    ] as const)
      expect(parisParts(parisToUtc(d, t))).toEqual({ date: d, time: t });
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

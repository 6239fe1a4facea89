import { describe, expect, it } from "vitest";
import { occurrences } from "../../src/contracts/recurrence";

describe("meeting recurrences", () => {
  it("every two weeks", () => {
    expect(occurrences("2026-12-08", { frequency: "weekly", interval: 2, count: 3 })).toEqual([
      "2026-12-08",
      "2026-12-22",
      "2027-01-05",
    ]);
  });

  it("monthly on the same day, the 31st falling on the month's last day", () => {
    expect(occurrences("2027-01-31", { frequency: "monthly_day", interval: 1, count: 4 })).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
    ]);
  });

  it("monthly on the same weekday: the 2nd Tuesday, and a 5th Thursday on the last one", () => {
    // 8 December 2026 is the 2nd Tuesday of December.
    expect(occurrences("2026-12-08", { frequency: "monthly_weekday", interval: 1, count: 3 })).toEqual([
      "2026-12-08",
      "2027-01-12",
      "2027-02-09",
    ]);
    // 31 December 2026 is the 5th Thursday; January 2027 has one (the 28th is the 4th, no 5th): the last.
    expect(occurrences("2026-12-31", { frequency: "monthly_weekday", interval: 1, count: 2 })).toEqual([
      "2026-12-31",
      "2027-01-28",
    ]);
  });

  it("every three months", () => {
    expect(occurrences("2026-12-15", { frequency: "monthly_day", interval: 3, count: 3 })).toEqual([
      "2026-12-15",
      "2027-03-15",
      "2027-06-15",
    ]);
  });
});

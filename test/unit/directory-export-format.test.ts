import { describe, expect, it } from "vitest";
import { neutralise, toCsv } from "../../src/server/platform/spreadsheet";

describe("neutralise (CSV injection)", () => {
  it("prefixes with an apostrophe what a spreadsheet would evaluate", () => {
    for (const v of ["=1+1", "+33 6 12", "-2", "@SUM(A1)", "\t=1", "\r=1"])
      expect(neutralise(v)).toBe(`'${v}`);
    for (const v of ["Dupont", "", " =1", "a=b", "'déjà"]) expect(neutralise(v)).toBe(v);
  });
});

describe("toCsv", () => {
  it("writes UTF-8 with a BOM, ';' separators, CRLF, quotes only where needed", () => {
    const csv = toCsv(
      ["Nom", "Notes"],
      [
        ["Quéré", 'a;b "c"'],
        ["=cmd|' /C calc'!A0", ""],
      ],
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString("utf-8")).toBe(
      `Nom;Notes\r\nQuéré;"a;b ""c"""\r\n'=cmd|' /C calc'!A0;\r\n`,
    );
  });
});

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLines, exportFileName, neutraliseCell, restoreNeutralisedCell } from "./format";

describe("neutraliseCell", () => {
  it.each(["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])("prefixes %j with an apostrophe", (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(["", "Ratify", "28.5", " =not first", "'already quoted", "中国"])("leaves %j alone", (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe("restoreNeutralisedCell", () => {
  it.each(["=cmd|' /C calc'!A0", "-2+3", "'=already neutralised", "''+x", "'plain", "'", "", "中国"])("gives %j back after neutraliseCell", (value) => {
    expect(restoreNeutralisedCell(neutraliseCell(value))).toBe(value);
  });

  it("leaves an apostrophe that the export did not add", () => {
    expect(restoreNeutralisedCell("'plain")).toBe("'plain");
  });
});

describe("csvLines", () => {
  it("writes RFC 4180 with CRLF, quotes bare line breaks and neutralises every cell", () => {
    const text = csvLines([["a,b", 'say "x"', "one\ntwo", "=1+1"]]);
    expect(text).toBe('"a,b","say ""x""","one\ntwo",\'=1+1\r\n');
    expect(parse(text)).toEqual([["a,b", 'say "x"', "one\ntwo", "'=1+1"]]);
  });
});

describe("exportFileName", () => {
  const date = new Date("2026-11-28T10:00:00Z");

  it("names the date alone when nothing is filtered", () => {
    expect(exportFileName("", date)).toBe("upr-recommendations-2026-11-28.csv");
  });

  it("adds the filter, ASCII only and short", () => {
    expect(exportFileName("cycle=3&position=noted", date)).toBe("upr-recommendations-cycle-3-position-noted-2026-11-28.csv");
    expect(exportFileName('q=%22death+penalty%22+%E4%B8%AD%E5%9B%BD', date)).toBe("upr-recommendations-q-death-penalty-2026-11-28.csv");
    expect(exportFileName(`q=${"x".repeat(500)}`, date).length).toBeLessThan(120);
  });
});

import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { realDataFile } from "./data-files";

/**
 * FIXTURES, not UPR Info data: real rows of the shipped China export (UPR Info's 2015 layout, texts unchanged) whose
 * State names are rewritten to the forms UPR Info's full export prints ("St Lucia", "Trinidad & Tobago",
 * "&#40;Unknown&#41;", ...), so the name handling can be shown on a few rows.
 */
const REAL = parse(readFileSync(realDataFile("upr-info/CHN-upr-info-2009-2013.csv")), { bom: true }) as string[][];
const HEADER = REAL[0]!;
const FROM = HEADER.indexOf("From");
const TO = HEADER.indexOf("To");
const TEXT = HEADER.indexOf("Text");

/** How one real row is rewritten: its From, its To, or its Text taken from another real row (0-based data row). */
export type RowRewrite = { from?: string; to?: string; textOf?: number };

/**
 * The first `rewrites.length` real data rows (all of China's session 4), each rewritten as asked. Two rows with the
 * same text, response and action are one recommendation made by several States, which `textOf` sets up.
 */
export function uprInfoFixture(rewrites: readonly RowRewrite[]): Buffer {
  const rows = REAL.slice(1, 1 + rewrites.length).map((row, i) => {
    const copy = [...row];
    const rewrite = rewrites[i]!;
    if (rewrite.from !== undefined) copy[FROM] = rewrite.from;
    if (rewrite.to !== undefined) copy[TO] = rewrite.to;
    if (rewrite.textOf !== undefined) copy[TEXT] = REAL[1 + rewrite.textOf]![TEXT]!;
    return copy;
  });
  return Buffer.from(stringify([HEADER, ...rows]));
}

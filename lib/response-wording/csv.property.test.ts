import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSheet } from "@/lib/csv-sheet/read";
import { csvStyle, hostileCell, longCellParts, longText, writeCsv } from "@/lib/import/test-arbitraries";
import { runs, testTimeout, timed } from "@/lib/import/test-runs";
import { WORDING_ISSUE_CODES, type WordingIssue } from "@/lib/schemas/response-wording";
import { MAX_WORDING_LENGTH, normaliseWording, parseResponseWordingSheet, type ParsedWordingSheet } from "./csv";
import { planResponseWording, type WordingRecommendation } from "./plan";

/**
 * The response-wording sheet an administrator uploads: whatever the bytes, reading and planning it gives rows and
 * issues a person can act on, never a throw; a row with a problem is never also a row to write; and a plan without
 * errors (the only kind the import applies) accounts for every row read.
 *
 * Paragraphs are China's 2018 review's (A/HRC/40/6); the wordings are FIXTURE VALUES, not China's answers.
 */

const HEADERS = ["paragraph", "Paragraph No", "wording", "State's words", "response", "addendum paragraph", "Addendum para", "notes", "position"];
const CELLS: Record<string, readonly string[]> = {
  paragraph: ["28.1", "28.10", "28.2", " 28.3 ", "28.1.", "", "x"],
  wording: ["accepted", "Accepted and already implemented.", "partially accepted;", "noted", "rejected", "REJECTED", "", "supported"],
  addendum: ["4", "para. 5", "§ 4 (a)", "10–12", "Paragraph 4.", "", "four"],
};

function cellFor(header: string): fc.Arbitrary<string> {
  const kind = /addendum/i.test(header) ? "addendum" : /para/i.test(header) ? "paragraph" : /word|response/i.test(header) ? "wording" : null;
  const real = kind ? fc.constantFrom(...CELLS[kind]!) : fc.constantFrom("", "see A/HRC/40/6");
  return fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: hostileCell, weight: 1 });
}

const sheet = fc
  .shuffledSubarray(HEADERS, { minLength: 1, maxLength: 5 })
  .chain((header) => fc.tuple(fc.constant(header), fc.array(fc.tuple(...header.map(cellFor)), { maxLength: 8 }), csvStyle))
  .map(([header, rows, style]) => writeCsv([header, ...rows], style));

const anyBytes = fc.oneof(
  { arbitrary: sheet, weight: 6 },
  { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 300 }).map((t) => Buffer.from(t)), weight: 1 },
);

const recommendations: fc.Arbitrary<WordingRecommendation[]> = fc
  .uniqueArray(fc.constantFrom("28.1", "28.10", "28.2", "28.3", "28.4"), { maxLength: 5 })
  .chain((paragraphs) =>
    fc.tuple(
      ...paragraphs.map((paragraph, id) =>
        fc.record({
          id: fc.constant(id + 1),
          paragraph: fc.constant<string | null>(paragraph),
          position: fc.constantFrom("SUPPORTED" as const, "SUPPORTED_IN_PART" as const, "NOTED" as const, null),
          responseWording: fc.constantFrom("accepted", "noted", null),
          responseWordingSource: fc.constantFrom("A/HRC/40/6/Add.1, para. 4", null),
        }),
      ),
    ),
  );

function expectReadableIssue(issue: WordingIssue): void {
  expect(WORDING_ISSUE_CODES).toContain(issue.code);
  expect(issue.message.trim(), JSON.stringify(issue)).not.toBe("");
  expect(issue.message).not.toMatch(/(^|\n) {4}at /);
  if (issue.row !== undefined) expect(issue.row).toBeGreaterThanOrEqual(2);
}

function expectSafeSheet(parsed: ParsedWordingSheet): void {
  parsed.errors.forEach(expectReadableIssue);
  const failed = new Set(parsed.errors.map((e) => e.row));
  for (const row of parsed.rows) {
    expect(failed.has(row.row), `row ${row.row} is both read and refused`).toBe(false);
    expect(row.paragraph).toBe(row.paragraph.trim());
    expect(row.paragraph).not.toBe("");
    expect(row.wording.length).toBeLessThanOrEqual(MAX_WORDING_LENGTH);
    expect(normaliseWording(row.wording)).toBe(row.wording);
  }
}

describe("the response-wording sheet", () => {
  it("reads and plans any upload into rows and issues, never a throw", { timeout: testTimeout(20_000) }, async () => {
    const symbol = fc.constantFrom("A/HRC/40/6/Add.1", null);
    await fc.assert(
      fc.asyncProperty(anyBytes, recommendations, symbol, async (bytes, recs, sourceSymbol) => {
        const decoded = decodeSheet(bytes);
        if ("error" in decoded) return expectReadableIssue(decoded.error);
        const parsed = await timed(() => parseResponseWordingSheet(decoded.text));
        expectSafeSheet(parsed);
        const plan = planResponseWording(recs, parsed, sourceSymbol);
        plan.errors.forEach(expectReadableIssue);
        const rowsOfErrors = plan.errors.map((e) => e.row ?? 0);
        expect(rowsOfErrors).toEqual([...rowsOfErrors].sort((a, b) => a - b));
        const ids = plan.changes.map((c) => c.recommendationId);
        expect(new Set(ids).size, "one change per recommendation").toBe(ids.length);
        for (const change of plan.changes) expect(recs.find((r) => r.id === change.recommendationId)?.paragraph).toBe(change.paragraph);
        // What the import applies: a plan without errors, in which every row read is a change or unchanged.
        if (plan.errors.length === 0) expect(plan.changes.length + plan.unchanged).toBe(parsed.rows.length);
      }),
      runs(150),
    );
  });

  it("reads a long cell in any column in time proportional to its length", { timeout: testTimeout(20_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2), longCellParts, async (column, long) => {
        const cells = ["28.1", "accepted", "4"];
        cells[column] = longText(long);
        const text = writeCsv([["paragraph", "wording", "addendum paragraph"], cells], { quoted: true, delimiter: ",", newline: "\r\n", bom: false }).toString();
        const start = performance.now();
        expectSafeSheet(parseResponseWordingSheet(text));
        // Linear work takes milliseconds; the quadratic case this guards against took minutes. The bound leaves room for a
        // loaded CI machine.
        expect(performance.now() - start, `${text.length} characters`).toBeLessThan(10_000);
      }),
      // Found by this property: a wording of dots then a letter took quadratic time (the trailing full stops).
      { ...runs(20), examples: [[1, [".", 50_000, "x"]]] },
    );
  });
});

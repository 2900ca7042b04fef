import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseImportFile } from "./index";
import { longCellParts, realUprInfoRows } from "./test-arbitraries";
import { buildDocx, OLD_HEADER, oldRow } from "./test-fixtures";
import { expectSafeDocument } from "./test-properties";
import { runs, testTimeout } from "./test-runs";
import { referenceRows, uhriItemOf, uhriRowOf } from "./uhri/test-fixtures";
import { UWAZI_HEADER, uwaziRowsFrom2015 } from "./upr-info-uwazi/test-fixture";

/**
 * A real row with one cell replaced by long repetitive text (tens to hundreds of KB): what makes a regular expression
 * that backtracks over the rest of the text take minutes. Every layout must read it in time proportional to its size;
 * a few hundred KB take milliseconds, so the bound below leaves room for a busy machine and still catches a quadratic
 * step (which takes seconds at this size, and hours at the upload limit).
 */
const LONG_CELL_MS = 3000;

async function expectQuick(input: Buffer, fileName: string): Promise<void> {
  const start = performance.now();
  const doc = await parseImportFile(input, { fileName });
  const elapsed = performance.now() - start;
  expect(elapsed, `${input.length} bytes took ${Math.round(elapsed)} ms`).toBeLessThan(LONG_CELL_MS);
  await expectSafeDocument(doc, input, { fileName, maxGrowth: 64 });
}

const REAL_2015 = realUprInfoRows().slice(0, 3);
const HEADER_2015 = Object.keys(REAL_2015[0]!);
const REAL_UWAZI = uwaziRowsFrom2015(REAL_2015) as Record<string, string>[];
const UHRI_ITEM = uhriItemOf(uhriRowOf(referenceRows()[0]!), 3);

/** A table whose row `row` has `long` in `column`; the other rows stay real. */
function csvWith(header: readonly string[], rows: readonly Record<string, string>[], row: number, column: string, long: string): Buffer {
  const records = rows.map((r, i) => header.map((c) => (i === row % rows.length && c === column ? long : (r[c] ?? ""))));
  return Buffer.from(stringify([header, ...records]));
}

describe("a long cell in a real row", () => {
  it("UPR Info's 2015 export", { timeout: testTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HEADER_2015), fc.nat(), longCellParts, async (column, row, [piece, times]) => {
        await expectQuick(csvWith(HEADER_2015, REAL_2015, row, column, piece.repeat(times)), "export.csv");
      }),
      // Found by this property: a name of brackets took the name resolver quadratic time (13 s for 100 KB).
      { ...runs(25), examples: [["From", 0, ["a(", 50_000]]] },
    );
  });

  it("UPR Info's current database export (Uwazi)", { timeout: testTimeout(30_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...UWAZI_HEADER), fc.nat(), longCellParts, async (column, row, [piece, times]) => {
        await expectQuick(csvWith(UWAZI_HEADER, REAL_UWAZI, row, column, piece.repeat(times)), "export.csv");
      }),
      runs(25),
    );
  });

  it("the UHRI JSON export, the text read for its recommending States when no list gives them", { timeout: testTimeout(30_000) }, async () => {
    const keys = Object.keys(UHRI_ITEM);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), fc.boolean(), longCellParts, async (key, listed, [piece, times]) => {
        const item = { ...UHRI_ITEM, [key]: piece.repeat(times), ...(listed ? {} : { UprRecommendingCountry: [] }) };
        await expectQuick(Buffer.from(JSON.stringify([item])), "export.json");
      }),
      // Found by this property: "share" over and over, never followed by what is shared, took the action category
      // rules quadratic time (12 s for 300 KB).
      { ...runs(25), examples: [["Text", true, ["share ", 50_000]]] },
    );
  });

  it("an OHCHR thematic list", { timeout: testTimeout(30_000) }, async () => {
    const title = ["UPR of ", "China", " (", "3", "rd", " Cycle – ", "31", "st", " session)"];
    const cells = fc.constantFrom("numbered", "position", "theme", "heading");
    await fc.assert(
      fc.asyncProperty(cells, longCellParts, async (cell, [piece, times]) => {
        const long = piece.repeat(times);
        const row =
          cell === "numbered"
            ? oldRow(`28.1 ${long} (Austria);`, "Supported")
            : cell === "position"
              ? oldRow("28.1 Ratify the ICCPR (Austria);", long)
              : oldRow("28.1 Ratify the ICCPR (Austria);", "Supported", [long]);
        const headerRuns = cell === "heading" ? [...title, long] : title;
        const input = await buildDocx({ headerRuns, rows: [OLD_HEADER.map((h) => [h]), { span: 4, text: `Theme: ${long}` }, row] });
        await expectQuick(input, "list.docx");
      }),
      runs(15),
    );
  });
});

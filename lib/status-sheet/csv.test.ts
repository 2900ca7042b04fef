import { describe, expect, it } from "vitest";
import { formatSheetIssue } from "@/lib/schemas/status-sheet";
import { decodeSheet, formatStatusSheet, MAX_SHEET_ROWS, parseStatusSheet, STATUS_SHEET_COLUMNS, type StatusSheetRecord } from "./csv";

const HEADER = STATUS_SHEET_COLUMNS.join(",");

function record(overrides: Partial<StatusSheetRecord> = {}): StatusSheetRecord {
  return {
    paragraph: "28.10",
    recommendation_id: "399",
    recommending_states: "Côte d'Ivoire; France",
    recommendation: 'Ratify the "ICCPR",\nsoon',
    government_response: "noted",
    status: "partially_implemented",
    assessed_on: "2026-11-01",
    rationale: "- law adopted\n- not applied",
    confidence: "high",
    visibility: "private",
    version: "2",
    ...overrides,
  };
}

describe("formatStatusSheet / parseStatusSheet", () => {
  it("writes a BOM, the header and CRLF rows, and reads its own file back, neutralised cells included", () => {
    const csv = formatStatusSheet([record(), record({ paragraph: "28.11", recommendation_id: "400", rationale: "=HYPERLINK(\"x\")", status: "not_assessed", version: "0" })]);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain(`"'- law adopted\n- not applied"`);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const decoded = decodeSheet(new TextEncoder().encode(csv));
    expect("text" in decoded).toBe(true);
    const parsed = parseStatusSheet((decoded as { text: string }).text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([
      { row: 2, recommendationId: 399, paragraph: "28.10", status: "partially_implemented", assessedOn: "2026-11-01", rationale: "- law adopted\n- not applied", confidence: "high", visibility: "private", version: 2 },
      { row: 3, recommendationId: 400, paragraph: "28.11", status: "not_assessed", assessedOn: "2026-11-01", rationale: '=HYPERLINK("x")', confidence: "high", visibility: "private", version: 0 },
    ]);
  });

  it("reads what a spreadsheet saves: no BOM, semicolons, LF, other column order, labels, extra columns, blank rows", () => {
    const text = [
      "Status;Recommendation ID;Version;My notes;Rationale;assessed_on",
      "Partially implemented;399;2;ask Li;text;2026-11-01 00:00:00",
      ";;;;;",
      "FULLY-IMPLEMENTED;400;;;;",
    ].join("\n");
    const parsed = parseStatusSheet(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.recommendationId, r.status, r.version, r.assessedOn, r.paragraph, r.confidence])).toEqual([
      [2, 399, "partially_implemented", 2, "2026-11-01", null, null],
      [4, 400, "fully_implemented", 0, null, null, null],
    ]);
  });

  it("reports every bad cell with its row number and column, and keeps reading", () => {
    const text = [HEADER, "28.1,390,,,,half done,2026-02-30,,very,secret,1", "28.2,abc,,,,regressed,,,,,x", ",,,,,regressed,,,,,0"].join("\r\n");
    const messages = parseStatusSheet(text).errors.map(formatSheetIssue);
    expect(messages).toEqual([
      'row 2, status: "half done" is not one of not_assessed, not_implemented, partially_implemented, fully_implemented, regressed, unable_to_assess',
      'row 2, assessed_on: "2026-02-30" is not a date as YYYY-MM-DD',
      'row 2, confidence: "very" is not one of low, medium, high',
      'row 2, visibility: "secret" is not one of private, public',
      'row 3, recommendation_id: "abc" is not a recommendation id',
      'row 3, version: "x" is not a version number: keep the exported value',
      "row 4: the paragraph and the recommendation_id are both empty",
    ]);
  });

  it("refuses a file without a required column, with a duplicated column, or with too many rows", () => {
    expect(parseStatusSheet("paragraph,version\n28.1,0").errors.map(formatSheetIssue)).toEqual([
      'the header row has no "status" column (export the sheet again to get every column)',
    ]);
    expect(parseStatusSheet("status,version\nregressed,0").errors[0]!.message).toContain('no "paragraph" column');
    expect(parseStatusSheet("paragraph,status,Status,version\n").errors[0]!.message).toBe('the column "status" appears twice in the header row');
    const many = ["paragraph,status,version", ...Array.from({ length: MAX_SHEET_ROWS + 1 }, (_, i) => `28.${i},regressed,0`)].join("\n");
    expect(parseStatusSheet(many).errors[0]!.message).toBe(`the file has ${MAX_SHEET_ROWS + 1} rows; at most ${MAX_SHEET_ROWS} are accepted`);
    expect(parseStatusSheet('paragraph,status,version\n"28.1,regressed,0').errors[0]!.message).toMatch(/^the file is not valid CSV: /);
  });

  it("refuses bytes that are not UTF-8, an empty file and a file over the size limit", () => {
    expect(decodeSheet(new Uint8Array([0x70, 0xe9, 0x0a]))).toEqual({ error: { code: "file.notUtf8", message: 'the file is not UTF-8 text: save it as "CSV UTF-8 (comma delimited)"' } });
    expect(decodeSheet(new TextEncoder().encode("\uFEFF \r\n"))).toEqual({ error: { code: "file.empty", message: "the file is empty" } });
    expect(decodeSheet(new Uint8Array(5 * 1024 * 1024 + 1))).toEqual({ error: { code: "file.tooLarge", values: { megabytes: 5 }, message: "the file is larger than 5 MB" } });
  });
});

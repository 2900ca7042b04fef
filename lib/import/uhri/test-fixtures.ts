import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { realDataFile } from "@/tests/helpers/data-files";
import { normaliseTitle, UHRI_COLUMNS, type UhriColumn } from "./columns";

/**
 * FIXTURES, NOT UHRI DATA. The UHRI exports are not shipped, so the tests write their layouts from the real texts of
 * China's 2018 list (the reference parse in tests/fixtures/data/reference): texts, paragraphs, positions, States and
 * themes are the list's own; the annotation ids, dates, bodies and layout details are made up for the fixture, and
 * the treaty-body rows say plainly that they are fixtures. Test-only: nothing in the app imports this.
 */

export type ReferenceRow = {
  id: string;
  state_under_review: string;
  wg_session: string;
  wg_report: string;
  paragraph: string;
  recommendation_text: string;
  recommending_states: string;
  recommending_states_iso3: string;
  position: string;
  themes: string;
  affected_persons: string;
};

export function referenceRows(): ReferenceRow[] {
  const csv = readFileSync(realDataFile("reference/CHN-cycle3-2018-parsed.csv"));
  return parse(csv, { columns: true, bom: true }) as ReferenceRow[];
}

export type UhriRow = Partial<Record<UhriColumn, string | number | null>>;

/** A multi-valued cell as UHRI writes it: one value a line, each prefixed "- ". */
export const cell = (values: readonly string[]): string => values.map((v) => `- ${v}`).join("\n");

/** An Excel serial number for a "YYYY-MM-DD" date (the 1900 date system). */
export const serial = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** "A12 Acceptance of international norms" -> "Acceptance of international norms"; SDG codes are left out. */
function themeNames(themes: string): string[] {
  return themes
    .split(" | ")
    .filter((t) => !/^S\d/.test(t))
    .map((t) => t.replace(/^[A-Z]\d{0,3}\s+/, ""));
}

function sdgLines(themes: string): string[] {
  return themes
    .split(" | ")
    .map((t) => /^S(\d+) SDG \d+ - (.*)$/.exec(t))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${Number(m[1])} - ${m[2]!.toUpperCase()}`);
}

/** The UHRI xlsx row of a recommendation of the 2018 list (fixture). */
export function uhriRowOf(ref: ReferenceRow, annotationId = `FIXTURE-${ref.id}`): UhriRow {
  return {
    Text: `${ref.paragraph} ${ref.recommendation_text}`,
    "Countries Concerned": cell([ref.state_under_review]),
    "Reccomending Body": cell(["UPR"]),
    "Document Symbol": ref.wg_report,
    Themes: cell(themeNames(ref.themes)),
    "Affected Persons": cell(ref.affected_persons.split(" | ")),
    Sdgs: cell(sdgLines(ref.themes)),
    "Document Publication Date": serial("2018-12-26"),
    "UPR Reccomending States": cell(ref.recommending_states.split("; ")),
    "UPR Position": ref.position,
    Type: "Recommendation",
    "OHCHR Annotation Id": annotationId,
    "UPR Session": ref.wg_session,
    "Regions Concerned": cell(["Asia-Pacific States"]),
    "Recommending Regions": null,
    "Date of publication on UHRI": serial("2019-04-01"),
  };
}

/**
 * Rows of other mechanisms, which an import reads as findings (fixture text, not UN data): a treaty-body row with its
 * paragraph number, and a special-procedure row concerning two States (one finding each).
 */
export const TREATY_BODY_ROWS: UhriRow[] = [
  {
    Text: "12. FIXTURE treaty-body row: this text is not a finding of any UN body.",
    "Countries Concerned": cell(["China"]),
    "Reccomending Body": cell(["Committee on the Rights of the Child"]),
    "Document Symbol": "CRC/C/CHN/CO/FIXTURE-1",
    Themes: cell(["Right to education"]),
    "Affected Persons": cell(["children"]),
    "Document Publication Date": serial("2013-10-29"),
    Type: "Treaty Bodies",
    "OHCHR Annotation Id": "FIXTURE-CRC-1",
  },
  {
    Text: "FIXTURE special-procedure row: this text is not a finding of any UN body.",
    "Countries Concerned": cell(["China", "France"]),
    "Reccomending Body": cell(["Special Procedures"]),
    "Document Symbol": "A/HRC/FIXTURE/SP-1",
    "OHCHR Annotation Id": "FIXTURE-SP-1",
  },
];

/**
 * An .xlsx in the UHRI layout, written with exceljs's streaming writer (shared strings, as Excel writes them). `header`
 * may spell or order the titles otherwise: each column takes the row's value of the UHRI column its title matches.
 */
export async function buildUhriXlsx(
  rows: Iterable<UhriRow>,
  header: readonly string[] = UHRI_COLUMNS,
  { sharedStrings = true }: { sharedStrings?: boolean } = {},
): Promise<Buffer> {
  const columns = header.map((title) => UHRI_COLUMNS.find((c) => normaliseTitle(c) === normaliseTitle(title)));
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: sharedStrings, useStyles: false });
  const sheet = workbook.addWorksheet("Export");
  sheet.addRow([...header]).commit();
  for (const row of rows) sheet.addRow(columns.map((column) => (column ? (row[column] ?? null) : null))).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The JSON export's item for a row: HTML text, lists for the UPR fields (fixture). */
export function uhriItemOf(row: UhriRow, cycle: string | number | null = null): Record<string, unknown> {
  const list = (value: string | number | null | undefined): string[] =>
    typeof value === "string" ? value.split("\n").map((v) => v.replace(/^- /, "")) : [];
  const html = String(row.Text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&#39;");
  return {
    AffectedPersons: list(row["Affected Persons"]),
    AnnotationId: row["OHCHR Annotation Id"] ?? null,
    AnnotationType: row.Type ?? null,
    Body: list(row["Reccomending Body"]),
    Countries: list(row["Countries Concerned"]),
    DocumentId: null,
    PublicationDate: "2018-12-26T00:00:00",
    PublicationDateOnUhri: "2019-04-01T00:00:00",
    Regions: list(row["Regions Concerned"]),
    Sdgs: list(row.Sdgs),
    Symbol: row["Document Symbol"] ?? null,
    Text: `<p>${html}</p>`,
    Themes: list(row.Themes),
    UprCycle: cycle,
    UprPositions: list(row["UPR Position"]),
    UprRecommendingCountry: list(row["UPR Reccomending States"]),
    UprRecommendingRegions: [],
    UprSession: list(row["UPR Session"]),
  };
}

import { checkArchive } from "./archive-guard";
import { isZip } from "./docx-table";
import { emptyDocument } from "./document";
import { parseOhchrThematicList } from "./ohchr-docx";
import type { ImportPreview, PositionCounts } from "./plan";
import { countPositions, documentTotals, groupByReview } from "./review-groups";
import type { ImportFormat, ParseOptions, ParsedDocument } from "./types";
import { looksLikeUhriJson, parseUhriJson, parseUhriXlsx } from "./uhri";
import { parseUprInfoCsv } from "./upr-info-csv";
import { parseUprInfoUwaziCsv } from "./upr-info-uwazi/parse";
import { officeKind } from "./zip-entries";

/** The one entry point for importing a file: it recognises the format and hands the file to its parser. */

export { parseOhchrThematicList } from "./ohchr-docx";
export { parseUprInfoCsv } from "./upr-info-csv";
export { parseUprInfoUwaziCsv } from "./upr-info-uwazi/parse";
export { parseUhriJson, parseUhriXlsx } from "./uhri";

const CSV_COLUMNS = ["to", "text", "from", "response"];
/** Uwazi's CSV export always starts with these (UPR Info's current database). */
const UWAZI_LEADING_COLUMNS = ["title", "date added", "template"];

const NOT_A_KNOWN_FORMAT =
  "not an OHCHR thematic list (.docx), a UPR Info export (.csv) nor a Universal Human Rights Index export (.xlsx or .json)";

/**
 * The format of a file, from its content first: a zip holding xl/workbook.xml is the UHRI xlsx export and one holding
 * word/document.xml an OHCHR list; text starting with "[" or "{" whose first records carry UHRI's keys is the UHRI
 * JSON export; a CSV whose header names UPR Info's columns is a UPR Info export. The extension only breaks the tie,
 * so a .csv with a wrong header or a .docx that is not a zip reaches its own parser, which says precisely what is
 * wrong. Null when neither content nor name tells.
 */
export function detectFormat(buffer: Buffer, fileName: string): ImportFormat | null {
  if (isZip(buffer)) {
    const kind = officeKind(buffer);
    if (kind === "xlsx" || (kind === null && /\.xlsx$/i.test(fileName))) return "uhri-xlsx";
    return "ohchr-thematic-list";
  }
  // 64 KB holds the first records of the JSON export, keys included, however its values are laid out.
  if (looksLikeUhriJson(buffer.subarray(0, 65_536).toString("utf8"))) return "uhri-json";
  const firstLine = buffer.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const columns = firstLine.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, "").trim().toLowerCase());
  if (UWAZI_LEADING_COLUMNS.every((c, i) => columns[i] === c)) return "upr-info-uwazi-csv";
  if (CSV_COLUMNS.every((c) => columns.includes(c))) return "upr-info-csv";
  if (/\.csv$/i.test(fileName)) return "upr-info-csv";
  if (/\.docx$/i.test(fileName)) return "ohchr-thematic-list";
  if (/\.xlsx$/i.test(fileName)) return "uhri-xlsx";
  if (/\.json$/i.test(fileName)) return "uhri-json";
  return null;
}

/**
 * Hands the file to its parser. Archives are checked before any library opens them (lib/import/archive-guard.ts):
 * here for a .docx, inside parseUhriXlsx for an .xlsx (so that it is never skipped, and never done twice). A .docx
 * that is not a zip at all goes straight to its parser, which says what it is not.
 */
async function parseAs(format: ImportFormat, buffer: Buffer, options: ParseOptions): Promise<ParsedDocument> {
  switch (format) {
    case "ohchr-thematic-list": {
      const refused = isZip(buffer) ? await checkArchive(buffer, "docx") : [];
      return refused.length > 0 ? emptyDocument(format, buffer, options.fileName, refused) : parseOhchrThematicList(buffer, options);
    }
    case "uhri-xlsx":
      return parseUhriXlsx(buffer, options);
    case "uhri-json":
      return parseUhriJson(buffer, options);
    case "upr-info-uwazi-csv":
      return parseUprInfoUwaziCsv(buffer, options);
    default:
      return parseUprInfoCsv(buffer, options);
  }
}

/**
 * Parses any supported file. Never throws: an unrecognised file, or a parser failing in a way nobody foresaw,
 * becomes an issue naming the file (never a stack trace), so the CLI and the upload form can show it as is.
 */
export async function parseImportFile(buffer: Buffer, options: ParseOptions): Promise<ParsedDocument> {
  const format = detectFormat(buffer, options.fileName);
  if (format === null) {
    // A best guess for the format field; with the error, nothing will be written anyway.
    const guess: ImportFormat = buffer.includes(0) ? "ohchr-thematic-list" : "upr-info-csv";
    return emptyDocument(guess, buffer, options.fileName, [
      { location: "file", kind: "file", message: NOT_A_KNOWN_FORMAT },
    ]);
  }
  try {
    return await parseAs(format, buffer, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return emptyDocument(format, buffer, options.fileName, [
      { location: "file", kind: "file", message: `could not be read (${reason})` },
    ]);
  }
}

export type ImportSummary = Pick<ImportPreview, "format" | "recommendations" | "positions" | "recommendingStates" | "errors"> & {
  groups: { stateUnderReview: string; cycle: number; session: number | null; recommendations: number; positions: PositionCounts }[];
};

/** Counts a person can check against the UN document, per review: the writer's preview without the database. */
export function summarise(doc: ParsedDocument): ImportSummary {
  const { format, recommendations, positions, recommendingStates, errors } = documentTotals(doc);
  const groups = groupByReview(doc).map((group) => ({
    stateUnderReview: group.stateUnderReview,
    cycle: group.cycle,
    session: group.ref.session,
    recommendations: group.recommendations.length,
    positions: countPositions(group.recommendations),
  }));
  return { format, recommendations, positions, recommendingStates, groups, errors };
}

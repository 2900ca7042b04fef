import { z } from "zod";
import { languageTagSchema } from "@/lib/schemas/recommendation-text";
import type { ParsedFinding, ParsedUnDocument } from "@/lib/findings/schemas";

/**
 * The contract between the pure parsers (this folder) and the database writer (lib/server/imports.ts).
 * A parser never touches a database: it turns a file into these validated records, or into errors that
 * name the file and the paragraph or row.
 */

export const iso3Schema = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166 alpha-3 code");

/** Normalised position, as OHCHR records it. The State's own words are kept separately in `responseWording`. */
export const positionSchema = z.enum(["SUPPORTED", "SUPPORTED_IN_PART", "NOTED"]);
export type Position = z.infer<typeof positionSchema>;

/**
 * Where a theme comes from. The same words mean different things in different schemes, so a theme is
 * always identified by its scheme plus its code (or, when there is no code, its name).
 * - UHRI_CODED: OHCHR/UHRI coded themes of the 2nd/3rd-cycle lists ("A12 Acceptance of international norms")
 * - UHRI_THEME: 4th-cycle themes named without A12-style codes (some carry "2.1"-style numbers)
 * - UPR_INFO_ISSUE: UPR Info's own issue list
 * - SDG: Sustainable Development Goals (code "1".."17"), from S-codes of older lists or the SDG column of newer ones
 * - AFFECTED_PERSONS: "Affected persons" / "Groups of persons"
 */
export const themeSchemeSchema = z.enum(["UHRI_CODED", "UHRI_THEME", "UPR_INFO_ISSUE", "SDG", "AFFECTED_PERSONS"]);
export type ThemeScheme = z.infer<typeof themeSchemeSchema>;

export const themeRefSchema = z.object({
  scheme: themeSchemeSchema,
  code: z.string().min(1).nullable(),
  name: z.string().min(1),
});
export type ThemeRef = z.infer<typeof themeRefSchema>;

/** How an imported recommendation's action category was set (an organisation's override comes later, never from a file). */
export const actionCategoryMethodSchema = z.enum(["SOURCE", "DERIVED"]);

/**
 * The layouts the importer reads, each detected from the file's content (lib/import/index.ts):
 * - ohchr-thematic-list: OHCHR "Thematic list of recommendations" (.docx), 2nd/3rd- and 4th-cycle layouts
 * - upr-info-csv: UPR Info's 2015 database export (To, From, Text, Response, Action, Issue, Session)
 * - upr-info-uwazi-csv: UPR Info's current database export (Title, Date added, Template, one column per field, ...)
 * - uhri-xlsx / uhri-json: the Universal Human Rights Index export (16-column xlsx, or its JSON)
 */
export const importFormatSchema = z.enum(["ohchr-thematic-list", "upr-info-csv", "upr-info-uwazi-csv", "uhri-xlsx", "uhri-json"]);
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const parsedRecommendationSchema = z
  .object({
  /** Stable across re-imports of the same document, so a re-import updates rather than duplicates. */
  sourceKey: z.string().min(1),
  stateUnderReview: iso3Schema,
  cycle: z.number().int().min(1).max(9),
  session: z.number().int().positive().nullable(),
  /** As printed, without a trailing full stop: "28.66", "186.23". Null where the source has none (UPR Info). */
  paragraph: z.string().regex(/^\d+\.\d+$/).nullable(),
  /** Exactly as printed, recommending States in parentheses included. */
  text: z.string().min(1),
  /** The language the source prints `text` in (BCP 47), e.g. "en". Set by the parser from what the document is. */
  textLanguage: languageTagSchema,
  /** ISO3 codes in printed order, without repeats. */
  recommendingStates: z.array(iso3Schema),
  /**
   * Recommending States the source itself marks as unknown ("(Unknown)" in UPR Info's database). Kept as a count:
   * never guessed, never dropped. A record has at least one known or unknown recommending State.
   */
  unknownRecommendingStates: z.number().int().min(0),
  position: positionSchema.nullable(),
  /** The State's own words where known ("accepted", "rejected", "noted"). */
  responseWording: z.string().min(1).nullable(),
  /** e.g. "A/HRC/40/6/Add.1 - Para. 2" */
  positionSource: z.string().min(1).nullable(),
  /** All themes of the row, affected persons and SDGs included. */
  themes: z.array(themeRefSchema),
  /** The "Theme: ..." heading the row is filed under in an OHCHR list. Also present in `themes`. */
  matrixTheme: themeRefSchema.nullable(),
  actionCategory: z.number().int().min(1).max(5).nullable(),
  /** Who assigned the action category, e.g. "UPR Info". */
  actionCategorySource: z.string().min(1).nullable(),
  /** SOURCE where the source gives the category, DERIVED where lib/action-category/ derived it from the text. */
  actionCategoryMethod: actionCategoryMethodSchema.nullable(),
  /** The rule version of a derived category, e.g. "verb-rules/1"; null for a source's. */
  actionCategoryRules: z.string().min(1).nullable(),
  /** For messages: "paragraph 28.66", "row 12". */
  location: z.string().min(1),
  })
  .refine((r) => r.recommendingStates.length + r.unknownRecommendingStates > 0, {
    path: ["recommendingStates"],
    message: "no recommending State",
  });
export type ParsedRecommendation = z.infer<typeof parsedRecommendationSchema>;

export const reviewRefSchema = z.object({
  stateUnderReview: iso3Schema,
  cycle: z.number().int().min(1).max(9),
  session: z.number().int().positive().nullable(),
  /** Working Group report, e.g. "A/HRC/40/6" (derived from the addendum symbol when only that is printed). */
  reportSymbol: z.string().nullable(),
  /** e.g. "A/HRC/40/6/Add.1" */
  addendumSymbol: z.string().nullable(),
});
export type ReviewRef = z.infer<typeof reviewRefSchema>;

export type ImportIssue = {
  /** "file", "paragraph 28.66", "row 12", "rows 12, 40, 77 …", "heading" ... */
  location: string;
  message: string;
  /**
   * What kind of problem, so a preview can group them: "file" (the file as a whole), "layout" (columns, headings),
   * "unknown-state" (a name no resolver knows, reported once per distinct name), "row" (any other row problem),
   * "review" (a whole review, e.g. its source). Absent means "row".
   */
  kind?: "file" | "layout" | "unknown-state" | "row" | "review";
};

export type ParsedDocument = {
  format: ImportFormat;
  fileName: string;
  sha256: string;
  /** The document's own heading, e.g. "UPR of China (3rd Cycle – 31st session) Thematic list of recommendations". */
  title: string | null;
  reviews: ReviewRef[];
  recommendations: ParsedRecommendation[];
  errors: ImportIssue[];
  /** Rows the file holds that are not UPR recommendations (treaty bodies, special procedures in a UHRI export). */
  notUpr?: number;
  /** The UHRI export's treaty-body and special-procedure rows, as findings (lib/findings), and their documents. */
  findings?: ParsedFinding[];
  unDocuments?: ParsedUnDocument[];
};

export type ParseOptions = {
  fileName: string;
  /** ISO3: fallback when the document's heading does not say; a filter for multi-State exports. */
  stateUnderReview?: string;
  /** Fallback when the heading does not say; a filter for multi-cycle exports. */
  cycle?: number;
  /** Called now and then on large files, for a progress display. */
  onProgress?: (done: number, total: number) => void;
};

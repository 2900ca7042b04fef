import type { ImportIssue } from "../types";

/**
 * The columns of UPR Info's current database export (their Uwazi site, upr-info-database.uwazi.io), found by
 * normalised title.
 *
 * Where the layout comes from:
 * - Uwazi's CSV exporter (huridocs/uwazi, app/api/csv/csvExporter.ts): the header is "Title", "Date added",
 *   "Template", then one column per property label of the exported templates (in template order, geolocation,
 *   preview and nested properties left out), then "Geolocation", "Documents", "Attachments", "Published". Newer
 *   versions drop the trailing "Geolocation" (the template's own geolocation label takes its place), so the trailing
 *   columns are accepted anywhere and ignored. The three leading labels are translated into the export language;
 *   only the English export is read.
 * - Uwazi derives a property's name from its label (app/api/templates/utils.ts, `safeName`: every character outside
 *   a–z, 0–9 becomes "_", lower-cased). Public code reading UPR Info's Uwazi API reads the recommendation properties
 *   `recommendation` (the text, a text value), `state_under_review`, `recommending_state`, `response`, `issues`
 *   (several values), `cycle`, `session`, `action_category`, and `state_under_review___regional_group`; so the
 *   labels are "Recommendation", "State under Review", "Recommending State", "Response", "Issues", "Cycle",
 *   "Session", "Action Category" up to case and punctuation (exact case not confirmed: hence matching by
 *   normalised title). One third-party test fixture labels `recommendation` "Text": accepted as a synonym.
 * The 4 - General action / 44 - November 2023 forms of the values are what that API returns as labels.
 */

/** What a column holds, for the row reader. */
export type FieldKey = "stateUnderReview" | "recommendingState" | "recommendation" | "response" | "session" | "actionCategory" | "issues" | "cycle";

type FieldSpec = { key: FieldKey; label: string; required: boolean; synonyms: readonly string[] };

/**
 * The fields read, in the order a message lists them. Synonyms beyond what `normaliseTitle` already equates (case,
 * spaces, punctuation, "(s)", plural s) are the few other names UPR Info or a hand-edited export could use.
 */
export const FIELDS: readonly FieldSpec[] = [
  { key: "stateUnderReview", label: "State under Review", required: true, synonyms: ["SuR", "State reviewed"] },
  { key: "recommendingState", label: "Recommending State", required: true, synonyms: ["Recommending States", "Recommending State(s)"] },
  { key: "recommendation", label: "Recommendation", required: true, synonyms: ["Text", "Recommendation text"] },
  { key: "response", label: "Response", required: true, synonyms: ["Position", "Response of the State"] },
  { key: "session", label: "Session", required: true, synonyms: ["UPR Session"] },
  { key: "actionCategory", label: "Action Category", required: false, synonyms: ["Action", "Category of action"] },
  { key: "issues", label: "Issues", required: false, synonyms: [] },
  { key: "cycle", label: "Cycle", required: false, synonyms: ["UPR Cycle"] },
];

/**
 * Uwazi's own leading columns, the same in every export. Its trailing ones (Geolocation, Documents, Attachments,
 * Published), like any property this parser does not read, are ignored wherever they are.
 */
export const LEADING_COLUMNS = ["Title", "Date added", "Template"] as const;

/**
 * A title reduced to what identifies it: no accents, lower case, "&" as "and", "(s)" and a plural s dropped, any
 * punctuation a single space. "Recommending State(s)", "recommending  states" and "Recommending_State" all give
 * "recommending state".
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\(s\)/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .join(" ");
}

const BY_TITLE = new Map<string, FieldKey>();
for (const field of FIELDS) {
  for (const title of [field.label, ...field.synonyms]) BY_TITLE.set(normaliseTitle(title), field.key);
}

export type ColumnMap = { [K in FieldKey]?: number } & { template: number };

/** The expected layout, as a message prints it. */
export function expectedColumns(): string {
  const required = FIELDS.filter((f) => f.required).map((f) => f.label);
  const optional = FIELDS.filter((f) => !f.required).map((f) => f.label);
  return `${[...LEADING_COLUMNS, ...required].join(", ")} (and optionally ${optional.join(", ")})`;
}

/**
 * Finds each field's column, or returns ONE layout issue listing the columns expected and the ones found: a file of
 * another layout is refused as a whole, never half-read.
 */
export function matchColumns(header: readonly string[]): { columns: ColumnMap } | { issue: ImportIssue } {
  const problems: string[] = [];
  const leading = header.slice(0, LEADING_COLUMNS.length).map(normaliseTitle);
  if (LEADING_COLUMNS.some((c, i) => normaliseTitle(c) !== leading[i])) {
    problems.push(`the first columns are not ${LEADING_COLUMNS.join(", ")}`);
  }
  const found = new Map<FieldKey, number[]>();
  header.forEach((title, i) => {
    const key = BY_TITLE.get(normaliseTitle(title));
    if (key) found.set(key, [...(found.get(key) ?? []), i]);
  });
  for (const field of FIELDS) {
    const at = found.get(field.key) ?? [];
    if (at.length === 0 && field.required) problems.push(`no column ${field.label}`);
    if (at.length > 1) problems.push(`${at.map((i) => `"${header[i]}"`).join(" and ")} are both ${field.label}`);
  }
  if (problems.length > 0) {
    const shown = header.map((h) => `"${h.trim()}"`).join(", ") || "nothing";
    return {
      issue: {
        location: "header",
        kind: "layout",
        message:
          `not UPR Info's database export (Uwazi) layout: ${problems.join("; ")}. ` +
          `Expected the columns ${expectedColumns()}; found ${shown}`,
      },
    };
  }
  const columns: ColumnMap = { template: 2 };
  for (const [key, [at]] of found) columns[key] = at;
  return { columns };
}

import { resolveStateName } from "../../countries";
import { documentBody } from "@/lib/findings/bodies";
import { parsedFindingSchema, parsedUnDocumentSchema, type ParsedFinding, type ParsedUnDocument } from "@/lib/findings/schemas";
import { ensureTheme, namedTheme } from "../themes";
import type { ImportIssue, ThemeRef } from "../types";
import type { UnresolvedNames } from "../unknown-names";
import type { UhriRecord } from "./record";

/**
 * The treaty-body and special-procedure records of a UHRI export as findings: a UN document per "Document Symbol"
 * (its body and mechanism from "Reccomending Body" and "Type") and a finding per record and State concerned, keyed by
 * the "OHCHR Annotation Id". The text is kept exactly; a leading "36. " is read as its paragraph, as the UPR rows'
 * "28.66 " is.
 */

const NUMBERED = /^(\d{1,3})\.\s+(\S[\s\S]*)$/;

export type FindingContext = {
  /** The State filter of the import (ISO3), when it has one: other States' findings are left out. */
  stateUnderReview?: string;
  unresolved: UnresolvedNames;
  errors: ImportIssue[];
};

function nameLocation(location: string): number | string {
  const row = /^row (\d+)$/.exec(location);
  return row?.[1] ? Number(row[1]) : location;
}

function issuesOf(location: string, error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join(".") || "record"}: ${i.message}`).join("; ");
}

/** The States a record concerns, resolved; unresolved names go to `context.unresolved`. Null when any is unknown. */
function statesOf(record: UhriRecord, context: FindingContext, problems: string[]): string[] | null {
  if (record.countries.length === 0) {
    problems.push("no Countries Concerned (the State a finding concerns)");
    return null;
  }
  const states: string[] = [];
  let failed = false;
  for (const name of record.countries) {
    const resolved = resolveStateName(name);
    if (resolved === null) {
      context.unresolved.add("State concerned", name, nameLocation(record.location));
      failed = true;
    } else if (resolved === "unknown") {
      problems.push(`the State concerned is given as unknown ("${name}")`);
      failed = true;
    } else if (!states.includes(resolved.iso3)) states.push(resolved.iso3);
  }
  return failed ? null : states;
}

export type RecordFindings = { document: ParsedUnDocument; findings: ParsedFinding[] };

/**
 * The document and findings of one non-UPR record, or null with its problems in `context` (or nothing at all when
 * the record concerns only States outside the import's filter).
 */
export function findingsOf(record: UhriRecord, context: FindingContext): RecordFindings | null {
  const { location } = record;
  const problems: string[] = [];
  const states = statesOf(record, context, problems);
  const wanted = states && context.stateUnderReview ? states.filter((iso3) => iso3 === context.stateUnderReview) : states;
  if (wanted !== null && wanted.length === 0) return null;

  if (record.annotationId === null) problems.push("no OHCHR Annotation Id (the stable key of a UHRI record)");
  if (record.symbol === null) problems.push("no Document Symbol (a finding is a passage of a UN document)");
  if (record.text === "") problems.push("the Text is empty");
  const body = documentBody(record.bodies, record.type);
  if ("problem" in body) problems.push(body.problem);
  if (problems.length > 0 || wanted === null || "problem" in body) {
    for (const message of problems) context.errors.push({ location, message });
    return null;
  }

  const themes: ThemeRef[] = [];
  for (const line of record.themes) {
    const theme = namedTheme(line);
    if (theme) ensureTheme(themes, theme);
  }
  const numbered = NUMBERED.exec(record.text);
  const document = parsedUnDocumentSchema.safeParse({ symbol: record.symbol, mechanism: body.mechanism, body: body.body, date: record.publicationDate, language: "en", location });
  if (!document.success) {
    context.errors.push({ location, message: `invalid document (${issuesOf(location, document.error)})` });
    return null;
  }
  const findings: ParsedFinding[] = [];
  for (const iso3 of wanted) {
    const finding = parsedFindingSchema.safeParse({
      uhriId: states!.length === 1 ? record.annotationId : `${record.annotationId}:${iso3}`,
      symbol: record.symbol,
      paragraph: numbered?.[1] ?? null,
      text: numbered?.[2] ?? record.text,
      stateIso3: iso3,
      themes,
      affectedPersons: [...new Set(record.affectedPersons)],
      location,
    });
    if (!finding.success) {
      context.errors.push({ location, message: `invalid finding (${issuesOf(location, finding.error)})` });
      return null;
    }
    findings.push(finding.data);
  }
  return { document: document.data, findings };
}

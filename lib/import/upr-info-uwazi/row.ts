import type { StateNameResolution } from "../../countries";
import type { ThemeRef } from "../types";
import type { UnresolvedNames } from "../unknown-names";
import { cycleOfSession, type RowFilter, type UprInfoRow } from "../upr-info-row";
import { normaliseTitle, type ColumnMap, type FieldKey } from "./columns";
import type { RowProblems } from "./row-problems";
import { actionCategoryNumber, cycleNumber, leafValues, readResponse, sessionNumber } from "./values";

/**
 * One row of UPR Info's current export, turned into the rows the 2015 export would have had: one per recommending
 * State, so the 2015 parser's merge (upr-info-csv.ts) joins them back exactly as it joins the older file's.
 */

/** A 2015-style row; `recommendingState` is null where the source marks the State unknown ("(Unknown)"). */
export type UwaziRow = UprInfoRow;

export type RowContext = {
  columns: ColumnMap;
  filter: RowFilter;
  names: UnresolvedNames;
  problems: RowProblems;
  /** resolveStateName, cached by the caller: an export repeats the same 200 names over 100,000 rows. */
  resolve: (name: string) => StateNameResolution;
};

export type RowResult = { rows: UwaziRow[] } | { otherTemplate: true } | null;

/** An entity of another template (a State, a document, a pledge) is not a recommendation. */
const isRecommendationTemplate = (template: string): boolean => template.trim() === "" || normaliseTitle(template).includes("recommendation");

/**
 * Reads a row. Null when the row is outside the filter or has a problem (recorded in the context, and the row then
 * yields nothing); rows of another template are told apart so they can be counted as not UPR recommendations.
 */
export function readUwaziRow(fields: readonly string[], row: number, context: RowContext): RowResult {
  const { columns, names, problems, resolve } = context;
  const get = (key: FieldKey): string => {
    const at = columns[key];
    return at === undefined ? "" : (fields[at] ?? "");
  };
  if (!isRecommendationTemplate(fields[columns.template] ?? "")) return { otherTemplate: true };

  // Which review the row belongs to, first, so rows outside the filter are skipped before any other check.
  const reviewed = leafValues(get("stateUnderReview"));
  if (reviewed.length !== 1) {
    problems.add(row, reviewed.length === 0 ? "no State under Review" : `several States under Review "${get("stateUnderReview").trim()}"`);
    return null;
  }
  const sur = resolve(reviewed[0]!);
  if (sur === null || sur === "unknown") {
    names.add("State under review", reviewed[0]!, row);
    return null;
  }
  const sessions = leafValues(get("session"));
  const session = sessions.length === 1 ? sessionNumber(sessions[0]!) : null;
  if (session === null) {
    problems.add(row, `invalid Session "${get("session").trim()}" (expected one session such as "44 - November 2023")`);
    return null;
  }
  const cycleText = get("cycle").trim();
  const cycle = cycleText === "" ? cycleOfSession(session) : cycleNumber(cycleText);
  if (cycle === null) {
    problems.add(row, `invalid Cycle "${cycleText}" (expected e.g. "Cycle 4")`);
    return null;
  }
  if (context.filter.stateUnderReview && context.filter.stateUnderReview.toUpperCase() !== sur.iso3) return null;
  if (context.filter.cycle !== undefined && context.filter.cycle !== cycle) return null;

  // The recommendation itself, every problem of the row reported.
  let ok = true;
  const fail = (message: string): void => {
    problems.add(row, message);
    ok = false;
  };
  const text = get("recommendation").trim();
  if (text === "") fail("the Recommendation is empty");

  const recommending: { iso3: string | null }[] = [];
  const from = leafValues(get("recommendingState"));
  if (from.length === 0) fail("no Recommending State");
  for (const name of from) {
    const resolved = resolve(name);
    if (resolved === null) {
      names.add("recommending State", name, row);
      ok = false;
    } else {
      const iso3 = resolved === "unknown" ? null : resolved.iso3;
      if (iso3 === null || !recommending.some((r) => r.iso3 === iso3)) recommending.push({ iso3 });
    }
  }

  const responseCell = get("response");
  const response = readResponse(responseCell);
  if ("invalid" in response) fail(response.invalid);

  const actionCell = get("actionCategory").trim();
  const action = actionCategoryNumber(actionCell);
  if (action === "invalid") fail(`invalid Action Category "${actionCell}" (expected e.g. "4 - General action")`);

  const themes: ThemeRef[] = [];
  for (const name of leafValues(get("issues"))) {
    if (!themes.some((t) => t.name === name)) themes.push({ scheme: "UPR_INFO_ISSUE", code: null, name });
  }

  if (!ok || "invalid" in response || action === "invalid") return null;
  return {
    rows: recommending.map(({ iso3 }) => ({
      row,
      stateUnderReview: sur.iso3,
      session,
      cycle,
      text,
      recommendingState: iso3,
      position: response.position,
      responseWording: response.wording,
      actionCategory: action,
      themes,
      response: responseCell.trim(),
      action: actionCell,
    })),
  };
}

import { resolveStateName } from "@/lib/countries";
import { positionFromWording, responseWording } from "./positions";
import type { ImportIssue, Position, ThemeRef } from "./types";
import type { UnresolvedNames } from "./unknown-names";

/**
 * One row of a UPR Info database export. UPR Info writes one row per recommending State and has its own response
 * words ("Accepted", "Noted", "Pending", "General Response") and its own 1–5 action category.
 */

export type UprInfoRow = {
  /** 1-based row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  stateUnderReview: string;
  session: number;
  cycle: number;
  text: string;
  /** ISO3, or null where UPR Info itself prints the State as unknown ("&#40;Unknown&#41;"): kept as an explicit unknown. */
  recommendingState: string | null;
  position: Position | null;
  responseWording: string | null;
  actionCategory: number | null;
  themes: ThemeRef[];
  /** The printed Response and Action, which with State, session and text identify a recommendation. */
  response: string;
  action: string;
};

/** UPR Info's responses that carry no position yet. */
const NO_POSITION = new Set(["", "pending", "general response"]);

/** Cycle of a Working Group session: the 1st cycle had 12 sessions, every later one 14 (13–26, 27–40, 41–54, ...). */
export function cycleOfSession(session: number): number {
  return session <= 12 ? 1 : 2 + Math.floor((session - 13) / 14);
}

export type RowFields = (column: string) => string;

export type RowFilter = { stateUnderReview?: string; cycle?: number };

/**
 * Reads a row, or returns null when the row is outside the filter (an export holds many States and sessions).
 * Problems go to `errors` with the row's number, and names no resolver knows to `unresolved` (reported once per
 * name, as an export repeats a name on thousands of rows); a row with any problem yields no record. A row whose State
 * under review or session cannot be read is an error even under a filter: we cannot tell it is someone else's row.
 */
export function readUprInfoRow(
  get: RowFields,
  row: number,
  filter: RowFilter,
  errors: ImportIssue[],
  unresolved: UnresolvedNames,
): UprInfoRow | null {
  const location = `row ${row}`;
  const problems: ImportIssue[] = [];
  const fail = (message: string): null => {
    errors.push({ location, message });
    return null;
  };

  // Which review the row belongs to, first, so rows outside the filter are skipped before any other check.
  const to = get("To").trim();
  if (to === "") return fail("the To (State under review) is empty");
  const underReview = resolveStateName(to);
  if (underReview === null || underReview === "unknown") {
    unresolved.add("State under review", to, row);
    return null;
  }
  const stateUnderReview = underReview.iso3;
  const sessionText = get("Session").trim();
  const session = /^\d+$/.test(sessionText) ? Number(sessionText) : NaN;
  if (!(session >= 1)) return fail(`invalid Session "${sessionText}" (expected a session number)`);
  const cycleText = get("cycle").trim();
  const cycle = cycleText === "" ? cycleOfSession(session) : /^\d$/.test(cycleText) ? Number(cycleText) : NaN;
  if (!(cycle >= 1)) return fail(`invalid cycle "${cycleText}" (expected 1–9)`);
  if (filter.stateUnderReview && filter.stateUnderReview.toUpperCase() !== stateUnderReview) return null;
  if (filter.cycle !== undefined && filter.cycle !== cycle) return null;

  // The recommendation itself.
  const text = get("Text").trim();
  if (text === "") problems.push({ location, message: "the Text is empty" });
  const from = get("From").trim();
  const recommending = from === "" ? null : resolveStateName(from);
  if (from === "") problems.push({ location, message: "the From (recommending State) is empty" });
  else if (recommending === null) unresolved.add("recommending State", from, row);

  const response = get("Response").trim();
  const wording = responseWording(response);
  const position = wording && !NO_POSITION.has(wording) ? (positionFromWording(wording) ?? null) : null;
  if (wording && !NO_POSITION.has(wording) && !position) {
    problems.push({ location, message: `unknown Response "${response}"` });
  }

  const action = get("Action").trim();
  if (action !== "" && !/^[1-5]$/.test(action)) problems.push({ location, message: `invalid Action "${action}" (expected 1–5)` });

  const themes: ThemeRef[] = [];
  for (const name of get("Issue").split(",").map((s) => s.trim())) {
    if (name && !themes.some((t) => t.name === name)) themes.push({ scheme: "UPR_INFO_ISSUE", code: null, name });
  }

  if (problems.length > 0 || recommending === null) {
    errors.push(...problems);
    return null;
  }
  return {
    row,
    stateUnderReview,
    session,
    cycle,
    text,
    recommendingState: recommending === "unknown" ? null : recommending.iso3,
    position,
    responseWording: wording,
    actionCategory: action === "" ? null : Number(action),
    themes,
    response,
    action,
  };
}

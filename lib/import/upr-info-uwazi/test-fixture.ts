import { stringify } from "csv-stringify/sync";

/**
 * Builds test files in the layout of UPR Info's current database export (Uwazi CSV) from real rows of the 2015
 * export shipped in prisma/data. These are FIXTURES, not UPR Info data: the texts, States, responses, actions,
 * issues and sessions are the real rows, re-written the way the Uwazi exporter writes values ("|" between values,
 * "Group::Value" for a thesaurus value under a group, "Supported" for "Accepted", "5 - Specific action" for "5",
 * "4 - February 2009" for session 4). Test-only: nothing in the app imports this.
 */

export const UWAZI_HEADER = [
  "Title",
  "Date added",
  "Template",
  "State under Review",
  "State under Review - Regional Group",
  "Recommending State",
  "Recommendation",
  "Response",
  "Action Category",
  "Issues",
  "Session",
  "Cycle",
  "Geolocation",
  "Documents",
  "Attachments",
  "Published",
] as const;

export type UwaziFixtureRow = Partial<Record<(typeof UWAZI_HEADER)[number], string>>;

/** A CSV in the Uwazi layout; a row's missing columns are empty, `header` replaces the header for layout tests. */
export function uwaziCsv(rows: readonly UwaziFixtureRow[], header: readonly string[] = UWAZI_HEADER): Buffer {
  const records = rows.map((row) => header.map((column) => row[column as keyof UwaziFixtureRow] ?? ""));
  return Buffer.from(stringify([header, ...records]));
}

/** Defaults every fixture row shares: Uwazi's own columns. */
export const UWAZI_DEFAULTS: UwaziFixtureRow = { "Date added": "2019-10-01", Template: "Recommendation", Published: "Published" };

/** UPR Info's action category labels, as its Uwazi site names them. */
const ACTIONS: Record<string, string> = {
  "1": "1 - Minimal action",
  "2": "2 - Continuing action",
  "3": "3 - Considering action",
  "4": "4 - General action",
  "5": "5 - Specific action",
};

/** The two sessions China's rows in the 2015 export belong to, labelled as the Uwazi site labels sessions. */
const SESSIONS: Record<string, string> = { "4": "4 - February 2009", "17": "17 - October 2013" };

/** The response words of the 2015 export, as the current database words them. */
const RESPONSES: Record<string, string> = { Accepted: "Supported", Noted: "Noted", Rejected: "Not Supported" };

/**
 * The 2015 export's rows (objects keyed by its header) in the Uwazi layout. Rows of one recommendation made by
 * several States (same State under review, session, text, response, action) become ONE row whose recommending
 * States are joined with "|", at the first row's place, as Uwazi holds a joint recommendation as one entity.
 */
export function uwaziRowsFrom2015(rows: readonly Record<string, string>[]): UwaziFixtureRow[] {
  const byKey = new Map<string, UwaziFixtureRow>();
  for (const r of rows) {
    const key = [r.To, r.Session, r.Text, r.Response, r.Action].join("\u0000");
    const from = `${r["From-Rgrp"]}::${r.From}`;
    const existing = byKey.get(key);
    if (existing) {
      existing["Recommending State"] += `|${from}`;
      continue;
    }
    byKey.set(key, {
      ...UWAZI_DEFAULTS,
      Title: r.Text,
      "State under Review": r.To,
      "State under Review - Regional Group": r["To-Rgrp"],
      "Recommending State": from,
      Recommendation: r.Text,
      Response: RESPONSES[r.Response!] ?? r.Response,
      "Action Category": ACTIONS[r.Action!] ?? r.Action,
      Issues: (r.Issue ?? "").split(",").map((s) => s.trim()).filter(Boolean).join("|"),
      Session: SESSIONS[r.Session!] ?? r.Session,
      // The 1st cycle's rows leave the cycle to the session; the 2nd cycle's say it, as a Cycle column may.
      Cycle: r.cycle === "2" ? "Cycle 2" : "",
    });
  }
  return [...byKey.values()];
}

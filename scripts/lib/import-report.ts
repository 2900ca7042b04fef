/**
 * The words the import command prints: one line per review as it goes, a summary, and the problems grouped by kind.
 * Pure functions of the shared plan types (lib/import/plan.ts), so they are easy to read and to test.
 */
import type { FindingOutcome, ImportPreview, ReviewOutcome, ReviewPlan } from "@/lib/import/plan";
import type { ImportIssue } from "@/lib/import/types";

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const reviewLabel = (r: { stateUnderReview: string; cycle: number }): string => `${r.stateUnderReview} cycle ${r.cycle}`;

/** "CHN cycle 3: 346 new", "FRA cycle 2: skipped — already loaded from the OHCHR thematic list (…)". */
export function outcomeLine(outcome: ReviewOutcome, plan: ReviewPlan | undefined): string {
  const note = plan?.action === outcome.action ? plan.note : null;
  if (outcome.action === "skip") return `${reviewLabel(outcome)}: skipped${note ? ` — ${note}` : ""}`;
  if (outcome.action === "refuse") return `${reviewLabel(outcome)}: ${note ?? "not replaced: organisations' work hangs on its recommendations"}`;
  const counts = [
    outcome.created > 0 && `${outcome.created} new`,
    outcome.updated > 0 && `${outcome.updated} updated`,
    outcome.unchanged > 0 && `${outcome.unchanged} unchanged`,
  ].filter(Boolean);
  const replaced = outcome.action === "replace" ? `; ${note ?? `replaces its former source: ${plural(outcome.removed, "recommendation")} removed`}` : "";
  return `${reviewLabel(outcome)}: ${counts.join(", ") || "nothing to import"}${replaced}`;
}

/** A dry run's line for a review: what the import would do. */
export function planLine(plan: ReviewPlan, knowsDatabase: boolean): string {
  const counts = `${plan.found} found${plan.reported !== null ? `, ${plan.reported} reported` : ""}${knowsDatabase ? `, ${plan.loaded} loaded` : ""}`;
  const unknown = plan.unknownRecommendingStates > 0 ? `, ${plan.unknownRecommendingStates} with an unknown recommending State` : "";
  const action = { import: "import", skip: "skip", replace: "replace", refuse: "refuse" }[plan.action];
  return `${reviewLabel(plan)}${plan.session ? ` (session ${plan.session})` : ""}: ${action} (${counts}${unknown})${plan.note ? ` — ${plan.note}` : ""}`;
}

/** The file in one line, then the counts a person checks against the UN documents. */
export function summaryLines(preview: ImportPreview): string[] {
  const p = preview.positions;
  const lines = [
    `${preview.fileName}: ${plural(preview.recommendations, "recommendation")} (${p.supported} supported, ${p.supportedInPart} supported in part, ${p.noted} noted) in ${plural(preview.reviews.length, "review")} from ${plural(preview.recommendingStates, "recommending State")}`,
  ];
  if (preview.unknownRecommendingStates > 0) lines.push(`  unknown recommending States (kept as unknown, never guessed): ${plural(preview.unknownRecommendingStates, "recommendation")}`);
  if (preview.findings > 0) {
    lines.push(`  findings: ${plural(preview.findings, "finding")} in ${plural(preview.unDocuments, "UN document")} (from ${plural(preview.notUpr, "treaty-body or special-procedure row")})`);
  }
  return lines;
}

/** What the import did with the findings and their UN documents. */
export function findingsLine(outcome: FindingOutcome): string {
  return `Findings: ${outcome.created} new, ${outcome.updated} updated, ${outcome.unchanged} unchanged; UN documents: ${outcome.documentsCreated} new, ${outcome.documentsUpdated} updated (${plural(outcome.documents, "document")} in the file).`;
}

/** Totals over the reviews written, and the reviews left as they were. */
export function totalsLine(outcomes: readonly ReviewOutcome[]): string {
  const sum = (pick: (o: ReviewOutcome) => number): number => outcomes.reduce((n, o) => n + pick(o), 0);
  const written = outcomes.filter((o) => o.action === "import" || o.action === "replace").length;
  const skipped = outcomes.filter((o) => o.action === "skip").length;
  const refused = outcomes.filter((o) => o.action === "refuse").length;
  const removed = sum((o) => o.removed);
  const parts = [`Imported: ${sum((o) => o.created)} new, ${sum((o) => o.updated)} updated, ${sum((o) => o.unchanged)} unchanged in ${plural(written, "review")}`];
  if (removed > 0) parts.push(`${removed} removed by --replace`);
  if (skipped > 0) parts.push(`${plural(skipped, "review")} skipped (already loaded from another source; --replace switches them)`);
  if (refused > 0) parts.push(`${plural(refused, "review")} not replaced (organisations' work)`);
  return `${parts.join("; ")}.`;
}

const KIND_TITLES: Record<NonNullable<ImportIssue["kind"]>, string> = {
  file: "the file",
  layout: "layout",
  "unknown-state": "unknown State names",
  review: "reviews",
  row: "rows",
};
const LISTED = 20;

/** Problems grouped by kind (unknown names are already one issue per distinct name), each group cut at 20 lines. */
export function issueLines(fileName: string, issues: readonly ImportIssue[]): string[] {
  const groups = new Map<string, ImportIssue[]>();
  for (const issue of issues) {
    const kind = issue.kind ?? "row";
    groups.set(kind, [...(groups.get(kind) ?? []), issue]);
  }
  const lines: string[] = [];
  for (const [kind, group] of groups) {
    if (groups.size > 1 || group.length > 1) lines.push(`${fileName}: ${KIND_TITLES[kind as keyof typeof KIND_TITLES] ?? kind} (${group.length}):`);
    for (const issue of group.slice(0, LISTED)) lines.push(`${fileName}: ${issue.location === "file" ? "" : `${issue.location}: `}${issue.message}`);
    if (group.length > LISTED) lines.push(`${fileName}: … and ${group.length - LISTED} more`);
  }
  lines.push(`${fileName}: ${plural(issues.length, "problem")}; nothing was imported.`);
  return lines;
}

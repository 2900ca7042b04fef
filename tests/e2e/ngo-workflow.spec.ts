import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedRecommendation } from "./data";
import { chooseStance } from "./assessment-form";

/**
 * The NGO workflow as its users live it, in one browser per person: an editor of one organisation records a status
 * with evidence, an editor of a second organisation records a different one, and an anonymous visitor sees both
 * public assessments side by side, next to the government's claim, and none of either organisation's private notes.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const ORG_A = `Lantern Collective ${STAMP}`;
const ORG_B = `Riverbank Monitors ${STAMP}`;
const EDITOR_A = `kestrel-${STAMP}@example.org`;
const EDITOR_B = `otter-${STAMP}@example.org`;
const PRIVATE_NOTE_A = `Private to A: source in Urumqi asked not to be named ${STAMP}`;
const PRIVATE_NOTE_B = `Private to B: draft wording for the mid-term report ${STAMP}`;
const PRIVATE_RATIONALE_A = `Private to A: unpublished interview notes ${STAMP}`;
const PUBLIC_RATIONALE_A = "The 2024 report describes pilot legal-aid centres in 12 provinces, not nationwide.";
const PUBLIC_RATIONALE_B = "Lawyers who took such cases were disbarred in 2025; the measure has not reached those it concerns.";

let recommendation: { id: number; text: string };

test.beforeAll(async () => {
  test.setTimeout(180_000); // four runs of the operator CLI
  recommendation = await storedRecommendation(3, "28.1");
  await memberOf(ORG_A, EDITOR_A, "editor", "Kestrel");
  await memberOf(ORG_B, EDITOR_B, "editor", "Otter");
});

async function recordAssessment(
  page: Page,
  organization: string,
  fields: { status: string; confidence: string; visibility: "private" | "public"; rationale: string; evidence: { kind: string; reference: string; excerpt: string; stance: string }[] },
): Promise<void> {
  const form = page.getByRole("form", { name: `New assessment for ${organization}` });
  await form.getByLabel("Status").selectOption({ label: fields.status });
  await form.getByLabel("Confidence").selectOption(fields.confidence);
  await form.getByLabel("Visibility").selectOption(fields.visibility);
  await form.getByLabel("Rationale").fill(fields.rationale);
  for (const [index, item] of fields.evidence.entries()) {
    await form.getByLabel(`Evidence ${index + 1} kind`).selectOption({ label: item.kind });
    await form.getByLabel(`Evidence ${index + 1} URL or symbol`).fill(item.reference);
    await form.getByLabel(`Evidence ${index + 1} excerpt`).fill(item.excerpt);
    await chooseStance(form, index + 1, item.stance);
  }
  await form.getByRole("button", { name: "Record assessment" }).click();
  await expect(form.getByRole("status")).toContainText("Saved as version");
}

async function addNote(page: Page, body: string): Promise<void> {
  await page.locator("#new-note-body").fill(body);
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("note").locator(".note-body", { hasText: body })).toBeVisible();
}

test("1. an editor signs in and records a status with evidence, and a private note", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR_A);
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${recommendation.id}`);
  await recordAssessment(page, ORG_A, {
    status: "Partially implemented",
    confidence: "high",
    visibility: "public",
    rationale: PUBLIC_RATIONALE_A,
    evidence: [
      { kind: "URL", reference: "https://www.ohchr.org/en/hr-bodies/upr/cn-index", excerpt: "pilot legal-aid centres", stance: "supports" },
      { kind: "UN document symbol", reference: "A/HRC/40/6/Add.1", excerpt: "accepted and being implemented", stance: "context" },
    ],
  });
  const card = page.getByRole("region", { name: `Assessment by ${ORG_A}` });
  await expect(card).toContainText("Partially implemented");
  await expect(card).toContainText(PUBLIC_RATIONALE_A);
  await expect(card.getByRole("link", { name: "https://www.ohchr.org/en/hr-bodies/upr/cn-index" })).toBeVisible();
  await expect(card).toContainText("A/HRC/40/6/Add.1");
  await addNote(page, PRIVATE_NOTE_A);

  // A later private assessment: A's members see it as current, with the public one in the history.
  await recordAssessment(page, ORG_A, { status: "Fully implemented", confidence: "low", visibility: "private", rationale: PRIVATE_RATIONALE_A, evidence: [] });
  await expect(card).toContainText(`Private to ${ORG_A}`);
  await card.getByText("History (2)").click();
  await expect(card.getByRole("listitem")).toHaveCount(2 + 2);
  await page.screenshot({ path: "tests/e2e/screenshots/workflow-1-editor-a.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("2. a second organisation's editor records a different status", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR_B);
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${recommendation.id}`);
  // B sees A's public assessment, not A's private one or A's private note.
  await expect(page.getByRole("region", { name: `Assessment by ${ORG_A}` })).toContainText("Partially implemented");
  await expect(page.locator("body")).not.toContainText(PRIVATE_RATIONALE_A);
  await expect(page.locator("body")).not.toContainText(PRIVATE_NOTE_A);

  await recordAssessment(page, ORG_B, {
    status: "Not implemented",
    confidence: "medium",
    visibility: "public",
    rationale: PUBLIC_RATIONALE_B,
    evidence: [{ kind: "URL", reference: "https://www.ohchr.org/en/press-releases", excerpt: "lawyers disbarred", stance: "contradicts" }],
  });
  await expect(page.getByRole("region", { name: `Assessment by ${ORG_B}` })).toContainText("Not implemented");
  await addNote(page, PRIVATE_NOTE_B);
  await page.screenshot({ path: "tests/e2e/screenshots/workflow-2-editor-b.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("3. an anonymous visitor sees both public assessments side by side and none of the private notes", async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const a = page.getByRole("region", { name: `Assessment by ${ORG_A}` });
  const b = page.getByRole("region", { name: `Assessment by ${ORG_B}` });
  await expect(a).toContainText("Partially implemented");
  await expect(a).toContainText(PUBLIC_RATIONALE_A);
  await expect(b).toContainText("Not implemented");
  await expect(b).toContainText(PUBLIC_RATIONALE_B);
  await expect(page.getByTestId("government-claim")).toContainText("Supported");

  // Side by side: the two cards share a row.
  const [boxA, boxB] = [await a.boundingBox(), await b.boundingBox()];
  expect(boxA && boxB && Math.abs(boxA.y - boxB.y) < 2 && boxA.x !== boxB.x).toBe(true);

  for (const secret of [PRIVATE_NOTE_A, PRIVATE_NOTE_B, PRIVATE_RATIONALE_A]) await expect(page.locator("body")).not.toContainText(secret);
  await expect(page.getByText("Fully implemented")).toHaveCount(0);
  await page.screenshot({ path: "tests/e2e/screenshots/workflow-3-anonymous.png", fullPage: true });

  // Nor in any other way out an anonymous visitor has.
  for (const path of [
    `/api/recommendations/${recommendation.id}/assessments`,
    `/api/recommendations/${recommendation.id}/notes`,
    `/api/recommendations/${recommendation.id}`,
    "/api/recommendations.csv?cycle=3",
    `/api/recommendations?q=${encodeURIComponent("Urumqi")}`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const text = await response.text();
    for (const secret of [PRIVATE_NOTE_A, PRIVATE_NOTE_B, PRIVATE_RATIONALE_A]) expect(text, path).not.toContain(secret);
  }
  expect(consoleErrors).toEqual([]);
});

/** The edits a person makes in a spreadsheet: three statuses and their rationales, nothing else touched. */
const SHEET_EDITS: Record<string, { status: string; label: string; rationale: string }> = {
  "28.2": { status: "not_implemented", label: "Not implemented", rationale: "No change in law since the review." },
  "28.3": { status: "partially_implemented", label: "Partially implemented", rationale: "Two of five treaty bodies visited." },
  "28.4": { status: "regressed", label: "Regressed", rationale: "The 2025 regulation narrows the earlier guarantee." },
};

test("4. the CSV round trip changes three statuses", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR_A);
  const consoleErrors = collectConsoleErrors(page);
  await page.getByRole("link", { name: "Status sheet", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Status sheet" })).toBeVisible();
  const review = page.getByLabel("Review");
  await review.selectOption((await review.locator("option", { hasText: "3rd cycle" }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Choose" }).click();

  // Download the sheet as the browser saves it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the sheet (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Status sheet – China, 2018 \(3rd cycle\) – Lantern Collective \d+ – \d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const [header, ...rows] = parse(text, { record_delimiter: "\r\n" }) as string[][];
  expect(rows).toHaveLength(346);
  const column = (name: string) => header!.indexOf(name);

  // Edit three rows, as a spreadsheet would save them.
  for (const row of rows) {
    const edit = SHEET_EDITS[row[column("paragraph")]!];
    if (!edit) continue;
    row[column("status")] = edit.status;
    row[column("rationale")] = edit.rationale;
  }
  const edited = "\uFEFF" + stringify([header!, ...rows], { record_delimiter: "\r\n" });
  await page.getByLabel("Edited sheet (CSV file)").setInputFiles({ name: "edited.csv", mimeType: "text/csv", buffer: Buffer.from(edited) });
  await page.getByRole("button", { name: "Preview changes" }).click();

  const changes = page.getByRole("table", { name: "Changes to apply" });
  await expect(changes.locator("tbody tr")).toHaveCount(3);
  for (const [paragraph, edit] of Object.entries(SHEET_EDITS)) await expect(changes.locator("tbody tr", { hasText: paragraph })).toContainText(edit.label);
  await page.screenshot({ path: "tests/e2e/screenshots/workflow-4-sheet-preview.png", fullPage: true });

  await page.getByRole("button", { name: "Apply 3 changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Applied 3 changes" })).toContainText(`3 new assessment versions recorded for ${ORG_A}`);
  await page.screenshot({ path: "tests/e2e/screenshots/workflow-4-sheet-applied.png", fullPage: true });

  // Each row is a new assessment in its recommendation's history.
  const third = await storedRecommendation(3, "28.4");
  await page.goto(`/en/recommendations/${third.id}`);
  const card = page.getByRole("region", { name: `Assessment by ${ORG_A}` });
  await expect(card).toContainText("Regressed");
  await expect(card).toContainText(SHEET_EDITS["28.4"]!.rationale);
  expect(consoleErrors).toEqual([]);
});

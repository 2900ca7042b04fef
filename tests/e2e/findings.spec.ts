import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { buildUhriXlsx, TREATY_BODY_ROWS } from "@/lib/import/uhri/test-fixtures";
import { runCli } from "../helpers/run-cli";
import { expectAccessible } from "./axe";
import { memberOf, signedInPage } from "./data";

/**
 * UN findings end to end: the treaty-body and special-procedure rows of a UHRI export (a FIXTURE in its layout, not UHRI
 * data) imported with the operator CLI; an anonymous reader opens the document's page and the finding's page (both
 * languages, 360 and 1400 px, no sideways scroll); an editor adds a finding to the document and opens it.
 */
const STAMP = Date.now();
const EDITOR = `findings-editor-${STAMP}@example.org`;
const SYMBOL = "CRC/C/CHN/CO/FIXTURE-1";

async function noSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, "page width at 360 px").toBeLessThanOrEqual(widths.client);
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [360, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    if (width === 360) await noSidewaysScroll(page);
    await page.screenshot({ path: `tests/e2e/screenshots/${name}-${width}.png`, fullPage: true });
  }
}

test.beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "findings-"));
  const file = path.join(dir, "fixture-uhri-findings.xlsx");
  await writeFile(file, await buildUhriXlsx(TREATY_BODY_ROWS));
  const imported = await runCli(["import", file], { DATABASE_URL: process.env.E2E_DATABASE_URL });
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toMatch(/Findings: (3 new|0 new, 0 updated, 3 unchanged)/);
  await memberOf(`Findings e2e org ${STAMP}`, EDITOR, "editor", "Findings editor");
});

test("an anonymous reader opens an imported document and its finding, in English and Chinese", async ({ page }) => {
  await page.goto(`/en/documents/${SYMBOL}`);
  await expect(page.getByRole("heading", { level: 1, name: SYMBOL })).toBeVisible();
  await expect(page.getByTestId("document-findings").getByRole("listitem").first()).toContainText("Paragraph 12");
  await expect(page.getByTestId("finding-source")).toHaveAttribute("href", `https://docs.un.org/en/${SYMBOL}`);
  await expectAccessible(page, "the document page");
  await shoot(page, "findings-document");

  await page.getByTestId("document-finding-link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Finding of CRC" })).toBeVisible();
  await expect(page.getByTestId("finding-text")).toHaveText("FIXTURE treaty-body row: this text is not a finding of any UN body.");
  await expect(page.getByText("12", { exact: true })).toBeVisible();
  await expect(page.getByTestId("finding-no-links")).toBeVisible();
  await expectAccessible(page, "the finding page");
  await shoot(page, "findings-finding");
  const findingPath = new URL(page.url()).pathname;

  await page.goto(findingPath.replace(/^\/en\//, "/zh/"));
  await expect(page.getByRole("heading", { level: 1, name: "CRC的调查结论" })).toBeVisible();
  await page.getByTestId("finding-document-link").click();
  await expect(page).toHaveURL(new RegExp(`/zh/documents/${SYMBOL.replace(/\//g, "\\/")}$`));
  await shoot(page, "findings-document-zh");

  const missing = await page.goto("/en/documents/NO/SUCH/SYMBOL-1");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such UN document" })).toBeVisible();
});

test("an editor adds a finding to the document and opens its page", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR);
  await page.goto(`/en/documents/${SYMBOL}`);
  await page.getByText("Add a finding from this document").click();
  await expectAccessible(page, "the document page with its finding form open");
  await page.getByLabel("Paragraph (optional)").fill("40");
  await page.getByLabel("The passage, exactly as published").fill(`FIXTURE passage added by an editor ${STAMP}.`);
  await page.getByLabel("State concerned").selectOption("CHN");
  await page.getByLabel("Themes (one a line)").fill("Right to education");
  await page.getByRole("button", { name: "Add the finding" }).click();
  await expect(page.getByTestId("finding-form-outcome")).toContainText("The finding is saved.");
  await page.getByTestId("finding-form-link").click();
  await expect(page.getByTestId("finding-text")).toHaveText(`FIXTURE passage added by an editor ${STAMP}.`);
  await expect(page.getByText("Added by an organisation's editor.")).toBeVisible();
  await expect(page.getByText("Edit this finding")).toBeVisible();
  await shoot(page, "findings-editor-finding");
});

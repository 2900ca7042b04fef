import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { collectConsoleErrors } from "./console";
import { localise, memberOf, signedInPage } from "./data";

/**
 * A keyboard-only walk from the explorer: apply a filter, open a recommendation, record an assessment, go back and
 * export the CSV. Only Tab, Shift+Tab, Enter, Space, arrow keys and typed text; every element reached shows a visible
 * focus indicator (an outline or a box shadow).
 */
const STAMP = Date.now();
const ORG = `Keyboard Watch ${STAMP}`;
const EDITOR = `keyboard-${STAMP}@example.org`;
const RATIONALE = `Recorded from the keyboard alone ${STAMP}`;
const MAX_TABS = 400;

const isFocused = (target: Locator): Promise<boolean> => target.evaluate((element) => element === document.activeElement).catch(() => false);

/** The focused element's visible indicator: its outline, else its box shadow (none when neither is drawn). */
async function focusIndicator(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "none (nothing focused)";
    const style = getComputedStyle(element);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    if (style.boxShadow && style.boxShadow !== "none") return `box-shadow ${style.boxShadow}`;
    const name = element.getAttribute("name") ?? element.getAttribute("aria-label") ?? (element.textContent ?? "").trim().slice(0, 40);
    return `none on <${element.tagName.toLowerCase()} type=${element.getAttribute("type")}> "${name}" (focus-visible: ${element.matches(":focus-visible")})`;
  });
}

async function expectVisibleFocus(page: Page): Promise<void> {
  expect(await focusIndicator(page)).toMatch(/^(outline|box-shadow) /);
}

/** Presses Tab (or Shift+Tab) until the target has the focus, checking the focus indicator of every stop on the way. */
async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page);
    if (await isFocused(target)) return;
  }
  throw new Error(`${MAX_TABS} presses of ${key} never reached ${target}`);
}

test("filter, open, assess, go back and export with the keyboard alone, with the focus always visible", async ({ browser }) => {
  test.setTimeout(180_000);
  await memberOf(ORG, EDITOR, "editor", "Keys");
  const page = await signedInPage(browser, EDITOR);
  const errors = collectConsoleErrors(page);

  // The explorer, hydrated (its filters then apply on change).
  await page.goto(localise("/recommendations?cycle=3"));
  await page.locator("form.filters.auto-submit").waitFor();

  // 1. The first Tab reaches the skip link; then the "Noted" filter, ticked with Space.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expectVisibleFocus(page);
  const noted = page.getByRole("checkbox", { name: /^Noted/ });
  await tabTo(page, noted);
  await page.screenshot({ path: "tests/e2e/screenshots/keyboard-1-filter-focused.png" });
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/position=noted/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("62 recommendations");

  // 2. Open the first recommendation of the list with Enter.
  const first = page.locator(".results-table a.rec-text").first();
  const href = await first.getAttribute("href");
  await tabTo(page, first);
  await page.screenshot({ path: "tests/e2e/screenshots/keyboard-2-result-focused.png" });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^Recommendation .* to China$/ })).toBeVisible();

  // 3. Record an assessment: the status with the arrow keys, the rationale typed, the button pressed with Enter.
  const form = page.getByRole("form", { name: `New assessment for ${ORG}` });
  const status = form.getByLabel("Status");
  await tabTo(page, status);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(status).toHaveValue("partially_implemented");
  await tabTo(page, form.getByLabel("Rationale"));
  await page.keyboard.type(RATIONALE);
  const record = form.getByRole("button", { name: "Record assessment" });
  await tabTo(page, record);
  await page.screenshot({ path: "tests/e2e/screenshots/keyboard-3-record-focused.png" });
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Saved as version 1.");
  await expect(page.getByText(RATIONALE).first()).toBeVisible();

  // 4. Back up the page with Shift+Tab to the breadcrumb, to this review in the explorer.
  const back = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: /: all recommendations$/ });
  await tabTo(page, back, "Shift+Tab");
  await page.screenshot({ path: "tests/e2e/screenshots/keyboard-4-breadcrumb-focused.png" });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/recommendations\?/);
  await expect(page.getByRole("heading", { level: 1, name: "Recommendations" })).toBeVisible();

  // 5. Export the CSV of this view with Enter, and read the download.
  const exportLink = page.getByTestId("export-csv");
  await tabTo(page, exportLink);
  await page.screenshot({ path: "tests/e2e/screenshots/keyboard-5-export-focused.png" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\n").length).toBeGreaterThan(2);

  expect(errors).toEqual([]);
});

import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { memberOf, signedInPage, storedReview } from "./data";

/**
 * "Audit what leaves" in the browser: an owner downloads the organisation's status sheet and finds the download in
 * /audit, by the name they had, with the rows it held, under the Downloads filter; in English and Chinese.
 */
const STAMP = Date.now();
const ORG = `Ibis Watch ${STAMP}`;
const OWNER = `ibis-owner-${STAMP}@example.org`;

test("an owner downloads the status sheet and sees the download in the audit log", async ({ browser }) => {
  test.setTimeout(120_000);
  await memberOf(ORG, OWNER, "owner", "Ibis Owner");
  const review = await storedReview(3);
  const page = await signedInPage(browser, OWNER);
  const consoleErrors = collectConsoleErrors(page);

  // The download, as the page offers it.
  await page.goto(`/en/status-sheet?review=${review}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[href^="/api/status-sheet"]').click()]);
  const rows = (await (await download.createReadStream()).toArray()).join("").trim().split("\r\n").length - 1;
  expect(rows).toBe(346);

  // The log, filtered to downloads: one event, by the owner, with the rows of the file.
  await page.goto("/en/audit");
  await page.getByRole("navigation", { name: "Kind of event" }).getByRole("link", { name: "Downloads" }).click();
  await expect(page).toHaveURL(/\/en\/audit\?kind=downloads$/);
  await expect(page.getByRole("link", { name: "Downloads" })).toHaveAttribute("aria-current", "page");
  const event = page.getByTestId("audit-log").locator('tr[data-action="download.status-sheet"]');
  await expect(event).toHaveCount(1);
  await expect(event).toContainText("Ibis Owner");
  await expect(event).toContainText("Status sheet downloaded");
  await expect(event).toContainText(`${rows} rows, CSV`);
  await expect(event).toContainText(ORG);
  await expectAccessible(page, "audit log, downloads");
  await page.screenshot({ path: "tests/e2e/screenshots/audit-downloads.png", fullPage: true });

  // Nothing of another kind under this filter, and an empty state where there is nothing.
  await page.goto("/en/audit?kind=data");
  await expect(page.getByTestId("audit-log")).toHaveCount(0);
  await expect(page.locator(".empty-state")).toBeVisible();

  // The same in Chinese.
  await page.goto("/zh/audit?kind=downloads");
  const zh = page.getByTestId("audit-log").locator('tr[data-action="download.status-sheet"]');
  await expect(zh).toContainText("下载状态表");
  await expect(zh).toContainText(`${rows} 行，CSV`);
  await expectAccessible(page, "audit log, downloads (zh)");
  await page.screenshot({ path: "tests/e2e/screenshots/audit-downloads-zh.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

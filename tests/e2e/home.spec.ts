import { expect, test } from "@playwright/test";

test("the first page lists China's reviews with loaded and reported counts", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto("/en");
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();

  const cycle3 = page.getByTestId("review-CHN-3");
  await expect(cycle3).toContainText("3rd cycle");
  await expect(cycle3).toContainText("A/HRC/40/6");
  await expect(cycle3).toContainText("346 of 346 loaded");
  await expect(cycle3.locator("td.num").nth(0)).toHaveText("284");
  await expect(cycle3.locator("td.num").nth(2)).toHaveText("62");

  const cycle4 = page.getByTestId("review-CHN-4");
  await expect(cycle4).toContainText("0 of 428 loaded");
  await expect(cycle4).toContainText("Reported: 290 accepted, 8 partially accepted, 32 noted, 98 rejected");

  await expect(page.getByTestId("review-CHN-2")).toContainText("252 loaded");
  await expect(page.getByTestId("review-CHN-1")).toContainText(/Feb \d{1,2}, 2009/);

  await page.screenshot({ path: "tests/e2e/screenshots/home.png", fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/en");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
});

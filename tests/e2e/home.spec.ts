import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";

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

  // What is loaded, and every review grouped by State under review: China's row links to its page and its reviews.
  await expect(page.getByTestId("loaded-totals")).toContainText("Loaded here: 1 State under review, 4 reviews, 735 recommendations.");
  await expect(page.getByTestId("loaded-totals")).toContainText(/Last import: \w+ \d{1,2}, \d{4}\./);
  const china = page.getByTestId("by-state-CHN");
  await expect(china.getByRole("link", { name: "China", exact: true })).toHaveAttribute("href", "/en/states/CHN");
  await expect(china.getByRole("link", { name: /^2009 ?: charts of the review of China/ })).toHaveAttribute("href", /\/en\/reviews\/\d+$/);
  await expect(china.getByRole("link", { name: "Explore the recommendations China received" })).toHaveAttribute("href", "/en/recommendations?sur=CHN");

  await page.screenshot({ path: "tests/e2e/screenshots/home.png", fullPage: true });
  await expectAccessible(page, "the home page");
  expect(consoleErrors).toEqual([]);
});

test("the State search on the first page leads to a State's page, with JavaScript and without", async ({ page, browser }) => {
  await page.goto("/en");
  const search = page.getByTestId("home-state-search");
  await search.getByLabel("Find a State").fill("FRA");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/en\/states\?q=FRA$/);
  await expect(page.getByTestId("state-FRA")).toBeVisible();
  await expectAccessible(page, "the States index searched from the first page");
  await page.getByRole("link", { name: "France", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "France" })).toBeVisible();
  await expect(page).toHaveURL(/\/en\/states\/FRA$/);

  // A State under review that recommended nothing is found too; the form is a plain GET form.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto("/en");
  await noScript.getByLabel("Find a State").fill("China");
  await noScript.getByRole("button", { name: "Search" }).click();
  await expect(noScript).toHaveURL(/\/en\/states\?q=China$/);
  await noScript.getByRole("main").getByRole("link", { name: "China", exact: true }).click();
  await expect(noScript.getByRole("heading", { level: 1, name: "China" })).toBeVisible();
  await noScript.screenshot({ path: "tests/e2e/screenshots/home-search-no-js.png", fullPage: true });
  await context.close();
});

test("keyboard users can skip to the content", async ({ page }) => {
  await page.goto("/en");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
});

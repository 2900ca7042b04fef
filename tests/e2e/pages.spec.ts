import { collectConsoleErrors } from "./console";
import { expect, test } from "@playwright/test";
import { storedRecommendation } from "./data";

/**
 * The recommendation detail page and the State pages, on the real China data the app loads at start.
 * Recommendation ids depend on import order, so the one id the test needs is read from the app's database
 * (E2E_DATABASE_URL, set by `npm test`), together with the exact stored text the page must show unaltered.
 */
test("a State page shows what it recommended to China, how China answered, and links each count to the explorer", async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto("/en/states/EST");
  await expect(page.getByRole("heading", { level: 1, name: "Estonia" })).toBeVisible();
  await expect(page.locator(".lede")).toContainText("Eastern European Group · UN Member State");

  const cycle3 = page.getByTestId("recommended-CHN-3");
  await expect(cycle3.getByRole("rowheader")).toHaveText("China");
  await expect(cycle3).toContainText("2018 (3rd cycle)");
  await expect(cycle3.getByRole("link", { name: /^All 7 recommendations of Estonia to China/ })).toHaveAttribute(
    "href",
    "/en/recommendations?cycle=3&sur=CHN&state=EST",
  );
  await expect(cycle3.getByRole("link", { name: /^3 noted/ })).toHaveAttribute("href", "/en/recommendations?cycle=3&sur=CHN&state=EST&position=noted");
  await expect(page.getByRole("table", { name: /Recommendations Estonia made/ })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/state.png", fullPage: true });

  // Lower case works too; the United Kingdom's three 2018 recommendations were all noted.
  await page.goto("/en/states/gbr");
  await expect(page.getByRole("heading", { level: 1, name: "United Kingdom of Great Britain and Northern Ireland" })).toBeVisible();
  const uk = page.getByTestId("recommended-CHN-3");
  await expect(uk.locator("td.num")).toHaveText(["3", "0", "0", "3"]);

  // China was reviewed: its reviews, and the 2024 list that is not loaded yet, with what was reported.
  await page.goto("/en/states/CHN");
  await expect(page.getByTestId("own-review-3")).toContainText("346 of 346 reported");
  await expect(page.getByTestId("own-review-4")).toContainText("Not loaded yet. Officially reported: 290 accepted, 8 partially accepted, 32 noted, 98 rejected.");
  expect(consoleErrors).toEqual([]);
});

test("a recommendation of six States shows its exact text, the States with their regions, and China's response", async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  const stored = await storedRecommendation(3, "28.9");
  await page.goto(`/en/recommendations/${stored.id}`);

  await expect(page).toHaveTitle("China 2018 · 28.9 · UPR recommendation tracker");
  await expect(page.getByRole("heading", { level: 1, name: "Recommendation 28.9 to China" })).toBeVisible();
  expect(await page.getByTestId("recommendation-text").textContent()).toBe(stored.text);
  // The text says which language it is in, so a screen reader reads it as English inside any interface language.
  await expect(page.getByTestId("recommendation-text")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("text-language-note")).toHaveCount(0);

  const states = page.getByTestId("recommending-states");
  await expect(states.getByRole("rowheader")).toHaveText(["Benin", "Estonia", "Georgia", "Latvia", "Malta", "Namibia"]);
  await expect(states.locator("tbody td")).toHaveText([
    "African Group",
    "Eastern European Group",
    "Eastern European Group",
    "Eastern European Group",
    "Western European and Others Group (WEOG)",
    "African Group",
  ]);

  const response = page.getByTestId("response");
  await expect(response).toContainText("Supported");
  await expect(response.locator("q")).toHaveText("supported");
  await expect(response).toContainText("A/HRC/40/6/Add.1 - Para. 2");
  await expect(page.locator(".facts").first()).toContainText("A/HRC/40/6/Add.1");

  await expect(page.getByRole("link", { name: "A12 Acceptance of international norms" })).toHaveAttribute("href", "/en/recommendations?theme=uhri%3Aa12");
  await expect(page.getByTestId("affected-persons").getByRole("link", { name: "General" })).toHaveAttribute("href", "/en/recommendations?affected=general");

  // Estonia's, Benin's and Latvia's 2013 recommendations on the ICCPR are listed, with who they share.
  const related = (paragraph: string) =>
    page.getByTestId("related-recommendation").filter({ has: page.getByRole("link", { name: `Paragraph ${paragraph}`, exact: true }) });
  await expect(related("186.2")).toContainText("By Estonia and 3 other States");
  await expect(related("186.2")).toContainText("Noted");
  await expect(related("186.5")).toContainText("By Benin");
  await expect(related("186.5")).toContainText("Take steps towards th e ratification of ICCPR (Benin);");
  await page.screenshot({ path: "tests/e2e/screenshots/detail.png", fullPage: true });

  await page.getByTestId("recommending-states").getByRole("link", { name: "Estonia" }).click();
  await expect(page).toHaveURL(/\/states\/EST$/);
  await expect(page.getByRole("heading", { level: 1, name: "Estonia" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("the pages work with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const stored = await storedRecommendation(3, "28.9");
  await page.goto(`/en/recommendations/${stored.id}`);
  await expect(page.getByTestId("recommending-states").getByRole("rowheader")).toHaveCount(6);
  await expect(page.getByTestId("related-recommendation").first()).toBeVisible();
  await page.goto("/en/states/EST");
  await expect(page.getByTestId("recommended-CHN-3")).toContainText("2018 (3rd cycle)");
  await page.goto("/en/states");
  await expect(page.getByTestId("group-EASTERN_EUROPEAN").getByRole("link", { name: "Estonia", exact: true })).toBeVisible();
  await context.close();
});

test("a malformed or unknown id or State code answers 404 with the not-found page, never an error", async ({ page }) => {
  for (const path of ["/recommendations/abc", "/recommendations/1e3", "/recommendations/99999999999", "/recommendations/2147483647"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Recommendation not found" })).toBeVisible();
  }
  for (const path of ["/states/XXX", "/states/GB", "/states/TWN"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "State not found" })).toBeVisible();
  }
});

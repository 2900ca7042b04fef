import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { localise, storedRecommendation, storedReview, type Locale } from "./data";

/**
 * Finding a State, a theme or a document: "Find a State or theme" as an ARIA combobox driven from the keyboard, the
 * States index's search, every count of a State page opening exactly its rows, and UN document symbols linked to the
 * UN's own resolver. In both languages.
 */

/** The explorer's total for an explorer URL of the page ("/en/recommendations?state=GBR"), read from the JSON API. */
async function totalOf(request: APIRequestContext, href: string): Promise<number> {
  const url = new URL(href, "http://localhost");
  const response = await request.get(`/api/recommendations?${url.searchParams.toString()}&pageSize=1`);
  expect(response.status(), href).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

const digits = (text: string | null): number => Number((/\d[\d,]*/.exec(text ?? "")?.[0] ?? "").replace(/,/g, ""));

async function headingCount(page: Page): Promise<number> {
  return digits(await page.getByRole("heading", { level: 2 }).first().textContent());
}

const WORDS = {
  en: { label: "Find a State or theme", uk: "Recommendations made by United Kingdom of Great Britain and Northern Ireland (UK)", search: "Search the texts for" },
  zh: { label: "查找国家或主题", uk: "由英国提出的建议", search: "在建议文本中检索" },
} as const;

for (const locale of ["en", "zh"] as Locale[]) {
  const words = WORDS[locale];
  const typed = locale === "en" ? "UK" : "英国";

  test(`${locale}: the finder is a combobox: ${typed}, ArrowDown, Enter opens the United Kingdom's recommendations`, async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.goto(localise("/recommendations?cycle=3", locale));
    await page.locator("form.filters.auto-submit").waitFor();
    const box = page.getByRole("combobox", { name: words.label });
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.fill(typed);
    const list = page.getByRole("listbox");
    const first = list.getByRole("option").first();
    await expect(first).toContainText(words.uk);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
    // The last option searches the texts, whatever matched.
    await expect(list.getByRole("option").last()).toContainText(words.search);

    await box.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await page.screenshot({ path: `tests/e2e/screenshots/finder-combobox-${locale}.png` });
    await expectAccessible(page, `the open combobox (${locale})`);
    const count = digits(await first.locator(".option-detail").textContent());
    await box.press("Enter");
    await expect(page).toHaveURL(/cycle=3&state=GBR$/);
    expect(count).toBe(3);
    await expect.poll(() => headingCount(page)).toBe(count);
    expect(errors).toEqual([]);
  });

  test(`${locale}: arrows wrap, Escape closes then clears, and a text with no match offers the search of the texts`, async ({ page }) => {
    const errors = collectConsoleErrors(page);
    await page.goto(localise("/recommendations", locale));
    await page.locator("form.filters.auto-submit").waitFor();
    const box = page.getByRole("combobox", { name: words.label });
    await box.fill("kor");
    const options = page.getByRole("listbox").getByRole("option");
    await expect(page.locator('.suggest-status[data-for="kor"]')).toBeAttached();
    await expect(options.filter({ hasText: words.search })).toHaveCount(1);
    const total = await options.count();
    expect(total).toBeGreaterThanOrEqual(3);
    await box.press("ArrowUp");
    await expect(options.last()).toHaveAttribute("aria-selected", "true");
    await box.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox")).toBeHidden();
    await expect(box).toHaveValue("kor");
    await box.press("Escape");
    await expect(box).toHaveValue("");

    await box.fill("Xinjiang camps");
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText(words.search);
    await expect(page.locator(".suggest-status")).toContainText(locale === "en" ? "No State or theme with recommendations here matches" : "没有与");
    await page.screenshot({ path: `tests/e2e/screenshots/finder-no-match-${locale}.png` });
    await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL(/q=Xinjiang(\+|%20)camps/);
    expect(errors).toEqual([]);
  });

  test(`${locale}: Death penalty is one entry with its schemes, and every option the finder shows opens what it counts`, async ({ page, request }) => {
    await page.goto(localise("/recommendations?cycle=3", locale));
    await page.locator("form.filters.auto-submit").waitFor();
    const box = page.getByRole("combobox", { name: words.label });
    await box.fill("Death penalty");
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options.filter({ hasText: "Death penalty" })).toHaveCount(1);
    await expect(options.first()).toContainText(locale === "en" ? "OHCHR theme D23 · 14 recommendations" : "人权高专办主题 D23 · 14 条建议");

    let checked = 0;
    for (const text of ["China", "United", "torture", "human rights defenders", "Uighur", "A12", "women"]) {
      await box.fill(text);
      await expect(options.last()).toContainText(text);
      await expect(page.locator(`.suggest-status[data-for="${text}"]`)).toBeAttached();
      const all = await options.all();
      for (const option of all.slice(0, -1)) {
        const href = (await option.getAttribute("data-href"))!;
        const count = digits(await option.locator(".option-detail").textContent().then((detail) => detail!.split("·").pop()!));
        expect(count, href).toBeGreaterThan(0);
        expect(await totalOf(request, href), href).toBe(count);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
}

test("without JavaScript the finder is a plain form that searches the texts within the filters", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/en/recommendations?cycle=3&position=noted");
  const box = page.getByRole("combobox", { name: "Find a State or theme" });
  await box.fill("Tibet");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/en\/recommendations\?cycle=3&position=noted&q=Tibet$/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^\d+ recommendations?$/);
  await context.close();
});

/** Every row of the States index that is shown. */
const rows = (page: Page): Locator => page.locator(".state-groups tbody tr");

test("the States index filters by name, abbreviation, Chinese name or code as one types, and keeps the search in the address", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("/en/states");
  const all = await rows(page).count();
  const search = page.getByRole("searchbox", { name: "Find a State" });
  await search.fill("UK");
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId("state-GBR")).toBeVisible();
  await expect(page.getByTestId("state-UKR")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/states\?q=UK$/);
  await expect(page.getByRole("status")).toContainText(`2 States of ${all} match “UK”.`);
  await page.screenshot({ path: "tests/e2e/screenshots/finder-states-search-en.png", fullPage: true });
  await expectAccessible(page, "the States index, searched");

  for (const [text, iso3] of [["DPRK", "PRK"], ["czech republic", "CZE"], ["朝鲜", "PRK"], ["gbr", "GBR"], ["Türkiye", null]] as const) {
    await search.fill(text);
    if (iso3) await expect(rows(page), text).toHaveCount(1);
    if (iso3) await expect(page.getByTestId(`state-${iso3}`), text).toBeVisible();
    else await expect(page.getByRole("status")).toContainText(`No State in this list matches “${text}”.`);
  }
  await page.getByRole("link", { name: "Show all States" }).click();
  await expect(rows(page)).toHaveCount(all);

  // Its count opens the explorer on exactly the recommendations it counts.
  await search.fill("Estonia");
  await page.getByRole("link", { name: /recommendations made by Estonia$/ }).click();
  await expect(page).toHaveURL(/\/en\/recommendations\?state=EST$/);
  expect(errors).toEqual([]);
});

test("the States search works as a GET form without JavaScript, and in Chinese", async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto("/en/states");
  await plain.getByRole("searchbox", { name: "Find a State" }).fill("North Korea");
  await plain.getByRole("button", { name: "Search" }).click();
  await expect(plain).toHaveURL(/\/en\/states\?q=North\+Korea$/);
  await expect(rows(plain)).toHaveCount(1);
  await expect(plain.getByTestId("state-PRK")).toBeVisible();
  await context.close();

  await page.goto("/zh/states");
  await page.getByRole("searchbox", { name: "查找国家" }).fill("英国");
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId("state-GBR")).toContainText("英国");
  await page.screenshot({ path: "tests/e2e/screenshots/finder-states-search-zh.png", fullPage: true });
});

for (const [locale, iso3] of [["en", "CHN"], ["en", "GBR"], ["zh", "EST"]] as const) {
  test(`${locale}: every count on the State page of ${iso3} is a link whose explorer total is that count`, async ({ page, request }) => {
    await page.goto(localise(`/states/${iso3}`, locale));
    const links = page.locator("main [data-testid=count-link]");
    const found = await links.count();
    expect(found).toBeGreaterThan(4);
    // The summary's counts are links too (China made no recommendation, so its page has no summary).
    if (iso3 !== "CHN") expect(await page.getByTestId("state-summary").getByTestId("count-link").count()).toBeGreaterThanOrEqual(2);
    for (const link of await links.all()) {
      const href = (await link.getAttribute("href"))!;
      expect(await totalOf(request, href), `${await link.textContent()} → ${href}`).toBe(digits(await link.textContent()));
    }
    if (iso3 === "GBR") await page.screenshot({ path: "tests/e2e/screenshots/finder-state-counts.png", fullPage: true });
  });
}

test("every count of the States index opens exactly the recommendations that State made", async ({ page, request }) => {
  await page.goto("/en/states");
  const links = await page.locator("main [data-testid=count-link]").all();
  expect(links.length).toBeGreaterThan(100);
  for (const link of links) {
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/en\/recommendations\?state=[A-Z]{3}$/);
    expect(await totalOf(request, href), href).toBe(digits(await link.textContent()));
  }
});

test("document symbols link to the UN's own resolver, in the reader's language, without a referrer", async ({ page }) => {
  const expectDocument = async (where: Locator, symbol: string, lang: Locale = "en") => {
    const link = where.getByRole("link", { name: symbol, exact: true }).first();
    await expect(link).toHaveAttribute("href", `https://docs.un.org/${lang}/${symbol}`);
    await expect(link).toHaveAttribute("rel", "external noopener noreferrer");
    await expect(link).toHaveAttribute("referrerpolicy", "no-referrer");
  };
  const recommendation = await storedRecommendation(3, "28.160");
  await page.goto(`/en/recommendations/${recommendation.id}`);
  const main = page.getByRole("main");
  await expectDocument(main, "A/HRC/40/6");
  await expectDocument(main, "A/HRC/40/6/Add.1");
  await page.screenshot({ path: "tests/e2e/screenshots/finder-document-links.png", fullPage: true });

  const earlier = await storedRecommendation(2, "186.27");
  await page.goto(`/zh/recommendations/${earlier.id}`);
  await expectDocument(page.getByTestId("response"), "A/HRC/25/5/Add.1", "zh");
  await expect(page.getByTestId("response")).toContainText("A/HRC/25/5/Add.1 - Para. 186.27.");

  await page.goto(`/en/reviews/${await storedReview(3)}`);
  await expectDocument(main, "A/HRC/40/6");
  await page.goto("/en/states/CHN");
  await expectDocument(page.getByTestId("own-reviews-table"), "A/HRC/11/25");
  await page.goto("/en");
  await expectDocument(main, "A/HRC/56/6/Add.1");
  await expectAccessible(page, "the home page with document links");
});

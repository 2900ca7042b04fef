import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { runCli } from "../helpers/run-cli";
import { clientAddress, LOCALES, localise, pageIds, PAGE_KINDS, signedInPage, type Locale, type PageIds, type PageKind } from "./data";

/**
 * Every page kind on a phone (360×780) and a desktop (1,400×1,000), in both languages: the page never scrolls
 * sideways, axe-core finds nothing serious (every rule on the phone; on the desktop the rules a layout can break), and
 * a screenshot of each is saved. Then the explorer on a phone: its first
 * result on the first screen, its filters behind a disclosure that opens with the keyboard, with and without
 * JavaScript. One signed-in person (owner of an organisation and instance administrator) opens every page that needs
 * an account, so the whole walk makes two runs of the operator CLI; each size reuses one page per visitor.
 */

const STAMP = Date.now();
const ORG = `Phone Readers ${STAMP}`;
const PERSON = `phone-${STAMP}@example.org`;

const SIZES = [
  { name: "phone", width: 360, height: 780 },
  { name: "desktop", width: 1400, height: 1000 },
] as const;

let ids: PageIds;
let signedIn: Page;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  ids = await pageIds();
  const env = { DATABASE_URL: process.env.E2E_DATABASE_URL };
  expect((await runCli(["org", "create", ORG], env)).stderr).toBe("");
  const user = await runCli(["user", "add", PERSON, "--org", ORG, "--role", "owner", "--name", "Phone Reader", "--admin"], env, "correct horse battery staple\n");
  expect(user.stderr).toBe("");
  signedIn = await signedInPage(browser, PERSON);
});

test.afterAll(async () => {
  await signedIn?.context().close();
});

/** How far the page is wider than the window (0 when it never scrolls sideways), and what sticks out. */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      // Inside a region that scrolls on its own, only what escapes its clipping (positioned elements) counts.
      .filter((element) => !element.closest(".table-scroll") || ["absolute", "fixed"].includes(getComputedStyle(element).position))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} → ${Math.round(element.getBoundingClientRect().right)}`);
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
}

/**
 * The rules whose outcome depends on the layout rather than the document: the HTML is the same at every width, and
 * accessibility.spec.ts runs every rule on a desktop in both languages, so the desktop here runs these alone.
 */
const LAYOUT_RULES = ["color-contrast", "scrollable-region-focusable", "target-size", "link-in-text-block", "meta-viewport", "css-orientation-lock"];

async function expectNoSeriousViolations(page: Page, what: string, rules?: string[]): Promise<void> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect.soft(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), what).toEqual([]);
}

async function ready(page: Page, kind: PageKind): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (kind.name === "compare") await expect(page.getByTestId("chart-svg-position").locator("svg.recharts-surface")).toBeVisible();
}

const slug = (name: string) => name.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "").toLowerCase();

for (const size of SIZES) {
  for (const locale of LOCALES) {
    test(`every page kind at ${size.width}×${size.height} (${locale}): no sideways scrolling, axe clean, screenshot`, async ({ page: anonymous }) => {
      test.setTimeout(150_000);
      for (const page of [anonymous, signedIn]) await page.setViewportSize({ width: size.width, height: size.height });
      for (const kind of PAGE_KINDS) {
        await test.step(kind.name, async () => {
          const page = kind.as === "anonymous" ? anonymous : signedIn;
          await page.goto(localise(kind.path(ids), locale));
          await ready(page, kind);
          const { overflow, culprits } = await sidewaysOverflow(page);
          expect.soft(overflow, `${kind.name} (${locale}) at ${size.width} px scrolls sideways: ${culprits.join("; ")}`).toBeLessThanOrEqual(0);
          // The desktop's layout rules once, in English: the Chinese pages share its stylesheet and colours.
          if (size.name === "phone") await expectNoSeriousViolations(page, `${kind.name} (${locale}) at ${size.width} px`);
          else if (locale === "en") await expectNoSeriousViolations(page, `${kind.name} (${locale}) at ${size.width} px`, LAYOUT_RULES);
          await page.screenshot({ path: `tests/e2e/screenshots/phones-${size.name}-${locale}-${slug(kind.name)}.png` });
        });
      }
    });
  }
}

/** The explorer's path with three filters (cycle, position, search), as PAGE_KINDS opens it. */
const EXPLORER = "/recommendations?cycle=3&position=noted&q=torture";

test("on a phone the explorer shows its first result on the first screen, filters folded behind a disclosure", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const locale of LOCALES satisfies readonly Locale[]) {
    await page.goto(localise(EXPLORER, locale));
    const summary = page.getByTestId("filters-summary");
    await expect(summary).toHaveText(locale === "en" ? "Filters (3 active)" : "筛选条件（已启用 3 项）");
    const first = page.getByTestId("result-row").first();
    const box = (await first.boundingBox())!;
    expect(box.y, "the first result starts on the first screen").toBeLessThan(780 - 100);
    // A card: the full text, the States and the response inside the first screen's width.
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await expect(page.getByRole("checkbox").first()).toBeHidden();
  }

  // Keyboard: Tab to the summary, Enter opens it, and the first facet can be reached.
  await page.goto(localise(EXPLORER));
  await page.locator("form.filters.auto-submit").waitFor({ state: "attached" });
  const summary = page.getByTestId("filters-summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: /^Noted/ })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/phones-explorer-filters-open.png", fullPage: false });
  expect((await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("checkbox", { name: /^Noted/ })).toBeHidden();

  // The header folds into a menu that opens with the keyboard.
  const menu = page.locator(".site-menu > summary");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await menu.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "States" })).toBeVisible();
  await page.screenshot({ path: "tests/e2e/screenshots/phones-header-menu-open.png" });

  await menu.click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  // The cards have no table headings: the sorts are a row of links above them, and one sorts the results.
  const sorts = page.getByRole("navigation", { name: "Sort by" });
  await expect(sorts.getByRole("link")).toHaveCount(3);
  await sorts.getByRole("link", { name: /^Response/ }).click();
  await expect(page).toHaveURL(/[?&]sort=-position(&|$)/);
  await expect(page.getByTestId("result-row").first()).toBeVisible();

  // Touch targets in reach at 360 px: the header's, the disclosures', the chips', the sorts' and the pages' links at least 44 px.
  const small = await page
    .locator("header a:visible, header summary:visible, header button:visible, .filters-disclosure > summary, .chips a, .card-sort a, .pagination a")
    .evaluateAll((elements) => elements.filter((element) => element.getBoundingClientRect().height < 44).map((element) => element.outerHTML.slice(0, 100)));
  expect(small).toEqual([]);
});

test("the explorer's filters disclosure opens without JavaScript on a phone; on a desktop the filters stand beside the results", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 }, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const page = await context.newPage();
  await page.goto(localise(EXPLORER));
  await expect(page.getByRole("checkbox", { name: /^Noted/ })).toBeHidden();
  await page.getByTestId("filters-summary").press("Enter");
  await expect(page.getByRole("checkbox", { name: /^Noted/ })).toBeVisible();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/position=noted/);

  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(localise(EXPLORER));
  await expect(page.getByTestId("filters-summary")).toBeHidden();
  const panel = (await page.getByRole("complementary", { name: "Filters" }).boundingBox())!;
  const table = (await page.locator(".results-table").boundingBox())!;
  expect(panel.x + panel.width, "the filters are left of the results").toBeLessThanOrEqual(table.x);
  // The recommendation's text has at least half the table.
  const text = (await page.locator(".results-table th.col-text").boundingBox())!;
  expect(text.width).toBeGreaterThanOrEqual(table.width / 2 - 1);
  await context.close();
});

test("only the header's few links are prefetched: not the result rows, facets or tables", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  const prefetched = new Set<string>();
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"] || headers["rsc"]) prefetched.add(new URL(request.url()).pathname);
  });
  await page.goto(localise("/recommendations?cycle=3"));
  await page.locator("form.filters.auto-submit").waitFor({ state: "attached" });
  await expect(page.getByTestId("result-row").first()).toBeVisible();
  // Viewport prefetches start once the page is idle; give them time to show.
  await page.waitForTimeout(2000);
  const header = ["/en", "/en/recommendations", "/en/states", "/en/compare"];
  expect([...prefetched].filter((path) => !header.includes(path)), "routes prefetched besides the header's").toEqual([]);
});

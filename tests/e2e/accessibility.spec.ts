import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { adminUser, LOCALES, localise, memberOf, pageIds, PAGE_KINDS, signedInPage, type PageIds, type PageKind, type Visitor } from "./data";

/**
 * An axe-core scan of every page kind (PAGE_KINDS), as the visitor who sees it, plus the states a page only shows after
 * an action: a sign-in error, a recorded assessment, a built report. No serious or critical violation is allowed.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const ORG = `Axe Readers ${STAMP}`;
const EDITOR = `axe-editor-${STAMP}@example.org`;
const ADMIN = `axe-admin-${STAMP}@example.org`;
const OWNER = `axe-owner-${STAMP}@example.org`;

let ids: PageIds;
const pages = new Map<Visitor, Page>();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000); // four runs of the operator CLI
  ids = await pageIds();
  await memberOf(ORG, EDITOR, "editor", "Axe Editor");
  await adminUser(ADMIN);
  await memberOf(`Axe Owners ${STAMP}`, OWNER, "owner", "Axe Owner");
  pages.set("editor", await signedInPage(browser, EDITOR));
  pages.set("owner", await signedInPage(browser, OWNER));
  pages.set("admin", await signedInPage(browser, ADMIN));
});

test.afterAll(async () => {
  for (const page of pages.values()) await page.context().close();
});

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** One readable block per violation: rule, impact, what it means, and each offending element with axe's advice. */
function describe(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(" ")}\n      ${node.failureSummary?.replaceAll("\n", "\n      ")}`);
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join("\n")}`;
    })
    .join("\n\n");
}

/** Scans the page and fails with every serious or critical violation spelled out. */
async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  expect(passes.length, "axe ran its rules").toBeGreaterThan(10);
  // Moderate and minor findings are reported, not failed on.
  const lesser = violations.filter((violation) => violation.impact !== "serious" && violation.impact !== "critical");
  if (lesser.length > 0) test.info().annotations.push({ type: "axe (moderate/minor)", description: `${what}:\n${describe(lesser)}` });
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious, `${what}:\n${describe(serious)}`).toEqual([]);
}

/** Waits for what a page draws after loading (the compare page's charts are drawn on the client). */
async function ready(page: Page, kind: PageKind): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  if (kind.name === "compare") await expect(page.getByTestId("chart-svg-position").locator("svg.recharts-surface")).toBeVisible();
}

for (const locale of LOCALES) {
  for (const kind of PAGE_KINDS) {
    test(`no serious or critical violation (${locale}): ${kind.name}`, async ({ page: anonymous }) => {
      const page = kind.as === "anonymous" ? anonymous : pages.get(kind.as)!;
      await page.goto(localise(kind.path(ids), locale));
      await ready(page, kind);
      await expectNoSeriousViolations(page, `${kind.name} (${locale})`);
    });
  }
}

test("no serious or critical violation: sign-in with an error shown", async ({ page }) => {
  await page.goto(localise("/sign-in"));
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not a password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#main").getByRole("alert")).toHaveText("Email or password is wrong.");
  await expectNoSeriousViolations(page, "sign-in with an error");
});

test("no serious or critical violation: an assessment with field errors, then recorded, and the built report", async () => {
  // Three scans, the last of a report of all 346 recommendations (noted ones are in by default).
  test.setTimeout(150_000);
  const page = pages.get("editor")!;
  await page.goto(localise(`/recommendations/${ids.recommendation}`));
  const form = page.getByRole("form", { name: `New assessment for ${ORG}` });
  await form.getByLabel("Status").selectOption({ label: "Partially implemented" });
  await form.getByLabel("Evidence 1 URL or symbol").fill("not a reference");
  await form.getByRole("button", { name: "Record assessment" }).click();
  await expect(form.locator(".field-error").first()).toBeVisible();
  await expectNoSeriousViolations(page, "assessment form with field errors");

  await form.getByLabel("Evidence 1 URL or symbol").fill("https://example.org/a11y-evidence");
  await form.getByRole("radiogroup", { name: /^Evidence 1 Stance/ }).getByRole("radio", { name: "Context only" }).check();
  await form.getByLabel("Rationale").fill("Steps taken, not yet complete.");
  await form.getByRole("button", { name: "Record assessment" }).click();
  await expect(form.getByRole("status")).toContainText("Saved as version");
  await expectNoSeriousViolations(page, "detail with a recorded assessment");

  await page.goto(localise(`/reports/mid-term?review=${ids.review}`));
  await expect(page.getByTestId("mid-term-report").getByRole("heading", { name: /^Mid-term report: China/ })).toBeVisible();
  await expectNoSeriousViolations(page, "built mid-term report");
});

test("colour never carries meaning alone: badges speak in words, links in running text are underlined", async ({ page }) => {
  for (const path of [`/recommendations/${ids.recommendation}`, "/recommendations?cycle=3", `/reviews/${ids.review}`, "/states/CHN"]) {
    await page.goto(localise(path));
    const badges = await page.locator(".position, .badge, [class*='assessment-']").allInnerTexts();
    expect(badges.filter((text) => text.trim() === ""), `badges without words on ${path}`).toEqual([]);
    const plainLinks = await page.locator("main :is(p, li, dd, td, blockquote) a:not(.button):not(.rec-text)").evaluateAll((links) =>
      links
        .filter((link) => (link.parentElement?.textContent ?? "").trim() !== (link.textContent ?? "").trim())
        .filter((link) => !getComputedStyle(link).textDecorationLine.includes("underline"))
        .map((link) => link.outerHTML.slice(0, 120)),
    );
    expect(plainLinks, `links inside text without an underline on ${path}`).toEqual([]);
  }
});

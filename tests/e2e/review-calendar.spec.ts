import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseIcs } from "../helpers/ics";
import { expectAccessible } from "./axe";
import { adminUser, signedInPage, storedReview } from "./data";

/**
 * A review's timeline and documents as a visitor and an administrator see them: China's 2018 review shows its one
 * known date (6 November 2018) and its report and addendum linked to docs.un.org, the calendar file downloads and
 * parses, the page fits a phone, an administrator adds and removes a document, and sets a mid-term window that the
 * timeline, the home page and the calendar file then show. The national-report symbol, the mid-term window and its
 * source typed below are FIXTURES for this test, not claims about the review.
 */
const STAMP = Date.now();
const FIXTURE_SYMBOL = "A/HRC/WG.6/31/CHN/1";

/**
 * The page fits its width. Polled: right after the viewport shrinks, the review page's charts keep their old width until
 * their ResizeObserver fires (a frame later), which once measured 386 px too wide at 360 px.
 */
async function noSidewaysScroll(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("the 2018 review shows its timeline and documents, and its calendar file downloads and parses", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const review = await storedReview(3);
  await page.goto(`/en/reviews/${review}`);
  const section = page.getByTestId("review-calendar");
  await expect(section.getByRole("heading", { level: 2, name: "Timeline and documents" })).toBeVisible();

  const timeline = section.getByTestId("review-timeline");
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline).toContainText("Review by the Working Group November 6, 2018 (past)");
  await expect(section).toContainText("Not stated in the documents loaded here: Working Group adopts its report, The State's responses (addendum)");
  await expect(section).toContainText("Dates from: Review date (31st session)");

  const documents = section.getByTestId("review-documents");
  await expect(documents.locator("tbody tr")).toHaveCount(2);
  await expect(documents.locator('tr[data-role="WORKING_GROUP_REPORT"]').getByRole("link", { name: "A/HRC/40/6" })).toHaveAttribute("href", "https://docs.un.org/en/A/HRC/40/6");
  await expect(documents.locator('tr[data-role="ADDENDUM"]').getByRole("link", { name: "A/HRC/40/6/Add.1" })).toHaveAttribute("href", "https://docs.un.org/en/A/HRC/40/6/Add.1");
  // Visitors get no form.
  await expect(section.getByTestId("review-document-form")).toHaveCount(0);

  const link = section.getByRole("link", { name: "Subscribe / download calendar (.ics)" });
  await expect(link).toHaveAttribute("href", `/api/reviews/${review}/calendar.ics?lang=en`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("China, UPR cycle 3 (2018) – calendar.ics");
  const text = readFileSync((await download.path())!, "utf8");
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  const { events } = parseIcs(text);
  expect(events.map((event) => [event["DTSTART;VALUE=DATE"], event["DTEND;VALUE=DATE"], event.SUMMARY])).toEqual([
    ["20181106", "20181107", "China, UPR 2018 (3rd cycle): review by the UPR Working Group"],
  ]);
  expect(events[0]!.DESCRIPTION).toContain("Addendum (responses): A/HRC/40/6/Add.1");

  for (const [name, width, height] of [["phone", 360, 780], ["desktop", 1400, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await section.scrollIntoViewIfNeeded();
    await noSidewaysScroll(page);
    await section.screenshot({ path: `tests/e2e/screenshots/review-calendar-${name}.png` });
  }
  await expectAccessible(page, "the review page with its calendar");

  // The same in Chinese.
  await page.goto(`/zh/reviews/${review}`);
  await expect(page.getByRole("heading", { level: 2, name: "时间表和文件" })).toBeVisible();
  await expect(page.getByTestId("review-documents").locator('tr[data-role="ADDENDUM"] th')).toHaveText("增编（答复）");
  await expect(page.getByRole("link", { name: "订阅 / 下载日历（.ics）" })).toHaveAttribute("href", `/api/reviews/${review}/calendar.ics?lang=zh`);
  expect(consoleErrors).toEqual([]);
});

test("the home page says what comes next for China: no date ahead is known from the documents loaded", async ({ page }) => {
  await page.goto("/en");
  const next = page.getByTestId("next-event");
  await expect(next.getByRole("heading", { level: 2, name: "What comes next for China" })).toBeVisible();
  await expect(next).toContainText("No date ahead is known from the documents loaded here.");
});

test("an administrator adds a document to the review, sees a refused field named, and removes it", async ({ browser }) => {
  const email = `calendar-admin-${STAMP}@example.org`;
  await adminUser(email);
  const page = await signedInPage(browser, email);
  const review = await storedReview(3);
  await page.goto(`/en/reviews/${review}`);
  const form = page.getByTestId("review-document-form");
  await expect(form.getByRole("heading", { level: 3, name: "Add a document (administrators)" })).toBeVisible();

  // A UN document without its symbol is refused, and the field says why.
  await form.getByLabel("Role").selectOption("UN_COMPILATION");
  await form.getByRole("button", { name: "Add document" }).click();
  await expect(form.getByTestId("review-document-outcome")).toHaveText("Check the fields marked below.");
  await expect(form.getByLabel("Symbol")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Give a UN document symbol such as A/HRC/WG.6/31/CHN/1.");

  await form.getByLabel("Role").selectOption("NATIONAL_REPORT");
  await form.getByLabel("Symbol").fill(FIXTURE_SYMBOL);
  await form.getByLabel("Date (optional)").fill("2018-08-20");
  await form.getByRole("button", { name: "Add document" }).click();
  await expect(form.getByTestId("review-document-outcome")).toHaveText("Document added.");
  const row = page.getByTestId("review-documents").locator('tr[data-role="NATIONAL_REPORT"]');
  await expect(row.getByRole("link", { name: FIXTURE_SYMBOL })).toHaveAttribute("href", `https://docs.un.org/en/${FIXTURE_SYMBOL}`);
  await expect(row).toContainText("August 20, 2018");
  await page.setViewportSize({ width: 360, height: 780 });
  await noSidewaysScroll(page);
  await page.getByTestId("review-calendar").screenshot({ path: "tests/e2e/screenshots/review-calendar-admin-phone.png" });

  await row.getByRole("button", { name: `Remove ${FIXTURE_SYMBOL}` }).click();
  await expect(page.getByTestId("review-documents").locator('tr[data-role="NATIONAL_REPORT"]')).toHaveCount(0);
});

test("an administrator sets a mid-term window: the timeline, the home page and the calendar file show it", async ({ browser }) => {
  const email = `calendar-dates-${STAMP}@example.org`;
  await adminUser(email);
  const page = await signedInPage(browser, email);
  const review = await storedReview(4);
  // A FIXTURE window around today, so it is under way whenever the test runs.
  const year = new Date().getUTCFullYear();
  const [from, until] = [`${year}-01-01`, `${year + 1}-12-31`];
  const day = (iso: string) => new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
  const window = `${day(from)} to ${day(until)}`;

  await page.goto(`/en/reviews/${review}`);
  const form = page.getByTestId("review-calendar-form");
  await expect(form.getByRole("heading", { level: 3, name: "Set the calendar dates (administrators)" })).toBeVisible();

  // Only one end of the window: refused, the missing end named, nothing saved.
  await form.getByLabel("Mid-term reports: first day").fill(from);
  await form.getByLabel("Where the dates come from (a document symbol, say)").fill("Fixture source for this test");
  await form.getByRole("button", { name: "Save dates" }).click();
  await expect(form.getByTestId("review-calendar-outcome")).toHaveText("Check the fields marked below.");
  await expect(form.getByLabel("Mid-term reports: last day")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Give the window's last day as YYYY-MM-DD, not before its first day (a window needs both ends).");
  await expect(form.getByLabel("Mid-term reports: first day")).toHaveValue(from);
  await expect(page.getByTestId("review-timeline").locator('li[data-kind="midTerm"]')).toHaveCount(0);

  await form.getByLabel("Mid-term reports: last day").fill(until);
  await form.getByRole("button", { name: "Save dates" }).click();
  await expect(form.getByTestId("review-calendar-outcome")).toHaveText("Dates saved.");
  const midTerm = page.getByTestId("review-timeline").locator('li[data-kind="midTerm"]');
  await expect(midTerm).toHaveText(`Mid-term reports ${window} (under way)`);
  await expect(page.getByTestId("review-calendar")).toContainText("Dates from: Fixture source for this test");
  await expect(form.getByLabel("Mid-term reports: last day")).toHaveValue(until);

  for (const [name, width, height] of [["phone", 360, 780], ["desktop", 1400, 1000]] as const) {
    await page.setViewportSize({ width, height });
    await noSidewaysScroll(page);
    await page.getByTestId("review-calendar").screenshot({ path: `tests/e2e/screenshots/review-calendar-dates-${name}.png` });
  }
  await expectAccessible(page, "the review page with the calendar dates form");

  // The home page says what comes next: the window under way.
  await page.goto("/en");
  const next = page.getByTestId("next-event");
  await expect(next).toContainText(`Mid-term reports: ${window} (under way)`);
  await expect(next.getByRole("link", { name: "Review: 2024 (4th cycle)" })).toHaveAttribute("href", `/en/reviews/${review}#calendar-heading`);
  await page.setViewportSize({ width: 360, height: 780 });
  await noSidewaysScroll(page);
  await next.screenshot({ path: "tests/e2e/screenshots/review-calendar-next-phone.png" });

  // The calendar file has the window, in English and in Chinese.
  const compact = (iso: string) => iso.replace(/-/g, "");
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const [lang, summary] of [["en", "China, UPR 2024 (4th cycle): mid-term reports"], ["zh", "中国，普遍定期审议2024年（第四轮）：中期报告"]] as const) {
    const response = await page.request.get(`/api/reviews/${review}/calendar.ics?lang=${lang}`);
    expect(response.status()).toBe(200);
    const event = parseIcs(await response.text()).events.find((e) => e.UID?.includes("-midTerm@"));
    expect(event).toMatchObject({ "DTSTART;VALUE=DATE": compact(from), "DTEND;VALUE=DATE": compact(dayAfter(until)), SUMMARY: summary });
  }

  // Cleared again, so the other tests see the review as the seed loaded it.
  await page.goto(`/en/reviews/${review}`);
  await page.getByTestId("review-calendar-form").getByRole("button", { name: "Clear dates" }).click();
  await expect(page.getByTestId("review-calendar-outcome")).toHaveText("Dates cleared.");
  await expect(page.getByTestId("review-timeline").locator('li[data-kind="midTerm"]')).toHaveCount(0);
});

import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import pg from "pg";
import { collectConsoleErrors } from "./console";
import { clientAddress, memberOf, signedInPage } from "./data";

/**
 * The cache of anonymous pages in front of the app (lib/http/page-cache.ts) in a real browser: a page served from it
 * runs its scripts under the response's own CSP nonce (fresh per response) and hydrates; a signed-in reader is never
 * served from it; and a committed write (here straight to the database, as the CLI or another instance would) is seen
 * by the next anonymous reader.
 */
const STAMP = Date.now();
const EDITOR = `cache-editor-${STAMP}@example.org`;
const PAGE = "/en/recommendations?cycle=3";

test.beforeAll(async () => {
  await memberOf(`Page Cache Watch ${STAMP}`, EDITOR, "editor", "Cache editor");
});

async function anonymousPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } })).newPage();
}

const cacheOf = (response: Response | null): string | undefined => response?.headers()["x-upr-cache"];
const nonceOf = (response: Response | null): string | undefined => /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];

test("an anonymous page from the cache runs under its own nonce and hydrates; a signed-in reader gets a fresh render", async ({ browser }) => {
  const page = await anonymousPage(browser);
  const errors = collectConsoleErrors(page);
  await page.goto(PAGE);
  const second = await page.goto(PAGE);
  expect(cacheOf(second)).toBe("hit");
  const third = await page.goto(PAGE);
  expect(cacheOf(third)).toBe("hit");
  expect(nonceOf(second)).toBeTruthy();
  expect(nonceOf(third)).not.toBe(nonceOf(second));
  // Next's inline scripts ran (a CSP refusal would leave them out and log an error), with this response's nonce.
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
  const scriptNonces = await page.evaluate(() => [...document.querySelectorAll("script")].map((script) => script.nonce).filter(Boolean));
  expect(new Set(scriptNonces)).toEqual(new Set([nonceOf(third)]));
  // Hydrated: the next page of results comes by client navigation, without loading a new document.
  await page.evaluate(() => ((window as unknown as { sameDocument?: boolean }).sameDocument = true));
  await page.getByRole("link", { name: "Next →" }).first().click();
  await expect(page).toHaveURL(/page=2/);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(errors).toEqual([]);

  const editor = await signedInPage(browser, EDITOR);
  const signedIn = await editor.goto(PAGE);
  expect(cacheOf(signedIn)).toBeUndefined();
  await expect(editor.getByTestId("signed-in-as")).toBeVisible();
  await editor.context().close();
  await page.context().close();
});

test("a write committed elsewhere is seen by the next anonymous reader", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto("/en/states/CHN");
  expect(cacheOf(await page.goto("/en/states/CHN"))).toBe("hit");
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    // Changes nothing anyone sees, but it is a committed write to a public table: the cache must forget.
    await client.query(`UPDATE "Country" SET "name" = "name" WHERE "iso3" = 'CHN'`);
  } finally {
    await client.end();
  }
  await expect.poll(async () => cacheOf(await page.goto("/en/states/CHN")), { timeout: 5_000 }).toBe("miss");
  await page.context().close();
});

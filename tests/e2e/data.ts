import { expect, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { runCli } from "../helpers/run-cli";

/**
 * What the e2e tests read from and add to the app's database (E2E_DATABASE_URL, set by `npm test`): recommendation
 * ids depend on import order, so they are looked up; accounts are made with the operator CLI, so passwords are hashed
 * exactly as in production.
 */
export async function storedRecommendation(cycle: number, paragraph: string): Promise<{ id: number; text: string }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; text: string }>(
      `SELECT r."id", r."text" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId"
       WHERE v."stateUnderReviewIso3" = 'CHN' AND v."cycle" = $1 AND r."paragraph" = $2`,
      [cycle, paragraph],
    );
    if (!rows[0]) throw new Error(`China cycle ${cycle} paragraph ${paragraph} is not loaded`);
    return rows[0];
  } finally {
    await client.end();
  }
}

export const E2E_PASSWORD = "correct horse battery staple";

/** An organisation with one member, made through the operator CLI. */
export async function memberOf(organization: string, email: string, role: "owner" | "editor" | "viewer", name: string): Promise<void> {
  const env = { DATABASE_URL: process.env.E2E_DATABASE_URL };
  const org = await runCli(["org", "create", organization], env);
  expect(org.stderr).toBe("");
  const user = await runCli(["user", "add", email, "--org", organization, "--role", role, "--name", name], env, `${E2E_PASSWORD}\n`);
  expect(user.stderr).toBe("");
}

let addresses = 0;

/**
 * A client address of its own for each simulated person (RFC 5737 documentation range). Sign-in is rate-limited per
 * address, and every browser here runs on 127.0.0.1: without this, one person's sign-ins would use up the others'.
 */
export function clientAddress(): string {
  addresses += 1;
  return `198.51.${(process.pid + addresses) % 250}.${(Date.now() + addresses) % 250}`;
}

/** Signs in through the form, in a browser context of its own (one person per context). */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } })).newPage();
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}

/** An instance administrator (reads the whole audit log), made through the operator CLI. */
export async function adminUser(email: string): Promise<void> {
  const user = await runCli(["user", "add", email, "--admin"], { DATABASE_URL: process.env.E2E_DATABASE_URL }, `${E2E_PASSWORD}\n`);
  expect(user.stderr).toBe("");
}

/** The id of China's review of a cycle, read from the app's database. */
export async function storedReview(cycle: number): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(`SELECT "id" FROM "Review" WHERE "stateUnderReviewIso3" = 'CHN' AND "cycle" = $1`, [cycle]);
    if (!rows[0]) throw new Error(`China's review of cycle ${cycle} is not loaded`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

export type Locale = "en" | "zh";

export const LOCALES: readonly Locale[] = ["en", "zh"];

/** A page's path in a locale: "/recommendations?cycle=3" → "/zh/recommendations?cycle=3", "/" → "/zh". */
export function localise(path: string, locale: Locale = "en"): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** Ids the page paths need, looked up once per test file. */
export type PageIds = { recommendation: number; review: number };
/** Who opens a page: anyone, an editor or an owner of an organisation, or an instance administrator. */
export type Visitor = "anonymous" | "editor" | "owner" | "admin";
export type PageKind = { name: string; path: (ids: PageIds) => string; as: Visitor };

/**
 * Every kind of page of the app, once: the accessibility scan, the no-JavaScript check and the "nothing leaves the
 * site" check walk this list, so a new page kind is added here and nowhere else.
 */
export const PAGE_KINDS: readonly PageKind[] = [
  { name: "home", path: () => "/", as: "anonymous" },
  { name: "explorer with filters", path: () => "/recommendations?cycle=3&position=noted&q=torture", as: "anonymous" },
  { name: "recommendation detail", path: (ids) => `/recommendations/${ids.recommendation}`, as: "anonymous" },
  { name: "recommendation detail (editor)", path: (ids) => `/recommendations/${ids.recommendation}`, as: "editor" },
  { name: "States", path: () => "/states", as: "anonymous" },
  { name: "State page", path: () => "/states/CHN", as: "anonymous" },
  { name: "compare", path: () => "/compare?sur=CHN&cycle=2,3", as: "anonymous" },
  { name: "review", path: (ids) => `/reviews/${ids.review}`, as: "anonymous" },
  { name: "sign-in", path: () => "/sign-in", as: "anonymous" },
  { name: "status sheet", path: () => "/status-sheet", as: "editor" },
  { name: "audit log", path: () => "/audit", as: "admin" },
  { name: "admin import", path: () => "/admin/import", as: "admin" },
  { name: "response wording", path: (ids) => `/admin/response-wording?review=${ids.review}`, as: "admin" },
  { name: "mid-term report", path: (ids) => `/reports/mid-term?review=${ids.review}`, as: "editor" },
  { name: "account", path: () => "/account", as: "editor" },
  { name: "organisation (owner)", path: () => "/organisation", as: "owner" },
  { name: "admin accounts", path: () => "/admin/accounts", as: "admin" },
];

/** Looks up the ids of PAGE_KINDS: a 3rd-cycle recommendation with a counterpart in the 2nd cycle, and its review. */
export async function pageIds(): Promise<PageIds> {
  const [recommendation, review] = await Promise.all([storedRecommendation(3, "28.160"), storedReview(3)]);
  return { recommendation: recommendation.id, review };
}

import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { PERMISSIONS_POLICY } from "../../lib/security-headers";
import { runCli } from "../helpers/run-cli";
import { collectConsoleErrors } from "./console";
import { adminUser, clientAddress, localise, memberOf, pageIds, PAGE_KINDS, signedInPage, type Visitor } from "./data";

// Sign-in is rate-limited per client address: this file signs in from its own (see clientAddress).
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });

/**
 * Security headers on every kind of response, and pages that load nothing from anywhere but the app's own origin,
 * run their scripts under a nonce CSP without a single violation, and still hydrate and work.
 */

const NONCE = "[A-Za-z0-9+/]{22}==";
const CSP = new RegExp(
  "^default-src 'self'; " +
    `script-src 'self' 'nonce-(${NONCE})' 'strict-dynamic'; ` +
    // The built stylesheets that pages inline are allowed by their hashes (lib/http/style-hashes.ts), on pages only;
    // nothing else inline.
    `style-src 'self' 'nonce-(${NONCE})'(?: 'sha256-[A-Za-z0-9+/]{43}=')*; ` +
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
    "form-action 'self'; frame-ancestors 'none'$",
);
const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "permissions-policy": PERMISSIONS_POLICY,
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-dns-prefetch-control": "off",
};

/** Asserts the exact security headers and returns the response's nonce. */
function expectSecurityHeaders(headers: Record<string, string>, what: string): string {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value);
  const csp = headers["content-security-policy"] ?? "";
  const match = CSP.exec(csp);
  expect(match, `CSP on ${what}: ${csp}`).not.toBeNull();
  expect(match![1], "one nonce for scripts and styles").toBe(match![2]);
  expect(scriptSrc(csp)).not.toContain("unsafe-inline");
  expect(scriptSrc(csp)).not.toContain("unsafe-eval");
  return match![1]!;
}

const scriptSrc = (csp: string): string => csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";

type Watch = { foreignRequests: string[]; violations: string[]; consoleErrors: string[] };

/** Records every request that leaves the app's origin, every CSP violation the page reports, and console errors. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const result: Watch = { foreignRequests: [], violations: [], consoleErrors: collectConsoleErrors(page) };
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) result.foreignRequests.push(request.url());
  });
  await page.exposeFunction("reportCspViolation", (violation: string) => result.violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return result;
}

async function expectPageCsp(response: Awaited<ReturnType<Page["goto"]>>, path: string): Promise<string> {
  expect(response, path).not.toBeNull();
  return expectSecurityHeaders(await response!.allHeaders(), path);
}

/** A recommendation id from the public API (ids depend on import order). */
async function someRecommendationId(page: Page): Promise<number> {
  const response = await page.request.get("/api/recommendations?cycle=3&pageSize=1");
  const body = (await response.json()) as { items: { id: number }[] };
  return body.items[0]!.id;
}

test("every kind of response carries the exact security headers: page, JSON, CSV, icon, 404; a script those that act on it", async ({ request }) => {
  const checks: [string, APIResponse][] = [];
  const page = await request.get("/");
  checks.push(["/", page]);
  const html = await page.text();
  const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(html)?.[0];
  expect(asset, "the home page links a script of the build").toBeDefined();
  checks.push(["/icon.svg", await request.get("/icon.svg")]);
  checks.push(["/api/recommendations", await request.get("/api/recommendations?cycle=3&pageSize=2")]);
  checks.push(["/api/recommendations.csv", await request.get("/api/recommendations.csv?cycle=3&position=noted")]);
  checks.push(["/no-such-page", await request.get("/no-such-page")]);
  const redirect = await request.get("/recommendations?position=noted", { maxRedirects: 0 });
  checks.push(["redirect to the locale", redirect]);
  checks.push(["/api/no-such-route", await request.get("/api/no-such-route")]);

  const nonces = new Set<string>();
  for (const [what, response] of checks) nonces.add(expectSecurityHeaders(response.headers(), what));
  expect(nonces.size, "a fresh nonce per response").toBe(checks.length);

  // A script of the build: not sniffed, not loaded by other sites; the document policies would only weigh on it.
  const script = await request.get(asset!);
  expect(script.status()).toBe(200);
  expect(script.headers()).toMatchObject({ "x-content-type-options": "nosniff", "cross-origin-resource-policy": "same-origin" });
  for (const name of ["content-security-policy", "permissions-policy", "x-frame-options", "cross-origin-opener-policy"]) expect(script.headers()[name], name).toBeUndefined();
  expect(script.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");

  const [, icon, api, csv, missing] = checks.map(([, response]) => response);
  expect(icon!.status()).toBe(200);
  expect(api!.status()).toBe(200);
  expect(api!.headers()["cache-control"]).toBe("no-store");
  expect(csv!.status()).toBe(200);
  expect(csv!.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv!.headers()["cache-control"]).toBe("no-store");
  expect(missing!.status()).toBe(404);
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["location"]).toMatch(/\/en\/recommendations\?position=noted$/);
  expect(page.headers()["cache-control"]).toMatch(/no-store/);

  // Next.js put the response's nonce on every script of the page, and no script runs without it.
  const nonce = CSP.exec(page.headers()["content-security-policy"]!)![1];
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/\sstyle="/);
});

test("signed-in responses are never stored by a cache, anonymous public ones keep theirs", async ({ request }) => {
  const cookie = { Cookie: "better-auth.session_token=whoever" };
  for (const path of ["/", "/en", "/api/recommendations?pageSize=1", "/api/openapi.json", "/api/recommendations.csv?cycle=3"]) {
    // maxRedirects 0: the redirect of "/" to "/en" is checked itself (a followed request would drop the cookie header).
    expect((await request.get(path, { headers: cookie, maxRedirects: 0 })).headers()["cache-control"], path).toBe("private, no-store");
  }
  expect((await request.get("/api/openapi.json")).headers()["cache-control"]).toBe("public, max-age=300");
});

test("every page kind loads only from its own origin, under a nonce CSP, without a violation or a console error", async ({ page, baseURL }) => {
  const seen = await watch(page, new URL(baseURL!).origin);
  const nonces = new Set<string>();

  nonces.add(await expectPageCsp(await page.goto("/en"), "/"));
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();

  // The explorer's filters apply themselves once hydrated: proof that the app's scripts run under the CSP.
  nonces.add(await expectPageCsp(await page.goto("/en/recommendations?cycle=3"), "/recommendations"));
  await page.locator("form.filters.auto-submit").waitFor();
  await page.getByRole("checkbox", { name: /^Noted/ }).check();
  await expect(page).toHaveURL(/position=noted/);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("62 recommendations");
  await page.getByLabel("Find a State or theme").fill("Eston");
  await expect(page.getByRole("option", { name: /Estonia/ }).first()).toBeVisible();

  const id = await someRecommendationId(page);
  nonces.add(await expectPageCsp(await page.goto(`/en/recommendations/${id}`), "detail"));
  await expect(page.getByRole("heading", { level: 1, name: /^Recommendation .* to China$/ })).toBeVisible();

  nonces.add(await expectPageCsp(await page.goto("/en/states"), "/states"));
  await expect(page.getByRole("heading", { level: 1, name: "States" })).toBeVisible();
  nonces.add(await expectPageCsp(await page.goto("/en/states/EST"), "/states/EST"));
  await expect(page.getByRole("heading", { level: 1, name: "Estonia" })).toBeVisible();
  // The charts are drawn on the client (recharts sets inline styles through the DOM, which the CSP allows).
  nonces.add(await expectPageCsp(await page.goto("/en/compare?sur=CHN&cycle=2,3"), "/compare"));
  await expect(page.getByTestId("chart-svg-position").locator("svg.recharts-surface")).toBeVisible();

  // Signed out, the audit log sends the visitor to sign in; the sign-in form posts and comes back with the error.
  nonces.add(await expectPageCsp(await page.goto("/en/audit"), "/audit"));
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not a password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#main").getByRole("alert")).toHaveText("Email or password is wrong.");

  const missing = await page.goto("/en/no-such-page");
  expect(missing?.status()).toBe(404);
  nonces.add(await expectPageCsp(missing, "404"));
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // Client-side navigation from the 404 page back to the app.
  await page.getByRole("link", { name: "Back to the reviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();

  expect(nonces.size, "a fresh nonce per page").toBe(8);
  expect(seen.foreignRequests).toEqual([]);
  expect(seen.violations).toEqual([]);
  // Chromium logs every 4xx as "Failed to load resource": the 401 of the wrong password and the 404 are expected.
  expect(seen.consoleErrors.filter((e) => !/status of (401|404)/.test(e))).toEqual([]);
});

const PASSWORD = "correct horse battery staple";
const ORG = `Lamplighters ${Date.now()}`;
const EMAIL = `lamplighter-${Date.now()}@example.org`;

test("an editor signs in, records an assessment with evidence and adds a note: no violation, no request elsewhere, nothing cacheable", async ({ page, baseURL }) => {
  const env = { DATABASE_URL: process.env.E2E_DATABASE_URL };
  expect((await runCli(["org", "create", ORG], env)).stderr).toBe("");
  expect((await runCli(["user", "add", EMAIL, "--org", ORG, "--role", "editor"], env, `${PASSWORD}\n`)).stderr).toBe("");
  const seen = await watch(page, new URL(baseURL!).origin);

  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(ORG);

  const id = await someRecommendationId(page);
  const response = await page.goto(`/en/recommendations/${id}`);
  await expectPageCsp(response, "signed-in detail");
  expect(response!.headers()["cache-control"]).toBe("private, no-store");

  const form = page.getByRole("form", { name: `New assessment for ${ORG}` });
  await form.getByLabel("Status").selectOption("partially_implemented");
  await form.getByLabel("Rationale").fill("Steps taken, not yet complete.\nSee the report.");
  await form.getByLabel("Evidence 1 URL or symbol").fill("https://example.org/report-on-implementation");
  await form.getByRole("radiogroup", { name: /^Evidence 1 Stance/ }).getByRole("radio", { name: "Supports it" }).check();
  await form.getByRole("button", { name: "Record assessment" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved as version 1.");
  await expect(page.getByRole("link", { name: "https://example.org/report-on-implementation" })).toBeVisible();

  await page.getByLabel("Note", { exact: true }).fill("Raise at the mid-term review.\nSecond line.");
  await page.getByLabel("Tags (comma-separated)").fill("mid-term, priority");
  await page.getByRole("button", { name: "Add note" }).click();
  const note = page.getByTestId("note").filter({ hasText: "Raise at the mid-term review." });
  await expect(note).toBeVisible();
  // The line break survives through the stylesheet, now that there are no inline style attributes.
  expect(await note.locator(".note-body").evaluate((element) => getComputedStyle(element).whiteSpace)).toBe("pre-wrap");
  await page.screenshot({ path: "tests/e2e/screenshots/security-signed-in-detail.png", fullPage: true });

  expect((await page.request.get("/api/me")).headers()["cache-control"]).toBe("private, no-store");
  expect(seen.foreignRequests).toEqual([]);
  expect(seen.violations).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
});

test("every page kind of the list, opened by the visitor who sees it, loads nothing from another origin", async ({ browser, page: anonymous, baseURL }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  await memberOf(`Far Lookouts ${stamp}`, `far-editor-${stamp}@example.org`, "editor", "Far Editor");
  await adminUser(`far-admin-${stamp}@example.org`);
  await memberOf(`Far Harbours ${stamp}`, `far-owner-${stamp}@example.org`, "owner", "Far Owner");
  const ids = await pageIds();
  const origin = new URL(baseURL!).origin;
  const pages: Record<Visitor, Page> = {
    anonymous,
    editor: await signedInPage(browser, `far-editor-${stamp}@example.org`),
    owner: await signedInPage(browser, `far-owner-${stamp}@example.org`),
    admin: await signedInPage(browser, `far-admin-${stamp}@example.org`),
  };
  const seen = new Map<Visitor, Watch>();
  for (const [visitor, page] of Object.entries(pages) as [Visitor, Page][]) seen.set(visitor, await watch(page, origin));

  for (const kind of PAGE_KINDS) {
    const page = pages[kind.as];
    const path = localise(kind.path(ids));
    await expectPageCsp(await page.goto(path), `${kind.name} (${path})`);
    await expect(page.getByRole("heading", { level: 1 }), kind.name).toBeVisible();
    if (kind.name === "compare") await expect(page.getByTestId("chart-svg-position").locator("svg.recharts-surface")).toBeVisible();
    // Let late requests (prefetches, chart drawing) happen before the next page.
    await page.waitForLoadState("networkidle");
  }

  for (const [visitor, result] of seen) {
    expect(result.foreignRequests, visitor).toEqual([]);
    expect(result.violations, visitor).toEqual([]);
    expect(result.consoleErrors, visitor).toEqual([]);
  }
});

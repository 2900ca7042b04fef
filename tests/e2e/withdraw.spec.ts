import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { runCli } from "../helpers/run-cli";
import { chooseStance } from "./assessment-form";
import { expectAccessible } from "./axe";
import { collectConsoleErrors } from "./console";
import { clientAddress, E2E_PASSWORD, memberOf, signedInPage, storedRecommendation } from "./data";

/**
 * The assessment form (labels, the required stance, the outcome at the top, the reset to the saved version), the
 * "Claimed by" box, and withdrawing a public version published by mistake: an anonymous browser sees it, the editor
 * withdraws it in one confirmed step, and the anonymous browser no longer sees it anywhere (the page, the explorer's
 * status filter and counts, the JSON API, the CSV, the statistics), while the organisation's own history keeps it,
 * marked, and the audit log says who, when and why. In English and Chinese, and without JavaScript.
 */
const STAMP = Date.now();
const ORG = `Kingfisher Watch ${STAMP}`;
const EDITOR = `kingfisher-${STAMP}@example.org`;
const OWNER = `kingfisher-owner-${STAMP}@example.org`;
/** The rationale of the version published by mistake (a fixture). */
const MISTAKE = `Fixture published by mistake: names a witness ${STAMP}`;
const REASON = `Names a witness at risk (fixture ${STAMP})`;
const SHOTS = "tests/e2e/screenshots";

test.beforeAll(async () => {
  await memberOf(ORG, EDITOR, "editor", "Kingfisher");
  const owner = await runCli(["user", "add", OWNER, "--org", ORG, "--role", "owner", "--name", "Kingfisher owner"], { DATABASE_URL: process.env.E2E_DATABASE_URL }, `${E2E_PASSWORD}\n`);
  expect(owner.stderr).toBe("");
});

/** A recommendation of China's first review that the State accepted in its own word ("accepted"), read from the database. */
async function acceptedInOwnWords(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `SELECT r."id" FROM "Recommendation" r JOIN "Review" v ON v."id" = r."reviewId" WHERE v."stateUnderReviewIso3" = 'CHN' AND v."cycle" = 1 AND r."responseWording" = 'accepted' ORDER BY r."id" LIMIT 1`,
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function anonymousContext(browser: Browser, javaScriptEnabled = true): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
}

const assessmentForm = (page: Page, locale: "en" | "zh") => page.getByRole("form", { name: locale === "en" ? `New assessment for ${ORG}` : `为${ORG}新增评估` });

for (const [locale, paragraph] of [["en", "28.10"], ["zh", "28.11"]] as const) {
  const words = {
    en: { noted: "Noted: no claim of implementation", claimed: "Claimed by China", url: "Evidence 1 URL or symbol", excerpt: "Evidence 1 Excerpt", date: "Evidence 1 Date", kind: "Evidence 1 Kind", status: "Status", rationale: "Rationale", submit: "Record assessment", correct: "Please correct the marked fields.", missing: "Evidence 1: choose whether it contradicts the government’s response, supports it, or is context only.", saved: "Saved as version 1.", current: "Current version: 1" },
    zh: { noted: "注意到：未声称已执行", claimed: "中国的表态", url: "证据 1 网址或文号", excerpt: "证据 1 摘录", date: "证据 1 日期", kind: "证据 1 类型", status: "状态", rationale: "理由", submit: "记录评估", correct: "请更正标出的字段。", missing: "证据 1：请选择它与政府的答复相矛盾、支持政府的答复，还是仅为背景信息。", saved: "已保存为第 1 版。", current: "当前版本：第 1 版" },
  }[locale];

  test(`/${locale}: every field labelled, the stance a required choice, the outcome at the top, the form reset to the saved version, the claim of a noted recommendation`, async ({ browser }) => {
    const { id } = await storedRecommendation(3, paragraph);
    const page = await signedInPage(browser, EDITOR);
    const errors = collectConsoleErrors(page);
    await page.goto(`/${locale}/recommendations/${id}`);

    // The claim box of a noted recommendation: no claim, never a bare "Noted".
    const claim = page.getByTestId("government-claim");
    await expect(claim.getByRole("heading", { level: 3 })).toHaveText(words.claimed);
    await expect(claim).toContainText(words.noted);
    await claim.screenshot({ path: `${SHOTS}/claim-box-noted-${locale}.png` });

    // Every evidence field has its own numbered name; no stance is chosen in advance.
    const form = assessmentForm(page, locale);
    for (const label of [words.kind, words.url, words.excerpt, words.date]) await expect(form.getByLabel(label)).toBeVisible();
    for (const row of [1, 2, 3]) await expect(form.getByRole("radiogroup", { name: new RegExp(`^${locale === "en" ? "Evidence" : "证据"} ${row} `) })).toBeVisible();
    await expect(form.getByRole("radio", { checked: true })).toHaveCount(0);

    // Evidence without a stance is refused, naming the row, at the top of the form and focused.
    await form.getByLabel(words.status).selectOption("partially_implemented");
    await form.getByLabel(words.rationale).fill(`Fixture rationale ${locale} ${STAMP}`);
    await form.getByLabel(words.url).fill("https://example.org/fixture-evidence");
    await form.getByRole("button", { name: words.submit }).click();
    await expect(form.getByRole("alert")).toHaveText(words.correct);
    await expect(form.getByRole("alert")).toBeFocused();
    await expect(form.locator(".field-error")).toHaveText(words.missing);
    await expect(form.getByLabel(words.url)).toHaveValue("https://example.org/fixture-evidence");
    await expectAccessible(page, `assessment form with a missing stance (${locale})`);
    await form.screenshot({ path: `${SHOTS}/assessment-form-missing-stance-${locale}.png` });

    // With the stance: saved, said at the top and focused; the form now starts from version 1, the evidence rows empty.
    await chooseStance(form, 1, "contradicts", locale);
    await form.getByRole("button", { name: words.submit }).click();
    await expect(form.getByRole("status")).toHaveText(words.saved);
    await expect(form.getByRole("status")).toBeFocused();
    await expect(form.getByTestId("form-starts-from")).toContainText(words.current);
    await expect(form.getByLabel(words.url)).toHaveValue("");
    await expect(form.getByRole("radio", { checked: true })).toHaveCount(0);
    await expect(form.getByLabel(words.status)).toHaveValue("partially_implemented");
    await expectAccessible(page, `assessment form after a save (${locale})`);
    await page.locator("section[aria-labelledby='assessments-heading']").screenshot({ path: `${SHOTS}/assessment-form-saved-${locale}.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  });
}

test("the claim box shows the State's own wording where it is known", async ({ browser }) => {
  const context = await anonymousContext(browser);
  const page = await context.newPage();
  await page.goto(`/en/recommendations/${await acceptedInOwnWords()}`);
  const claim = page.getByTestId("government-claim");
  await expect(claim).toContainText("Supported: China accepted the recommendation");
  await expect(claim).toContainText("In China’s own words:");
  await expect(claim.getByTestId("claim-wording")).toHaveText("accepted");
  await claim.screenshot({ path: `${SHOTS}/claim-box-own-words.png` });
  await context.close();
});

type PublicView = { page: boolean; explorer: boolean; api: boolean; csv: boolean; regressedCount: number };

/** Everything an anonymous visitor can read of the recommendation's public status "regressed", one entry per read path. */
async function publicView(page: Page, request: APIRequestContext, id: number): Promise<PublicView> {
  await page.goto(`/en/recommendations/${id}`);
  const onPage = (await page.getByRole("main").innerText()).includes(MISTAKE);
  await page.goto("/en/recommendations?cycle=3&status=regressed&pageSize=100");
  const explorer = (await page.locator(`main a[href$="/recommendations/${id}"]`).count()) > 0;
  const api = (await (await request.get("/api/recommendations?cycle=3&status=regressed&pageSize=200")).json()) as { items: { id: number }[] };
  const csv = await (await request.get("/api/recommendations.csv?cycle=3&status=regressed")).text();
  const stats = (await (await request.get("/api/stats?by=status&cycle=3")).json()) as { groups: { key: string; count: number }[] };
  const assessments = await (await request.get(`/api/recommendations/${id}/assessments`)).text();
  return {
    page: onPage || assessments.includes(MISTAKE),
    explorer,
    api: api.items.some((item) => item.id === id),
    csv: csv.split("\r\n").some((line) => line.startsWith(`${id},`)),
    regressedCount: stats.groups.find((group) => group.key === "regressed")?.count ?? 0,
  };
}

test("a version published by mistake: the public sees it, the editor withdraws it in one confirmed step, and it is gone from every public view", async ({ browser, baseURL }) => {
  const { id } = await storedRecommendation(3, "28.30");
  const editor = await signedInPage(browser, EDITOR);
  const errors = collectConsoleErrors(editor);
  // Version 1 public, then version 2 public: the mistake.
  for (const [status, rationale] of [["partially_implemented", `Fixture first public view ${STAMP}`], ["regressed", MISTAKE]] as const) {
    const saved = await editor.request.post(`/api/recommendations/${id}/assessments`, {
      headers: { origin: baseURL! },
      data: { status, rationale, assessedOn: "2026-03-01", confidence: "medium", visibility: "public", evidence: [] },
    });
    expect(saved.status()).toBe(201);
  }

  // An anonymous browser sees it everywhere.
  const visitor = await anonymousContext(browser);
  const anonymous = await visitor.newPage();
  const before = await publicView(anonymous, visitor.request, id);
  expect(before).toMatchObject({ page: true, explorer: true, api: true, csv: true });
  await anonymous.goto(`/en/recommendations/${id}`);
  await anonymous.getByRole("region", { name: `Assessment by ${ORG}` }).screenshot({ path: `${SHOTS}/withdraw-1-public-before.png` });

  // The editor opens the organisation's own history, reads what will happen, gives the reason and confirms.
  await editor.goto(`/en/recommendations/${id}`);
  const card = editor.getByRole("region", { name: `Assessment by ${ORG}` });
  await card.getByText("History (2)").click();
  await card.getByText("Withdraw version 2 from public view…").click();
  await expect(card).toContainText("Version 1 will then be");
  await expect(card).toContainText(`${ORG}’s current public assessment.`);
  await expectAccessible(editor, "the withdrawal's confirmation");
  await card.screenshot({ path: `${SHOTS}/withdraw-2-confirmation.png` });
  const confirmation = card.getByRole("form", { name: "Withdraw version 2 from public view" });
  await confirmation.getByLabel("Reason for withdrawing (kept in the audit log)").fill(REASON);
  await confirmation.getByRole("button", { name: "Withdraw version 2" }).click();
  const outcome = card.getByRole("status");
  await expect(outcome).toHaveText("Version 2 withdrawn: it is no longer public. Version 1 is now the public assessment.");
  await expect(outcome).toBeFocused();
  // It stays in the organisation's own history, marked withdrawn with who and why.
  await expect(card.getByTestId("own-history").getByTestId("withdrawn-note")).toContainText(`by Kingfisher. Reason: ${REASON}`);
  await expect(card.getByTestId("public-version")).toHaveText("The public sees version 1.");
  // The next version starts private, so saving the form as it stands does not publish the mistake again.
  await expect(editor.getByRole("form", { name: `New assessment for ${ORG}` }).getByLabel("Visibility")).toHaveValue("private");
  await expectAccessible(editor, "the organisation's history after a withdrawal");
  await card.screenshot({ path: `${SHOTS}/withdraw-3-withdrawn-own-history.png` });

  // The anonymous browser no longer sees it anywhere; the status counts went down by one.
  const after = await publicView(anonymous, visitor.request, id);
  expect(after).toEqual({ page: false, explorer: false, api: false, csv: false, regressedCount: before.regressedCount - 1 });
  await anonymous.goto(`/en/recommendations/${id}`);
  const publicCard = anonymous.getByRole("region", { name: `Assessment by ${ORG}` });
  await expect(publicCard).toContainText("version 1");
  await expect(publicCard).not.toContainText("History");
  await publicCard.screenshot({ path: `${SHOTS}/withdraw-4-public-after.png` });

  // The audit log says it in words, in both languages (owners read their organisation's log).
  const owner = await signedInPage(browser, OWNER);
  for (const [locale, action] of [["en", "Public assessment withdrawn"], ["zh", "撤回公开评估"]] as const) {
    await owner.goto(`/${locale}/audit?kind=work`);
    const row = owner.locator('tr[data-action="assessment.withdraw"]').first();
    await expect(row).toContainText(action);
    await expect(row).toContainText("Kingfisher");
    await expect(row).toContainText(REASON);
    await row.screenshot({ path: `${SHOTS}/withdraw-5-audit-${locale}.png` });
  }
  expect(errors).toEqual([]);
  await Promise.all([visitor.close(), editor.context().close(), owner.context().close()]);
});

test("without JavaScript: an assessment saved and then withdrawn through the plain forms", async ({ browser, baseURL }) => {
  const { id } = await storedRecommendation(3, "28.31");
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const signIn = await context.request.post("/api/auth/sign-in/email", { data: { email: EDITOR, password: E2E_PASSWORD }, headers: { origin: baseURL! } });
  expect(signIn.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/en/recommendations/${id}`);
  const form = assessmentForm(page, "en");
  await form.getByLabel("Status").selectOption("regressed");
  await form.getByLabel("Visibility").selectOption("public");
  await form.getByLabel("Rationale").fill(MISTAKE);
  await form.getByLabel("Evidence 1 URL or symbol").fill("A/HRC/40/6");
  await form.getByLabel("Evidence 1 Kind").selectOption("un-symbol");
  await chooseStance(form, 1, "context");
  await form.getByRole("button", { name: "Record assessment" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved as version 1.");
  await expect(form.getByLabel("Evidence 1 URL or symbol")).toHaveValue("");

  const card = page.getByRole("region", { name: `Assessment by ${ORG}` });
  await card.getByText("History (1)").click();
  await card.getByText("Withdraw version 1 from public view…").click();
  await expect(card).toContainText(`No assessment of ${ORG} will then be public for this recommendation.`);
  const confirmation = card.getByRole("form", { name: "Withdraw version 1 from public view" });
  await confirmation.getByLabel("Reason for withdrawing (kept in the audit log)").fill(REASON);
  await confirmation.getByRole("button", { name: "Withdraw version 1" }).click();
  await expect(card.getByRole("status")).toHaveText("Version 1 withdrawn: it is no longer public.");
  await expect(card.getByTestId("own-history").getByTestId("withdrawn-note")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/withdraw-no-javascript.png`, fullPage: true });

  const visitor = await anonymousContext(browser, false);
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/en/recommendations/${id}`);
  await expect(anonymous.getByRole("main")).not.toContainText(MISTAKE);
  await expect(anonymous.getByRole("region", { name: `Assessment by ${ORG}` })).toHaveCount(0);
  await Promise.all([visitor.close(), context.close()]);
});

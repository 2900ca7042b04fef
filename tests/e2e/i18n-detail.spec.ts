import { expect, test, type Page } from "@playwright/test";
import { memberOf, signedInPage, storedRecommendation } from "./data";

/**
 * The recommendation page in Chinese, read anonymously and by an editor who records an assessment (with a refused
 * evidence URL first) and a note. Selectors are roles and Chinese names: these run in /zh. The recommendation text
 * and the State's own wording stay as published; everything else on the page is the interface's.
 */
const STAMP = Date.now();
const ORG = `灯塔人权观察 ${STAMP}`;
const EDITOR = `egret-${STAMP}@example.org`;
const RATIONALE = `部分措施已落实，但缺乏独立监督。${STAMP}`;
const NOTE = `中期报告重点跟进。${STAMP}`;

/** Interface words of the English page that must not show on the Chinese one. */
const ENGLISH = /Text as published|Recommending States|Implementation assessments|Action category|Across cycles|Notes|Themes|No notes yet|Paragraph|Working Group report|Record assessment|Suggested counterparts/;

let id: number;

test.beforeAll(async () => {
  await memberOf(ORG, EDITOR, "editor", "白鹭");
  id = (await storedRecommendation(3, "28.160")).id;
});

async function expectChineseInterface(page: Page): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^向中国提出的第 28\.160 段建议$/);
  await expect(page.getByTestId("text-language-note")).toHaveText("官方文本为英语");
  for (const heading of ["公布的案文", "中国的答复", "执行情况评估", "主题", "行动类别", "笔记"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  // The page's own words, without the recommendation texts (published in English) and the States' quoted words.
  const interfaceText = await page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const quoted of copy.querySelectorAll(".recommendation-text, q, code, [lang='en']")) quoted.remove();
    return copy.innerText;
  });
  expect(interfaceText).not.toMatch(ENGLISH);
}

test("the recommendation page in Chinese, read anonymously", async ({ page }) => {
  await page.goto(`/zh/recommendations/${id}`);
  await expectChineseInterface(page);
  await expect(page.getByRole("form", { name: /新增评估/ })).toHaveCount(0);
  await page.screenshot({ path: "tests/e2e/screenshots/detail-zh-anonymous.png", fullPage: true });
});

test("an editor records an assessment and a note in Chinese", async ({ browser }) => {
  const page = await signedInPage(browser, EDITOR);
  await page.goto(`/zh/recommendations/${id}`);
  await expectChineseInterface(page);

  const form = page.getByRole("form", { name: `为${ORG}新增评估` });
  await form.getByLabel("状态").selectOption("partially_implemented");
  await form.getByLabel("理由").fill(RATIONALE);
  // A web address that is not one: refused with the field named, in Chinese.
  await form.getByLabel("证据 1 网址或文号").fill("not a web address");
  await form.getByRole("radiogroup", { name: /^证据 1 倾向/ }).getByRole("radio", { name: "支持政府的答复" }).check();
  await form.getByRole("button", { name: "记录评估" }).click();
  await expect(form.getByRole("alert")).toHaveText("请更正标出的字段。");
  await expect(form.locator(".field-error")).toHaveText("须为以 http:// 或 https:// 开头的网址");

  // Nothing typed is lost on a refusal: the form comes back with the person's own input, only the bad field to fix.
  await expect(form.getByLabel("状态")).toHaveValue("partially_implemented");
  await expect(form.getByLabel("理由")).toHaveValue(RATIONALE);
  await expect(form.getByLabel("证据 1 网址或文号")).toHaveValue("not a web address");
  await expect(form.getByRole("radio", { name: "支持政府的答复" }).first()).toBeChecked();
  await form.getByLabel("证据 1 网址或文号").fill("https://www.ohchr.org/en/hr-bodies/upr/cn-index");
  await form.getByRole("button", { name: "记录评估" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存为第 1 版。");
  const card = page.getByRole("region", { name: `${ORG}的评估` });
  await expect(card).toContainText("部分执行");
  await expect(card).toContainText(`仅${ORG}可见`);

  await page.locator("#new-note-body").fill(NOTE);
  await page.getByRole("button", { name: "添加笔记" }).click();
  await expect(page.getByTestId("note")).toContainText(NOTE);
  await expect(page.getByRole("status").filter({ hasText: "笔记已保存。" })).toBeVisible();

  await expectChineseInterface(page);
  await page.screenshot({ path: "tests/e2e/screenshots/detail-zh-editor.png", fullPage: true });
});

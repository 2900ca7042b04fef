import JSZip from "jszip";
import { Packer } from "docx";
import { describe, expect, it } from "vitest";
import type { MidTermReport, ReportRecommendation } from "@/lib/schemas/mid-term-report";
import { formatMidTermCsv, MID_TERM_CSV_COLUMNS } from "./csv";
import { midTermDocument } from "./docx";
import { escapeHtml, formatMidTermHtml } from "./html";
import { reportSections, summarise, type ThemedRow } from "./sections";
import { reportText, themeLabel } from "./text";

/** Fixtures: made-up organisations and texts, not recommendations of any review. */
const HOSTILE = `<script>alert("x")</script> & '=1+1'`;
const A12 = { slug: "uhri:a12", code: "A12", name: "Acceptance of international norms" };
const D23 = { slug: "uhri:d23", code: "D23", name: "Death penalty" };

function recommendation(id: number, current: ReportRecommendation["current"] = null): ReportRecommendation {
  return { id, paragraph: `28.${id}`, text: `Fixture text ${id}`, textLanguage: "en", recommendingStates: [], position: "noted", responseWording: null, positionSource: null, current };
}

function report(overrides: Partial<MidTermReport> = {}): MidTermReport {
  const counts = { fully_implemented: 0, partially_implemented: 1, not_implemented: 0, regressed: 0, unable_to_assess: 0, not_assessed: 0 };
  return {
    organization: { id: "o", name: "Org <b>", slug: "org" },
    review: { id: 1, stateUnderReview: { iso3: "CHN", name: "China" }, cycle: 3, session: 31, reviewDate: "2018-11-06", reportSymbol: "A/HRC/40/6", addendumSymbol: null, loaded: 1, reportedTotal: 346 },
    themes: [],
    includeNoted: true,
    assessments: "all",
    privateAssessments: 1,
    generatedAt: "2026-11-28T12:00:00.000Z",
    assessed: 1,
    assessedInReview: 1,
    summary: [{ theme: A12, counts, total: 1 }],
    totals: { counts, total: 1 },
    sections: [
      {
        theme: A12,
        recommendations: [
          {
            id: 7,
            paragraph: "28.1",
            text: HOSTILE,
            textLanguage: "en",
            recommendingStates: [{ iso3: "SEN", name: "Senegal" }],
            position: "supported",
            responseWording: "accepted",
            positionSource: null,
            current: {
              status: "partially_implemented",
              assessedOn: "2026-10-01",
              confidence: "high",
              visibility: "private",
              withdrawnOn: null,
              version: 2,
              rationale: "=cmd|' /C calc'!A0",
              evidence: [{ kind: "url", reference: "https://example.org/a?b=1&c=$&", excerpt: null, date: null, stance: "supports" }],
            },
          },
        ],
      },
    ],
    ...overrides,
  };
}

const PUBLIC_ONLY = { assessments: "public", privateAssessments: 0 } as const;

/** The text of each paragraph of a .docx part, in order. */
async function docxText(data: MidTermReport, lang: "en" | "zh" = "en"): Promise<{ body: string[]; header: string }> {
  const zip = await JSZip.loadAsync(await Packer.toArrayBuffer(midTermDocument(data, lang)));
  const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
  const header = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name))!;
  return { body: paragraphs(await zip.file("word/document.xml")!.async("string")), header: paragraphs(await zip.file(header)!.async("string")).join("\n") };
}

describe("mid-term report formats", () => {
  it("escapes every text in the HTML document and links evidence URLs by their own text", () => {
    const html = formatMidTermHtml(report(), "abc+/=");
    expect(html).not.toContain("<script>");
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(html).toContain("Org &lt;b&gt;");
    expect(html).toContain('<style nonce="abc+/=">');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=$&amp;" rel="noopener noreferrer nofollow">https://example.org/a?b=1&amp;c=$&amp;</a>');
    expect(html).toContain("Government response:</strong> Supported (“accepted”)");
  });

  it("links the review's document symbols to docs.un.org in the report's language, without a referrer", () => {
    const withAddendum = { ...report(), review: { ...report().review, addendumSymbol: "A/HRC/40/6/Add.1" } };
    const html = formatMidTermHtml(withAddendum, "n");
    expect(html).toContain(`<a href="https://docs.un.org/en/A/HRC/40/6" rel="external noopener noreferrer" referrerpolicy="no-referrer" hreflang="en">A/HRC/40/6</a>`);
    expect(html).toContain(`<a href="https://docs.un.org/en/A/HRC/40/6/Add.1" rel="external noopener noreferrer"`);
    expect(formatMidTermHtml(withAddendum, "n", "zh")).toContain(`href="https://docs.un.org/zh/A/HRC/40/6/Add.1"`);
  });

  it("writes one CSV row per recommendation under stable keys, formula cells neutralised", () => {
    const csv = formatMidTermCsv(report());
    expect(csv.startsWith("\uFEFF" + MID_TERM_CSV_COLUMNS.join(",") + "\r\n")).toBe(true);
    expect(csv).toContain(",'=cmd|' /C calc'!A0,");
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("words the HTML document in Chinese with lang zh, keeping the recommendation's own lang and the data", () => {
    const html = formatMidTermHtml(report(), undefined, "zh");
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain("<h1>中期报告：中国，2018年（第三轮）</h1>");
    expect(html).toContain("<strong>政府的答复：</strong>支持（“accepted”）");
    expect(html).toContain("<strong>提出建议的国家：</strong>塞内加尔");
    expect(html).toContain('<p class="text" lang="en">');
    expect(html).toContain("支持政府的答复：");
    expect(html).not.toContain("Summary of statuses");
  });

  it("keeps the CSV's keys and machine values in every language", () => {
    const [en, zh] = [formatMidTermCsv(report(), "en"), formatMidTermCsv(report(), "zh")];
    expect(zh.split("\r\n")[0]).toBe(en.split("\r\n")[0]);
    expect(zh).toContain(",partially_implemented,");
  });

  it("labels a coded theme once, and words the report's own Unthemed heading", () => {
    expect(themeLabel(A12)).toBe("A12 Acceptance of international norms");
    expect(reportText("en").themeLabel({ slug: null, code: null, name: "Unthemed" })).toBe("Unthemed");
    expect(reportText("zh").themeLabel({ slug: null, code: null, name: "Unthemed" })).toBe("无主题");
  });
});

describe("the banner, in every format", () => {
  const PRIVATE = "This report holds 1 private assessment of Org <b>.";

  it("opens the HTML document (and its title) naming the organisation and its private assessments", () => {
    const html = formatMidTermHtml(report());
    expect(html).toContain("<title>Private: contains private assessments · Mid-term report");
    const body = html.slice(html.indexOf("<body>"));
    expect(body.startsWith('<body><div class="banner private" role="note" data-banner="private"><p><strong>Private: contains private assessments</strong></p>')).toBe(true);
    expect(body).toContain(escapeHtml(PRIVATE));
    expect(formatMidTermHtml(report(), undefined, "zh")).toContain("本报告含 Org &lt;b&gt; 的 1 条不公开评估。");
  });

  it("says public only in every format when the report reads public assessments only", async () => {
    const data = report(PUBLIC_ONLY);
    expect(formatMidTermHtml(data)).toContain("<strong>Public assessments only</strong></p><p>Prepared by Org &lt;b&gt; from its public assessments only");
    expect(formatMidTermCsv(data)).toContain("Public assessments only. Prepared by Org <b> from its public assessments only");
    const docx = await docxText(data);
    expect(docx.body[0]).toMatch(/^Public assessments only\s*Prepared by Org &lt;b&gt; from its public assessments only/);
    expect(formatMidTermHtml(data)).toContain("public ones only (private assessments and withdrawn public versions left out)");
  });

  it("is the notice column of every CSV row, in the report's language", () => {
    const en = formatMidTermCsv(report());
    expect(MID_TERM_CSV_COLUMNS.slice(-2)).toEqual(["notice", "findings"]);
    expect(en.split("\r\n")[1]).toMatch(/,"?Private: contains private assessments\. This report holds 1 private assessment of Org <b>\./);
    expect(formatMidTermCsv(report(), "zh")).toContain("不公开：含不公开的评估。本报告含 Org <b> 的 1 条不公开评估。");
  });

  it("opens the .docx and heads each of its pages", async () => {
    const { body, header } = await docxText(report());
    expect(body[0]).toContain("Private: contains private assessments");
    expect(body[0]).toContain("This report holds 1 private assessment of Org &lt;b&gt;.");
    expect(body[1]).toBe("Mid-term report: China, 2018 (3rd cycle)");
    expect(header).toBe("Private: contains private assessments · Org &lt;b&gt;");
    expect((await docxText(report(), "zh")).header).toBe("不公开：含不公开的评估 · Org &lt;b&gt;");
  });

  it("says so when a report of all assessments holds no private one, and marks a withdrawn public version", () => {
    expect(reportText("en").banner(report({ privateAssessments: 0 })).kind).toBe("noPrivate");
    const current = { ...report().sections[0]!.recommendations[0]!.current!, visibility: "public" as const, withdrawnOn: "2026-11-02" };
    expect(reportText("en").assessedText(current)).toBe("assessed Oct 1, 2026, confidence high, public version withdrawn on Nov 2, 2026");
    expect(reportText("zh").assessedText(current)).toContain("公开版本已于 2026年11月2日 撤回");
  });
});

describe("grouping", () => {
  const row = (id: number, themes: { slug: string; primary: boolean }[]): ThemedRow & { id: number } => ({
    id,
    themes: themes.map(({ slug, primary }) => ({ ...[A12, D23].find((t) => t.slug === slug)!, primary })),
  });
  const rows = [row(1, [{ slug: "uhri:d23", primary: true }, { slug: "uhri:a12", primary: false }]), row(2, [{ slug: "uhri:a12", primary: true }]), row(3, [{ slug: "uhri:d23", primary: true }])];
  const toRecommendation = (r: { id: number }) => recommendation(r.id);

  it("files each recommendation once under its primary theme when no theme is chosen", () => {
    const sections = reportSections(rows, [], toRecommendation);
    expect(sections.map((s) => [s.theme.slug, s.recommendations.map((r) => r.id)])).toEqual([
      ["uhri:d23", [1, 3]],
      ["uhri:a12", [2]],
    ]);
  });

  it("files a recommendation under each chosen theme it has, in the order chosen; the totals count it once", () => {
    const sections = reportSections(rows, [A12, D23, A12], toRecommendation);
    expect(sections.map((s) => [s.theme.slug, s.recommendations.map((r) => r.id)])).toEqual([
      ["uhri:a12", [1, 2]],
      ["uhri:d23", [1, 3]],
    ]);
    const { summary, totals } = summarise(sections);
    expect(summary.map((s) => s.total)).toEqual([2, 2]);
    expect(totals.total).toBe(3);
    expect(totals.counts.not_assessed).toBe(3);
  });

  it("groups by the chosen themes in every format, and says so", async () => {
    const sections = reportSections(rows, [A12, D23], toRecommendation);
    const data = report({ themes: [A12, D23], sections, ...summarise(sections), assessed: 0 });
    const html = formatMidTermHtml(data);
    expect([...html.matchAll(/<section><h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(["A12 Acceptance of international norms", "D23 Death penalty"]);
    expect(html).toContain("Grouped by the themes chosen: a recommendation appears under each chosen theme it has");
    expect(html.match(/Paragraph 28\.1</g)).toHaveLength(2);
    const csvRows = formatMidTermCsv(data).split("\r\n").slice(1).filter(Boolean);
    expect(csvRows.map((line) => [line.split(",")[2], line.split(",")[4]])).toEqual([
      ["A12 Acceptance of international norms", "1"],
      ["A12 Acceptance of international norms", "2"],
      ["D23 Death penalty", "1"],
      ["D23 Death penalty", "3"],
    ]);
    const { body } = await docxText(data);
    // The summary's rows, then the headings.
    expect(body.filter((p) => /^(A12|D23) /.test(p))).toEqual(["A12 Acceptance of international norms", "D23 Death penalty", "A12 Acceptance of international norms", "D23 Death penalty"]);
    expect(body).toContain("Grouped by the themes chosen: a recommendation appears under each chosen theme it has, so the theme rows of the summary can add up to more than the total, which counts each recommendation once.");
    expect(formatMidTermHtml(data, undefined, "zh")).toContain("按所选主题分组");

    // A chosen theme none of the rows has: its 0 in the summary, no empty heading.
    const withEmpty = reportSections(rows, [A12, { slug: "uhri:b1", code: "B1", name: "Fixture theme" }], toRecommendation);
    const emptyHtml = formatMidTermHtml(report({ themes: [A12], sections: withEmpty, ...summarise(withEmpty) }));
    expect(emptyHtml).toContain('<th scope="row">B1 Fixture theme</th>');
    expect(emptyHtml).not.toContain("<h2>B1 Fixture theme</h2>");
    expect(formatMidTermHtml(report())).toContain("Grouped by each recommendation&#39;s main theme");
    expect(html).toContain('<th scope="row">All themes chosen, each recommendation once</th>');
  });
});

import { describe, expect, it } from "vitest";
import { formatMidTermCsv, MID_TERM_CSV_COLUMNS } from "./mid-term-report-csv";
import { escapeHtml, formatMidTermHtml } from "./mid-term-report-html";
import { themeLabel } from "./mid-term-report-text";
import type { MidTermReport } from "./schemas/mid-term-report";

const HOSTILE = `<script>alert("x")</script> & '=1+1'`;

function report(): MidTermReport {
  const counts = { fully_implemented: 0, partially_implemented: 1, not_implemented: 0, regressed: 0, unable_to_assess: 0, not_assessed: 0 };
  const theme = { slug: "uhri:a12", code: "A12", name: "Acceptance of international norms" };
  return {
    organization: { id: "o", name: "Org <b>", slug: "org" },
    review: { id: 1, stateUnderReview: { iso3: "CHN", name: "China" }, cycle: 3, session: 31, reviewDate: "2018-11-06", reportSymbol: "A/HRC/40/6", addendumSymbol: null, loaded: 1, reportedTotal: 346 },
    themes: [],
    includeNoted: false,
    generatedAt: "2026-11-28T12:00:00.000Z",
    assessed: 1,
    summary: [{ theme, counts, total: 1 }],
    totals: { counts, total: 1 },
    sections: [
      {
        theme,
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
              version: 2,
              rationale: "=cmd|' /C calc'!A0",
              evidence: [{ kind: "url", reference: "https://example.org/a?b=1&c=$&", excerpt: null, date: null, stance: "supports" }],
            },
          },
        ],
      },
    ],
  };
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
    expect(html).toContain("<h1>中期报告：中国，第三轮（2018年）</h1>");
    expect(html).toContain("<strong>政府的答复：</strong>支持（“accepted”）");
    expect(html).toContain("<strong>提出建议的国家：</strong>塞内加尔");
    expect(html).toContain('<p class="text" lang="en">');
    expect(html).toContain("佐证：");
    expect(html).not.toContain("Summary of statuses");
  });

  it("keeps the CSV's keys and machine values in every language", () => {
    const [en, zh] = [formatMidTermCsv(report(), "en"), formatMidTermCsv(report(), "zh")];
    expect(zh.split("\r\n")[0]).toBe(en.split("\r\n")[0]);
    expect(zh).toContain(",partially_implemented,");
  });

  it("labels a coded theme once", () => {
    expect(themeLabel({ slug: "uhri:a12", code: "A12", name: "Acceptance of international norms" })).toBe("A12 Acceptance of international norms");
    expect(themeLabel({ slug: null, code: null, name: "Unthemed" })).toBe("Unthemed");
  });
});

import { LANGUAGE_TAGS } from "@/lib/i18n/routing";
import { splitDocumentSymbols, UN_DOCUMENT_REL } from "@/lib/un-documents/links";
import { reportText, type ReportText } from "./text";
import type { EvidenceDto } from "@/lib/schemas/assessment";
import { REPORT_STATUS_ORDER, type MidTermReport, type MidTermReportLanguage, type ReportFinding, type ReportRecommendation } from "@/lib/schemas/mid-term-report";

/**
 * The mid-term report as one self-contained, printable HTML document (GET /api/reports/mid-term?format=html): the same
 * data and words as the page, with its own print styles, opening with the banner. Every text goes through `escapeHtml`.
 */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
body { font-family: system-ui, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; line-height: 1.5; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; } dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; } dl.facts dd { margin: 0; }
.recommendation { border-top: 1px solid #d0d7de; padding: 0.5rem 0; break-inside: avoid; page-break-inside: avoid; }
.text { white-space: pre-wrap; } .rationale { white-space: pre-wrap; } h2 { break-after: avoid; page-break-after: avoid; }
.banner { border: 3px solid #9a3412; background: #fff7ed; color: #431407; padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
.banner.public, .banner.noPrivate { border-color: #1f6feb; background: #f0f6ff; color: #0a2a5e; } .banner p { margin: 0; }
@media print { body { margin: 0; max-width: none; } a[href^="http"]::after { content: none; } .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }`;

/** A text with each UN document symbol in it linked to docs.un.org (lib/un-documents/links.ts), the rest escaped. */
function symbolsHtml(text: string, lang: MidTermReportLanguage): string {
  return splitDocumentSymbols(text, lang)
    .map(({ text: part, url }) => (url ? `<a href="${escapeHtml(url)}" rel="${UN_DOCUMENT_REL}" referrerpolicy="no-referrer" hreflang="${lang}">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join("");
}

/** A bold label before its value: "Rationale:" in English, "理由：" in Chinese. */
function label(words: ReportText, key: string): string {
  const separator = words.labelSeparator;
  return `<strong>${escapeHtml(words.t(key as never) + separator.trimEnd())}</strong>${separator.endsWith(" ") ? " " : ""}`;
}

function evidenceItem(words: ReportText, item: EvidenceDto): string {
  const text = escapeHtml(words.evidenceText(item));
  if (item.kind !== "url") return `<li>${text}</li>`;
  const reference = escapeHtml(item.reference);
  // The link's text is its URL, so a printed copy shows where the evidence is.
  return `<li>${text.replace(reference, () => `<a href="${reference}" rel="noopener noreferrer nofollow">${reference}</a>`)}</li>`;
}

/** A linked finding: its stance, body, symbol and paragraph, the symbol linked to where the document is read. */
function findingItem(words: ReportText, finding: ReportFinding): string {
  const text = escapeHtml(words.findingText(finding));
  if (!finding.url) return `<li>${text}</li>`;
  const symbol = escapeHtml(finding.symbol);
  return `<li>${text.replace(symbol, () => `<a href="${escapeHtml(finding.url!)}" rel="${UN_DOCUMENT_REL}" referrerpolicy="no-referrer">${symbol}</a>`)}</li>`;
}

function findingsHtml(words: ReportText, findings: readonly ReportFinding[] = []): string {
  if (findings.length === 0) return "";
  return `<p><strong>${escapeHtml(words.t("findings"))}</strong></p><ul class="findings">${findings.map((finding) => findingItem(words, finding)).join("")}</ul>`;
}

function recommendationHtml(words: ReportText, recommendation: ReportRecommendation): string {
  const current = recommendation.current;
  const rationale = current?.rationale ? `<p>${label(words, "rationale")}<span class="rationale">${escapeHtml(current.rationale)}</span></p>` : "";
  const evidence =
    current && current.evidence.length > 0 ? `<p><strong>${escapeHtml(words.t("evidence"))}</strong></p><ul>${current.evidence.map((item) => evidenceItem(words, item)).join("")}</ul>` : "";
  return `<article class="recommendation">
<h3>${escapeHtml(words.paragraphLabel(recommendation))}</h3>
<p class="text" lang="${escapeHtml(recommendation.textLanguage)}">${escapeHtml(recommendation.text)}</p>
<p>${label(words, "recommendingStates")}${escapeHtml(words.statesText(recommendation))}</p>
<p>${label(words, "response")}${escapeHtml(words.responseText(recommendation))}</p>
<p>${label(words, "status")}${escapeHtml(words.statusLine(recommendation))}</p>
${rationale}${evidence}${findingsHtml(words, recommendation.findings)}</article>`;
}

function summaryHtml(words: ReportText, report: MidTermReport): string {
  const { t, number } = words;
  const head = `<tr><th scope="col">${escapeHtml(t("theme"))}</th>${REPORT_STATUS_ORDER.map((s) => `<th scope="col" class="num">${escapeHtml(words.status(s))}</th>`).join("")}<th scope="col" class="num">${escapeHtml(t("total"))}</th></tr>`;
  const rows = report.summary.map(
    ({ theme, counts, total }) =>
      `<tr><th scope="row">${escapeHtml(words.themeLabel(theme))}</th>${REPORT_STATUS_ORDER.map((s) => `<td class="num">${number(counts[s])}</td>`).join("")}<td class="num">${number(total)}</td></tr>`,
  );
  const totals = `<tr><th scope="row">${escapeHtml(words.totalsLabel(report))}</th>${REPORT_STATUS_ORDER.map((s) => `<td class="num">${number(report.totals.counts[s])}</td>`).join("")}<td class="num">${number(report.totals.total)}</td></tr>`;
  return `<table><caption>${escapeHtml(t("summaryCaption"))}</caption><thead>${head}</thead><tbody>${rows.join("")}</tbody><tfoot>${totals}</tfoot></table>`;
}

/**
 * `nonce`: the response's CSP nonce, which the <style> element needs to apply. `lang`: the language of the report's own
 * words (the document's lang); each recommendation text keeps the lang of its source.
 */
export function formatMidTermHtml(report: MidTermReport, nonce?: string, lang: MidTermReportLanguage = "en"): string {
  const words = reportText(lang);
  const title = escapeHtml(words.reportTitle(report));
  const symbolFacts = new Set([words.t("fact.report"), words.t("fact.addendum")]);
  const facts = words
    .reviewFacts(report)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${symbolFacts.has(label) ? symbolsHtml(value, lang) : escapeHtml(value)}</dd>`)
    .join("");
  const notice = words.notice(report);
  const banner = words.banner(report);
  const bannerHtml = `<div class="banner ${banner.kind}" role="note" data-banner="${banner.kind}"><p><strong>${escapeHtml(banner.title)}</strong></p><p>${escapeHtml(banner.text)}</p></div>`;
  // A chosen theme with no recommendation has its 0 in the summary and no heading of its own.
  const sections = report.sections
    .filter((section) => section.recommendations.length > 0)
    .map(({ theme, recommendations }) => `<section><h2>${escapeHtml(words.themeLabel(theme))}</h2>${recommendations.map((r) => recommendationHtml(words, r)).join("\n")}</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="${LANGUAGE_TAGS[lang]}"><head><meta charset="utf-8"><title>${escapeHtml(banner.title)} · ${title}</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/icon.svg" type="image/svg+xml"><style${nonce ? ` nonce="${escapeHtml(nonce)}"` : ""}>${STYLE}</style></head>
<body>${bannerHtml}<h1>${title}</h1><dl class="facts">${facts}</dl><p>${escapeHtml(words.grouping(report))}</p>${notice ? `<p>${escapeHtml(notice)}</p>` : ""}
<h2>${escapeHtml(words.t("summaryHeading"))}</h2>${summaryHtml(words, report)}
${sections}
</body></html>`;
}

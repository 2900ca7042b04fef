import {
  evidenceText,
  NO_RECOMMENDATIONS,
  NOTHING_ASSESSED,
  paragraphLabel,
  reportTitle,
  responseText,
  reviewFacts,
  statesText,
  STATUS_LABELS,
  statusLine,
  themeLabel,
} from "@/lib/mid-term-report-text";
import type { EvidenceDto } from "@/lib/schemas/assessment";
import { REPORT_STATUS_ORDER, type MidTermReport, type ReportRecommendation } from "@/lib/schemas/mid-term-report";

/**
 * The mid-term report as one self-contained, printable HTML document (GET /api/reports/mid-term?format=html): the same
 * data and words as the page, with its own print styles. Every text goes through `escapeHtml`.
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
@media print { body { margin: 0; max-width: none; } a[href^="http"]::after { content: none; } }`;

function evidenceItem(item: EvidenceDto): string {
  const text = escapeHtml(evidenceText(item));
  if (item.kind !== "url") return `<li>${text}</li>`;
  const reference = escapeHtml(item.reference);
  // The link's text is its URL, so a printed copy shows where the evidence is.
  return `<li>${text.replace(reference, () => `<a href="${reference}" rel="noopener noreferrer nofollow">${reference}</a>`)}</li>`;
}

function recommendationHtml(recommendation: ReportRecommendation): string {
  const current = recommendation.current;
  const rationale = current?.rationale ? `<p><strong>Rationale:</strong> <span class="rationale">${escapeHtml(current.rationale)}</span></p>` : "";
  const evidence = current && current.evidence.length > 0 ? `<p><strong>Evidence</strong></p><ul>${current.evidence.map(evidenceItem).join("")}</ul>` : "";
  return `<article class="recommendation">
<h3>${escapeHtml(paragraphLabel(recommendation))}</h3>
<p class="text" lang="${escapeHtml(recommendation.textLanguage)}">${escapeHtml(recommendation.text)}</p>
<p><strong>Recommending States:</strong> ${escapeHtml(statesText(recommendation))}</p>
<p><strong>Government response:</strong> ${escapeHtml(responseText(recommendation))}</p>
<p><strong>Status:</strong> ${escapeHtml(statusLine(recommendation))}</p>
${rationale}${evidence}</article>`;
}

function summaryHtml(report: MidTermReport): string {
  const head = `<tr><th scope="col">Theme</th>${REPORT_STATUS_ORDER.map((s) => `<th scope="col" class="num">${STATUS_LABELS[s]}</th>`).join("")}<th scope="col" class="num">Total</th></tr>`;
  const rows = report.summary.map(
    ({ theme, counts, total }) =>
      `<tr><th scope="row">${escapeHtml(themeLabel(theme))}</th>${REPORT_STATUS_ORDER.map((s) => `<td class="num">${counts[s]}</td>`).join("")}<td class="num">${total}</td></tr>`,
  );
  const totals = `<tr><th scope="row">All themes</th>${REPORT_STATUS_ORDER.map((s) => `<td class="num">${report.totals.counts[s]}</td>`).join("")}<td class="num">${report.totals.total}</td></tr>`;
  return `<table><caption>Current statuses per theme</caption><thead>${head}</thead><tbody>${rows.join("")}</tbody><tfoot>${totals}</tfoot></table>`;
}

/** `nonce`: the response's CSP nonce, which the <style> element needs to apply. */
export function formatMidTermHtml(report: MidTermReport, nonce?: string): string {
  const title = escapeHtml(reportTitle(report));
  const facts = reviewFacts(report)
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join("");
  const notice = report.totals.total === 0 ? NO_RECOMMENDATIONS : report.assessed === 0 ? NOTHING_ASSESSED : "";
  const sections = report.sections
    .map(({ theme, recommendations }) => `<section><h2>${escapeHtml(themeLabel(theme))}</h2>${recommendations.map(recommendationHtml).join("\n")}</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/icon.svg" type="image/svg+xml"><style${nonce ? ` nonce="${escapeHtml(nonce)}"` : ""}>${STYLE}</style></head>
<body><h1>${title}</h1><dl class="facts">${facts}</dl>${notice ? `<p>${escapeHtml(notice)}</p>` : ""}
<h2>Summary of statuses per theme</h2>${summaryHtml(report)}
${sections}
</body></html>`;
}

import { BorderStyle, Document, ExternalHyperlink, Header, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { reportText, type ReportText } from "./text";
import type { EvidenceDto } from "@/lib/schemas/assessment";
import { REPORT_STATUS_ORDER, type MidTermReport, type MidTermReportLanguage, type ReportFinding, type ReportRecommendation } from "@/lib/schemas/mid-term-report";

/**
 * The mid-term report as a Word document: the banner (also in every page's header), the title and the review's facts,
 * how it is grouped, the summary table of statuses per theme,
 * then a heading per theme and, per recommendation, its paragraph, text, States, the government's response and the
 * organisation's current status with its rationale and evidence. Pure: the same data as the page and the CSV.
 */

/** Runs of a text that may hold line breaks (a rationale typed over several lines keeps them). */
function lines(text: string, bold = false): TextRun[] {
  return text.split(/\r\n?|\n/).map((line, index) => new TextRun({ text: line, bold, break: index > 0 ? 1 : undefined }));
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function summaryTable(words: ReportText, report: MidTermReport): Table {
  const { t, number } = words;
  const header = new TableRow({ tableHeader: true, children: [cell(t("theme"), true), ...REPORT_STATUS_ORDER.map((s) => cell(words.status(s), true)), cell(t("total"), true)] });
  const rows = report.summary.map(
    ({ theme, counts, total }) => new TableRow({ children: [cell(words.themeLabel(theme)), ...REPORT_STATUS_ORDER.map((s) => cell(number(counts[s]))), cell(number(total))] }),
  );
  const totals = new TableRow({
    children: [cell(words.totalsLabel(report), true), ...REPORT_STATUS_ORDER.map((s) => cell(number(report.totals.counts[s]), true)), cell(number(report.totals.total), true)],
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, totals] });
}

/** A labelled line: "Recommending States: France, Germany" ("提出建议的国家：法国、德国"). */
function field(words: ReportText, label: string, value: string): Paragraph {
  return new Paragraph({ keepNext: true, keepLines: true, children: [new TextRun({ text: `${label}${words.labelSeparator}`, bold: true }), ...lines(value)] });
}

/** An evidence item as a bullet; a URL is a link, so the printed document shows it and the file opens it. */
function evidenceItem(words: ReportText, item: EvidenceDto): Paragraph {
  const text = words.evidenceText(item);
  if (item.kind !== "url") return new Paragraph({ bullet: { level: 0 }, keepLines: true, text });
  const [before, after] = [text.slice(0, text.indexOf(item.reference)), text.slice(text.indexOf(item.reference) + item.reference.length)];
  return new Paragraph({
    bullet: { level: 0 },
    keepLines: true,
    children: [new TextRun(before), new ExternalHyperlink({ link: item.reference, children: [new TextRun({ text: item.reference, style: "Hyperlink" })] }), new TextRun(after)],
  });
}

/** A linked finding as a bullet, its symbol a link to where the document is read. */
function findingItem(words: ReportText, finding: ReportFinding): Paragraph {
  const text = words.findingText(finding);
  const at = text.indexOf(finding.symbol);
  if (!finding.url || at < 0) return new Paragraph({ bullet: { level: 0 }, keepLines: true, text });
  return new Paragraph({
    bullet: { level: 0 },
    keepLines: true,
    children: [
      new TextRun(text.slice(0, at)),
      new ExternalHyperlink({ link: finding.url, children: [new TextRun({ text: finding.symbol, style: "Hyperlink" })] }),
      new TextRun(text.slice(at + finding.symbol.length)),
    ],
  });
}

/** The "UN findings linked" list, when the organisation linked any. */
function findingBlocks(words: ReportText, findings: readonly ReportFinding[] = []): Paragraph[] {
  if (findings.length === 0) return [];
  return [new Paragraph({ keepNext: true, children: [new TextRun({ text: words.t("findings"), bold: true })] }), ...findings.map((finding) => findingItem(words, finding))];
}

function recommendationBlock(words: ReportText, recommendation: ReportRecommendation): Paragraph[] {
  const { t } = words;
  const current = recommendation.current;
  const blocks = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, text: words.paragraphLabel(recommendation) }),
    new Paragraph({ keepNext: true, keepLines: true, children: lines(recommendation.text) }),
    field(words, t("recommendingStates"), words.statesText(recommendation)),
    field(words, t("response"), words.responseText(recommendation)),
    field(words, t("status"), words.statusLine(recommendation)),
  ];
  if (current?.rationale) blocks.push(field(words, t("rationale"), current.rationale));
  if (current && current.evidence.length > 0) {
    blocks.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: t("evidence"), bold: true })] }));
    blocks.push(...current.evidence.map((item) => evidenceItem(words, item)));
  }
  blocks.push(...findingBlocks(words, recommendation.findings));
  return blocks;
}

/** The banner: a boxed paragraph, its title in bold, dark red for a report holding private assessments. */
function bannerParagraph(words: ReportText, report: MidTermReport): Paragraph {
  const { kind, title, text } = words.banner(report);
  const colour = kind === "private" ? "9A3412" : "1F6FEB";
  const border = { style: BorderStyle.SINGLE, size: 18, color: colour, space: 4 };
  return new Paragraph({
    border: { top: border, bottom: border, left: border, right: border },
    shading: { type: ShadingType.CLEAR, fill: kind === "private" ? "FFF7ED" : "F0F6FF", color: "auto" },
    spacing: { after: 240 },
    children: [new TextRun({ text: title, bold: true, color: colour }), new TextRun({ text, break: 1 })],
  });
}

export function midTermDocument(report: MidTermReport, lang: MidTermReportLanguage = "en"): Document {
  const words = reportText(lang);
  const banner = words.banner(report);
  const intro: (Paragraph | Table)[] = [
    bannerParagraph(words, report),
    new Paragraph({ heading: HeadingLevel.TITLE, text: words.reportTitle(report) }),
    ...words.reviewFacts(report).map(([label, value]) => field(words, label, value)),
    new Paragraph({ spacing: { before: 120 }, text: words.grouping(report) }),
  ];
  const notice = words.notice(report);
  if (notice) intro.push(new Paragraph({ text: notice }));
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: words.t("summaryHeading") }), summaryTable(words, report)];
  for (const { theme, recommendations } of report.sections.filter((section) => section.recommendations.length > 0)) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: words.themeLabel(theme) }));
    for (const recommendation of recommendations) body.push(...recommendationBlock(words, recommendation));
  }
  return new Document({
    creator: report.organization.name,
    title: words.reportTitle(report),
    description: words.description(report),
    // Every printed page names the organisation and says whether the report is private.
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: `${banner.title} · ${report.organization.name}`, bold: true, size: 18 })] })] }) },
        children: [...intro, ...body],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function formatMidTermDocx(report: MidTermReport, lang: MidTermReportLanguage = "en"): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(midTermDocument(report, lang)));
}

import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
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
 * The mid-term report as a Word document: the title and the review's facts, the summary table of statuses per theme,
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

function summaryTable(report: MidTermReport): Table {
  const header = new TableRow({ tableHeader: true, children: [cell("Theme", true), ...REPORT_STATUS_ORDER.map((s) => cell(STATUS_LABELS[s], true)), cell("Total", true)] });
  const rows = report.summary.map(
    ({ theme, counts, total }) => new TableRow({ children: [cell(themeLabel(theme)), ...REPORT_STATUS_ORDER.map((s) => cell(String(counts[s]))), cell(String(total))] }),
  );
  const totals = new TableRow({
    children: [cell("All themes", true), ...REPORT_STATUS_ORDER.map((s) => cell(String(report.totals.counts[s]), true)), cell(String(report.totals.total), true)],
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows, totals] });
}

/** A labelled line: "Recommending States: France, Germany". */
function field(label: string, value: string): Paragraph {
  return new Paragraph({ keepNext: true, keepLines: true, children: [new TextRun({ text: `${label}: `, bold: true }), ...lines(value)] });
}

/** An evidence item as a bullet; a URL is a link, so the printed document shows it and the file opens it. */
function evidenceItem(item: EvidenceDto): Paragraph {
  const text = evidenceText(item);
  if (item.kind !== "url") return new Paragraph({ bullet: { level: 0 }, keepLines: true, text });
  const [before, after] = [text.slice(0, text.indexOf(item.reference)), text.slice(text.indexOf(item.reference) + item.reference.length)];
  return new Paragraph({
    bullet: { level: 0 },
    keepLines: true,
    children: [new TextRun(before), new ExternalHyperlink({ link: item.reference, children: [new TextRun({ text: item.reference, style: "Hyperlink" })] }), new TextRun(after)],
  });
}

function recommendationBlock(recommendation: ReportRecommendation): Paragraph[] {
  const current = recommendation.current;
  const blocks = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, keepNext: true, text: paragraphLabel(recommendation) }),
    new Paragraph({ keepNext: true, keepLines: true, children: lines(recommendation.text) }),
    field("Recommending States", statesText(recommendation)),
    field("Government response", responseText(recommendation)),
    field("Status", statusLine(recommendation)),
  ];
  if (current?.rationale) blocks.push(field("Rationale", current.rationale));
  if (current && current.evidence.length > 0) {
    blocks.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: "Evidence", bold: true })] }));
    blocks.push(...current.evidence.map(evidenceItem));
  }
  return blocks;
}

export function midTermDocument(report: MidTermReport): Document {
  const intro: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: reportTitle(report) }),
    ...reviewFacts(report).map(([label, value]) => field(label, value)),
  ];
  if (report.totals.total === 0) intro.push(new Paragraph({ text: NO_RECOMMENDATIONS }));
  else if (report.assessed === 0) intro.push(new Paragraph({ text: NOTHING_ASSESSED }));
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Summary of statuses per theme" }), summaryTable(report)];
  for (const { theme, recommendations } of report.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, text: themeLabel(theme) }));
    for (const recommendation of recommendations) body.push(...recommendationBlock(recommendation));
  }
  return new Document({
    creator: report.organization.name,
    title: reportTitle(report),
    description: `Mid-term report of ${report.organization.name}`,
    sections: [{ children: [...intro, ...body] }],
  });
}

/** The .docx file's bytes. */
export async function formatMidTermDocx(report: MidTermReport): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(midTermDocument(report)));
}

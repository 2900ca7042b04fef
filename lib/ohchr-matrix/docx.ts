import { Document, ExternalHyperlink, Header, PageOrientation, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { reportText, type ReportText } from "@/lib/mid-term-report/text";
import { safeFileName } from "@/lib/http/content-disposition";
import type { MidTermReportLanguage, ReportEvidence, ReportFinding } from "@/lib/schemas/mid-term-report";
import type { MatrixRow, OhchrMatrix } from "@/lib/schemas/ohchr-matrix";
import { MATRIX_COLUMNS, matrixSections, matrixTitle, positionCell, recommendationCell, themesCell } from "./layout";

/**
 * The OHCHR matrix as a Word document: OHCHR's title in the page header, a line saying whose assessments fill the
 * fourth column (and whether any is private), then the four-column table of the thematic list. The fourth column
 * holds the organisation's current status, its date, the rationale, the evidence (and the finding it cites) and the
 * findings it linked; it is empty where the organisation has neither assessed nor linked anything, as OHCHR leaves it.
 * Pure: from the data the server read.
 */

/** Column widths in fiftieths of the table, as OHCHR's lists share the page: the recommendation widest. */
const WIDTHS = [38, 10, 24, 28];

function textParagraphs(lines: readonly string[], bold = false): Paragraph[] {
  return lines.map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

function cell(children: Paragraph[], column: number): TableCell {
  return new TableCell({ width: { size: WIDTHS[column]!, type: WidthType.PERCENTAGE }, children: children.length > 0 ? children : [new Paragraph({})] });
}

/** A line whose `linked` part (a URL, a symbol) is a hyperlink to `url`. */
function linkedLine(text: string, linked: string, url: string | null): Paragraph {
  const at = text.indexOf(linked);
  if (!url || at < 0) return new Paragraph({ children: [new TextRun(text)] });
  return new Paragraph({
    children: [new TextRun(text.slice(0, at)), new ExternalHyperlink({ link: url, children: [new TextRun({ text: linked, style: "Hyperlink" })] }), new TextRun(text.slice(at + linked.length))],
  });
}

function evidenceLine(words: ReportText, item: ReportEvidence): Paragraph {
  const text = `– ${words.evidenceText(item)}`;
  if (item.kind === "url") return linkedLine(text, item.reference, item.reference);
  return item.finding ? linkedLine(text, item.reference, item.finding.url) : new Paragraph({ children: [new TextRun(text)] });
}

function findingLine(words: ReportText, finding: ReportFinding): Paragraph {
  return linkedLine(`– ${words.findingText(finding)}`, finding.symbol, finding.url);
}

/** "Label:" in bold, then its value on the same line. */
function labelled(words: ReportText, key: "status" | "rationale", value: string): Paragraph {
  const lines = value.split(/\r\n?|\n/);
  return new Paragraph({
    children: [new TextRun({ text: `${words.t(key)}${words.labelSeparator}`, bold: true }), ...lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined }))],
  });
}

/** The fourth column of one recommendation: the organisation's current assessment and the findings it linked. */
export function assessmentCell(words: ReportText, row: Pick<MatrixRow, "current" | "findings">): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const current = row.current;
  if (current) {
    paragraphs.push(labelled(words, "status", words.t("statusLine", { status: words.status(current.status), assessed: words.assessedText(current) })));
    if (current.rationale) paragraphs.push(labelled(words, "rationale", current.rationale));
    if (current.evidence.length > 0) {
      paragraphs.push(...textParagraphs([words.t("evidence")], true));
      paragraphs.push(...current.evidence.map((item) => evidenceLine(words, item)));
    }
  }
  if (row.findings.length > 0) {
    paragraphs.push(...textParagraphs([words.t("findings")], true));
    paragraphs.push(...row.findings.map((finding) => findingLine(words, finding)));
  }
  return paragraphs;
}

function headerRow(): TableRow {
  return new TableRow({ tableHeader: true, children: MATRIX_COLUMNS.map((title, column) => cell(textParagraphs([title], true), column)) });
}

function headingRow(heading: string): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [new TableCell({ columnSpan: 4, shading: { type: ShadingType.CLEAR, fill: "D9E2F3", color: "auto" }, children: textParagraphs([heading], true) })],
  });
}

function recommendationRow(words: ReportText, row: MatrixRow): TableRow {
  return new TableRow({
    children: [
      cell(textParagraphs(recommendationCell(row)), 0),
      cell(textParagraphs([positionCell(row)].filter((line) => line !== "")), 1),
      cell(textParagraphs(themesCell(row.themes)), 2),
      cell(assessmentCell(words, row), 3),
    ],
  });
}

export function matrixDocument(matrix: OhchrMatrix, lang: MidTermReportLanguage = "en"): Document {
  const words = reportText(lang);
  const title = matrixTitle(matrix.review);
  const rows = [headerRow()];
  for (const section of matrixSections(matrix.rows)) {
    if (section.heading) rows.push(headingRow(section.heading));
    rows.push(...section.rows.map((row) => recommendationRow(words, row)));
  }
  return new Document({
    creator: matrix.organization.name,
    title,
    description: words.t("matrixIntro", { organization: matrix.organization.name, banner: words.bannerLine(matrix) }),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: title, bold: true })] })] }) },
        children: [
          new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: words.t("matrixIntro", { organization: matrix.organization.name, banner: words.bannerLine(matrix) }) })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function formatOhchrMatrixDocx(matrix: OhchrMatrix, lang: MidTermReportLanguage = "en"): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(matrixDocument(matrix, lang)));
}

/**
 * "China, 2018 (3rd cycle) – OHCHR thematic list with the assessments of Heron Group.docx": the State's name and the
 * cycle as a reader says them, in the language asked. Characters a file system refuses become spaces.
 */
export function matrixFileName(matrix: OhchrMatrix, lang: MidTermReportLanguage = "en"): string {
  const words = reportText(lang);
  const name = words.t("matrixFileName", { review: words.reviewTitle(matrix), organization: matrix.organization.name });
  return `${safeFileName(name)}.docx`;
}

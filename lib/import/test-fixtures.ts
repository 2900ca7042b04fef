import JSZip from "jszip";

/**
 * Builds small .docx files for unit tests, so each rule of the OHCHR parser can be shown on a few rows instead of
 * a 300-row UN document. Test-only: nothing in the app imports this.
 */

/** A table row: one entry per cell, each cell a list of paragraphs; `span` merges a single cell over columns. */
export type FixtureRow = string[][] | { span: number; text: string };

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

function rowXml(row: FixtureRow): string {
  if (!Array.isArray(row)) {
    return `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="${row.span}"/></w:tcPr>${paragraph(row.text)}</w:tc></w:tr>`;
  }
  const cells = row.map((paras) => `<w:tc>${paras.length > 0 ? paras.map(paragraph).join("") : "<w:p/>"}</w:tc>`);
  return `<w:tr>${cells.join("")}</w:tr>`;
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx whose body holds `paragraphs` then one table of `rows`, and whose page header holds `headerRuns`. */
export async function buildDocx(options: {
  rows: FixtureRow[];
  paragraphs?: string[];
  /** Runs of the header's one paragraph: Word splits "(2nd Cycle" into pieces, and so can a test. */
  headerRuns?: string[];
}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = (options.paragraphs ?? []).map(paragraph).join("") + `<w:tbl>${options.rows.map(rowXml).join("")}</w:tbl>`;
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>${body}</w:body></w:document>`);
  if (options.headerRuns) {
    const runs = options.headerRuns.map((t) => `<w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r>`).join("");
    zip.file("word/header1.xml", `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${NS}><w:p>${runs}</w:p></w:hdr>`);
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

export const OLD_HEADER = ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"];
export const NEW_HEADER = [
  "Recommendation and recommending State",
  "Position of the State under review",
  "Human rights themes and groups of persons",
  "Relevant SDGs",
];

/** A 2nd/3rd-cycle data row. */
export function oldRow(numbered: string, position: string, themes: string[] = ["A12 Acceptance of international norms"]): string[][] {
  return [[numbered, "Source of position: A/HRC/40/6/Add.1 - Para. 2"], position ? [position] : [], [...themes, "Affected persons:", "- general"], []];
}

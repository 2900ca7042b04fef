import "server-only";
/** UN documents and findings (issue 19): their writes, their import and what their pages read. */
export { createFinding, createUnDocument, updateFinding, updateUnDocument } from "./write";
export { DOCUMENT_FINDINGS_SHOWN, getFindingPage, getUnDocumentPage } from "./read";
export type { DocumentFindingRow, FindingLinkRow, FindingPage, UnDocumentPage, UnDocumentSummary } from "./read";
export { importFindings } from "./import";

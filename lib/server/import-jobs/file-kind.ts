import "server-only";
import { detectFormat } from "@/lib/import";
import type { UploadRefusalCode } from "@/lib/import/upload-limits";
import type { UploadRefusal } from "@/lib/schemas/admin-import";

/**
 * Is an upload a file the importer reads at all? Decided from its first bytes (and its name where the bytes allow
 * several), before a child process is started for it: a PDF, an old .doc/.xls or a picture gets a clear 422 at once.
 * Which of the formats it is, and whether its layout is right, stays the parsers' question (lib/import).
 */

const MESSAGES: Record<UploadRefusalCode, string> = {
  empty: "the file is empty",
  pdf: "this is a PDF: download the list as a Word document (.docx), or the UPR Info or UHRI export (.csv, .xlsx, .json)",
  legacyOffice: "this is an old Word or Excel file (.doc, .xls): save it as .docx or .xlsx first",
  otherArchive: "this is a zip archive, but not a Word (.docx) or Excel (.xlsx) file",
  notArchive: "the name says Word or Excel, but the content is not a .docx or .xlsx file",
  notJson: "the name says .json, but the content is not JSON",
  binary: "this is not a document the importer reads (expected .docx, .csv, .xlsx or .json)",
  unknown: "neither an OHCHR list (.docx), a UPR Info export (.csv) nor a UHRI export (.xlsx, .json)",
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : "";
}

function refuse(code: UploadRefusalCode): UploadRefusal {
  return { error: "unsupported_file", code, message: MESSAGES[code] };
}

/** Null when the importer should read the file; otherwise why not. `head` is the file's first bytes (64 KiB is plenty). */
export function refuseUpload(head: Uint8Array, size: number, fileName: string): UploadRefusal | null {
  if (size === 0) return refuse("empty");
  const extension = extensionOf(fileName);
  if (startsWith(head, ZIP)) return extension === "" || extension === "docx" || extension === "xlsx" ? null : refuse("otherArchive");
  if (startsWith(head, OLE2)) return refuse("legacyOffice");
  if (new TextDecoder().decode(head.subarray(0, 5)) === "%PDF-") return refuse("pdf");
  if (extension === "docx" || extension === "xlsx") return refuse("notArchive");
  if (head.includes(0)) return refuse("binary");
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, "").trimStart();
  const json = text.startsWith("{") || text.startsWith("[");
  if (extension === "json") return json ? null : refuse("notJson");
  if (json || extension === "csv") return null;
  return detectFormat(Buffer.from(head), fileName) === null ? refuse("unknown") : null;
}

/**
 * The entry names of a zip archive, read synchronously from its central directory without inflating anything. Format
 * detection needs only the names ("xl/workbook.xml" is a spreadsheet, "word/document.xml" a Word document), and must
 * stay synchronous and cheap: the archive's safety is checked later, by lib/import/archive-guard.ts, before any
 * library opens it.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535 bytes. */
const END_SEARCH = 22 + 0xffff;
/** Detection only needs to find two well-known names; a directory longer than this is not an Office file. */
const MAX_NAMES = 10_000;

/** Entry names in directory order, or null when the buffer has no readable central directory (zip64 included). */
export function zipEntryNames(buffer: Buffer): string[] | null {
  const from = Math.max(0, buffer.length - END_SEARCH);
  let end = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  const offset = buffer.readUInt32LE(end + 16);
  if (offset === 0xffffffff || count === 0xffff) return null;

  const names: string[] = [];
  let at = offset;
  for (let n = 0; n < Math.min(count, MAX_NAMES); n++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== CENTRAL_DIRECTORY_HEADER) return null;
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) return null;
    names.push(buffer.toString("utf8", at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Which Office document a zip is, from the parts it holds: null when it is neither (or unreadable). */
export function officeKind(buffer: Buffer): "docx" | "xlsx" | null {
  const names = zipEntryNames(buffer);
  if (!names) return null;
  if (names.includes("xl/workbook.xml")) return "xlsx";
  if (names.includes("word/document.xml")) return "docx";
  return null;
}

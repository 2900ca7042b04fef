import zlib from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { ImportIssue } from "./types";
import { looksLikeXml, XmlGuard } from "./xml-guard";

/**
 * Checks an uploaded .docx or .xlsx before mammoth, jszip or exceljs opens it. Those libraries inflate whatever an
 * archive holds and parse its XML with no limits, so a zip bomb or a crafted XML part would exhaust the memory of
 * the server (or stall it) for every visitor. Here the archive is read with yauzl from its central directory:
 * 1. the directory: entry count, declared total size and compression ratio, no encryption, known compression;
 * 2. the layout: every entry's local header agrees with the directory, and entries neither overlap nor leave gaps,
 *    so exceljs (which walks local headers, not the directory) sees exactly the entries checked here;
 * 3. the data: every entry is inflated as a stream, counting bytes, and reading stops at the first byte past a limit
 *    (yauzl's validateEntrySizes also stops an entry that inflates past its declared size: the lying-header bomb);
 *    each XML part is scanned as it streams (lib/import/xml-guard.ts) for DOCTYPE/ENTITY and nesting depth, and its
 *    CRC-32 must be the one the directory records. Neither yauzl nor the libraries check it, and a damaged file whose
 *    deflate stream still decodes would otherwise import altered texts ("law enforcecoloreducation") without a word.
 * Nothing is kept in memory beyond one inflated chunk. The result is a list of issues (kind "file"), empty when the
 * archive is safe to hand on.
 */

export type ArchiveKind = "docx" | "xlsx";

export type ArchiveLimits = {
  maxEntries: number;
  /** Total uncompressed bytes, declared and actually inflated. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of one entry, checked once it has inflated `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
  maxXmlDepth: number;
};

const MB = 1024 * 1024;

/**
 * Limits relative to the 100 MB upload limit.
 * - Entries: Office files hold tens of parts (a few hundred with images); 10,000 leaves room and stops a directory
 *   crafted to be slow to walk.
 * - Size: office XML compresses 5–10×. A full UHRI export (~250,000 rows) inflates to a few hundred MB, which exceljs
 *   reads as a stream, so an .xlsx may inflate to 1 GiB (10× the upload limit). mammoth holds a .docx's whole
 *   document in memory as a tree, so a .docx gets 200 MB (an OHCHR list inflates to a few MB).
 * - Ratio: real parts stay well under 100×; deflate tops out near 1,030×, which only runs of identical bytes reach.
 *   200× (Apache POI refuses past 100×) after 1 MB, so small, very regular parts pass.
 * - Depth: Word nests tables a few dozen levels at most; 200 keeps recursive readers far from their stack limit.
 */
export const ARCHIVE_LIMITS: Record<ArchiveKind, ArchiveLimits> = {
  xlsx: { maxEntries: 10_000, maxTotalBytes: 1024 * MB, maxRatio: 200, ratioGraceBytes: MB, maxXmlDepth: 200 },
  docx: { maxEntries: 10_000, maxTotalBytes: 200 * MB, maxRatio: 200, ratioGraceBytes: MB, maxXmlDepth: 200 },
};

/** A data descriptor (bit 3 entries): optional signature, CRC, sizes; 24 bytes at most with zip64 sizes. */
const MAX_DESCRIPTOR = 24;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;

class Refusal extends Error {}

/** CRC-32 as zip records it: Node's own where it has one (20.15+), else the table-driven classic. */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
export const crc32: (data: Buffer, crc: number) => number =
  typeof zlib.crc32 === "function"
    ? zlib.crc32
    : (data, crc) => {
        let c = ~crc;
        for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
        return ~c >>> 0;
      };

function size(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Step 1: what the central directory declares. */
async function readDirectory(zip: ZipFile, kind: ArchiveKind, limits: ArchiveLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw new Refusal(`the archive has ${zip.entryCount} entries; a .${kind} may have at most ${limits.maxEntries}`);
  }
  const entries: Entry[] = [];
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entry.fileName;
    if (entry.isEncrypted()) throw new Refusal(`"${name}" is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new Refusal(`"${name}" uses compression method ${entry.compressionMethod} (only stored and deflated are read)`);
    }
    declared += entry.uncompressedSize;
    if (declared > limits.maxTotalBytes) {
      throw new Refusal(`the archive declares more than ${size(limits.maxTotalBytes)} uncompressed; a .${kind} may hold at most that`);
    }
    checkRatio(name, entry.uncompressedSize, entry.compressedSize, limits);
    entries.push(entry);
  }
  return entries;
}

function checkRatio(name: string, inflated: number, compressed: number, limits: ArchiveLimits): void {
  if (inflated > limits.ratioGraceBytes && inflated > compressed * limits.maxRatio) {
    throw new Refusal(`"${name}" inflates more than ${limits.maxRatio} times its compressed size: refused as a zip bomb`);
  }
}

/** Step 2: local headers agree with the directory, and the entries tile the file up to the directory. */
async function checkLayout(zip: ZipFile, entries: readonly Entry[], buffer: Buffer): Promise<void> {
  const extents: { start: number; end: number; slack: number; name: string }[] = [];
  for (const entry of entries) {
    const local = await zip.readLocalFileHeaderPromise(entry);
    const name = entry.fileName;
    const descriptor = (entry.generalPurposeBitFlag & 0x08) !== 0;
    const mismatch =
      !local.fileName.equals(entry.fileNameRaw) ||
      local.compressionMethod !== entry.compressionMethod ||
      (!descriptor && local.compressedSize !== 0xffffffff && local.compressedSize !== entry.compressedSize) ||
      (!descriptor && local.uncompressedSize !== 0xffffffff && local.uncompressedSize !== entry.uncompressedSize);
    if (mismatch) throw new Refusal(`"${name}" has a local header that contradicts the archive's directory`);
    const end = local.fileDataStart + entry.compressedSize;
    extents.push({ start: entry.relativeOffsetOfLocalHeader, end, slack: descriptor ? MAX_DESCRIPTOR : 0, name });
  }
  extents.sort((a, b) => a.start - b.start);
  let at = 0;
  let slack = 0;
  for (const extent of extents) {
    if (extent.start < at) throw new Refusal(`"${extent.name}" overlaps another entry: refused as a zip bomb`);
    if (extent.start > at + slack) throw new Refusal(`the archive holds data outside its directory (before "${extent.name}")`);
    at = extent.end;
    slack = extent.slack;
  }
  if (extents.length > 0 && !directoryWithin(buffer, at, at + slack)) {
    throw new Refusal("the archive holds data outside its directory (after its last entry)");
  }
}

/** Whether the central directory starts between `from` and `to` (the room a data descriptor may take). */
function directoryWithin(buffer: Buffer, from: number, to: number): boolean {
  for (let i = from; i <= to && i + 4 <= buffer.length; i++) {
    if (buffer.readUInt32LE(i) === CENTRAL_DIRECTORY_HEADER) return true;
  }
  return false;
}

/** Step 3: inflate every entry as a stream, counting bytes and scanning XML parts. */
async function checkData(zip: ZipFile, entries: readonly Entry[], kind: ArchiveKind, limits: ArchiveLimits): Promise<void> {
  let total = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    const name = entry.fileName;
    let inflated = 0;
    let crc = 0;
    let xml: XmlGuard | null | undefined;
    let stream;
    try {
      stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        crc = crc32(chunk, crc);
        total += chunk.length;
        if (total > limits.maxTotalBytes) {
          throw new Refusal(`the archive inflates to more than ${size(limits.maxTotalBytes)}; a .${kind} may hold at most that`);
        }
        checkRatio(name, inflated, entry.compressedSize, limits);
        if (xml === undefined) xml = looksLikeXml(chunk) ? new XmlGuard(limits.maxXmlDepth) : null;
        const problem = xml?.push(chunk);
        if (problem) throw new Refusal(`"${name}" ${problem}`);
      }
      if (crc !== entry.crc32) throw new Refusal(`"${name}" is damaged: its content does not match the checksum the archive records`);
    } catch (error) {
      stream?.destroy();
      if (error instanceof Refusal) throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (/too many bytes/.test(message)) {
        throw new Refusal(`"${name}" inflates to more than its declared size: refused as a zip bomb`);
      }
      throw new Refusal(`"${name}" cannot be inflated (${message.split("\n")[0]})`);
    }
  }
}

/**
 * Issues that make the archive unsafe to open (kind "file"), or [] when it is safe. Never throws, and stops at the
 * first refusal: a bomb is refused after reading at most the limits' worth of bytes, in seconds.
 */
export async function checkArchive(buffer: Buffer, kind: ArchiveKind, overrides: Partial<ArchiveLimits> = {}): Promise<ImportIssue[]> {
  const limits = { ...ARCHIVE_LIMITS[kind], ...overrides };
  let zip: ZipFile | null = null;
  try {
    try {
      zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split(".")[0] : "unknown error";
      return [{ location: "file", kind: "file", message: `not a readable .${kind} archive (${reason}); is it cut short?` }];
    }
    const entries = await readDirectory(zip, kind, limits);
    await checkLayout(zip, entries, buffer);
    await checkData(zip, entries, kind, limits);
    return [];
  } catch (error) {
    const message = error instanceof Refusal ? error.message : `not a readable .${kind} archive (${error instanceof Error ? error.message.split("\n")[0] : "unknown error"})`;
    return [{ location: "file", kind: "file", message }];
  } finally {
    zip?.close();
  }
}

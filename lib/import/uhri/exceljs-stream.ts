import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";

/**
 * exceljs 4.4.0's streaming WorkbookReader, with its UTF-8 decoding fixed. Its SAX step decodes each inflated chunk on
 * its own (lib/utils/parse-sax.js), so a character whose bytes straddle two chunks ("ô" in "Côte d'Ivoire", curly
 * quotes, every Chinese character) comes out as two U+FFFD (exceljs issue #2084, open). That step passes strings
 * through untouched, so the chunks are decoded here first, with one StringDecoder per part that carries a split
 * character over to the next chunk (a stream's own setEncoding does the same). The two hooks are internal methods of the pinned version; the unit tests
 * (uhri/xlsx.test.ts) read every non-ASCII text of a real list back exactly, so a change of version that breaks them
 * fails there.
 */

type Chunks = AsyncIterable<Buffer | string>;

async function* decodeUtf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}

/** The internal methods of WorkbookReader that receive a part's chunks. */
type ReaderInternals = {
  _parseSharedStrings: (entry: Readable) => AsyncGenerator<unknown>;
  _parseWorksheet: (iterator: Chunks, sheetNo: string) => Generator<unknown>;
};

export function streamingWorkbookReader(buffer: Buffer): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const internals = reader as unknown as ReaderInternals;
  const sharedStrings = internals._parseSharedStrings.bind(reader);
  const worksheet = internals._parseWorksheet.bind(reader);
  if (typeof sharedStrings !== "function" || typeof worksheet !== "function") {
    throw new Error("this exceljs version's stream reader is not the one the UTF-8 fix was written for");
  }
  // The shared strings part arrives as the zip entry's stream, which decodes itself once given an encoding.
  internals._parseSharedStrings = (entry) => sharedStrings(entry.setEncoding("utf8"));
  internals._parseWorksheet = (iterator, sheetNo) => worksheet(decodeUtf8(iterator), sheetNo);
  return reader;
}

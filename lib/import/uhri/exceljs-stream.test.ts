import worldCountries from "world-countries";
import { describe, expect, it } from "vitest";
import { streamingWorkbookReader } from "./exceljs-stream";
import { buildUhriXlsx } from "./test-fixtures";
import { cellText } from "./xlsx";

/** Reads column A of the first sheet back. */
async function firstColumn(buffer: Buffer): Promise<string[]> {
  const values: string[] = [];
  for await (const sheet of streamingWorkbookReader(buffer)) {
    for await (const row of sheet) values.push(cellText((row.values as unknown[])[1]));
    break;
  }
  return values;
}

describe("streamingWorkbookReader", () => {
  it.each([true, false])("reads characters whose bytes straddle two inflated chunks (shared strings: %s)", async (sharedStrings) => {
    // State names in Chinese, Russian and Arabic (from world-countries), numbered so each is its own shared string:
    // several hundred KB of multi-byte text, so many chunk boundaries fall inside a character.
    const names = worldCountries.flatMap((c) => [c.translations.zho?.common, c.translations.rus?.common, c.translations.ara?.common]);
    const texts = Array.from({ length: 6000 }, (_, i) => `${names[i % names.length] ?? "Côte d'Ivoire"} ${i}`);
    const buffer = await buildUhriXlsx(texts.map((Text) => ({ Text })), ["Text"], { sharedStrings });
    const read = await firstColumn(buffer);
    expect(read.filter((t) => t.includes("\ufffd"))).toEqual([]);
    expect(read).toEqual(["Text", ...texts]);
  });
});

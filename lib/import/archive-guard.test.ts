import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { realDataFile } from "@/tests/helpers/data-files";
import { ARCHIVE_LIMITS, checkArchive } from "./archive-guard";
import { parseImportFile } from "./index";
import { buildZip, deflated, stored, zeros } from "./test-zip";
import { buildUhriXlsx, referenceRows, uhriRowOf } from "./uhri/test-fixtures";

const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/** Runs `check`, and says how long it took and how much the process grew meanwhile. */
async function measured<T>(check: () => Promise<T>): Promise<{ result: T; ms: number; grewMb: number }> {
  const rss = process.memoryUsage().rss;
  const start = performance.now();
  const result = await check();
  return { result, ms: performance.now() - start, grewMb: (process.memoryUsage().rss - rss) / 1024 / 1024 };
}

const refusal = (message: string | RegExp) => [{ location: "file", kind: "file", message: expect.stringMatching(message) }];

describe("checkArchive", () => {
  it("passes the real OHCHR lists and an exceljs-written workbook", async () => {
    for (const file of ["ohchr/CHN-cycle3-2018-thematic-list.docx", "ohchr/SVN-cycle4-2025-thematic-list.docx"]) {
      expect(await checkArchive(readFileSync(realDataFile(file)), "docx")).toEqual([]);
    }
    const xlsx = await buildUhriXlsx(referenceRows().map((r) => uhriRowOf(r)));
    expect(await checkArchive(xlsx, "xlsx")).toEqual([]);
  });

  it("refuses a zip bomb by its declared ratio before inflating anything", async () => {
    // 256 MB of zeros deflate to about 250 KB: a ratio near 1,000, as zip bombs have.
    const bomb = buildZip([stored("xl/workbook.xml", WORKBOOK), await deflated("xl/worksheets/sheet1.xml", zeros(256))]);
    const { result, ms } = await measured(() => checkArchive(bomb, "xlsx"));
    expect(result).toEqual(refusal(/^"xl\/worksheets\/sheet1.xml" inflates more than 200 times its compressed size: refused as a zip bomb$/));
    expect(ms).toBeLessThan(1000);
  });

  it("stops a bomb that lies about its size as soon as it inflates past the lie", async () => {
    const lying = await deflated("xl/sharedStrings.xml", zeros(256), 100_000);
    const bomb = buildZip([stored("xl/workbook.xml", WORKBOOK), lying]);
    const { result, ms, grewMb } = await measured(() => checkArchive(bomb, "xlsx"));
    expect(result).toEqual(refusal(/^"xl\/sharedStrings.xml" inflates to more than its declared size: refused as a zip bomb$/));
    expect(ms).toBeLessThan(2000);
    expect(grewMb).toBeLessThan(100);
  });

  it("refuses a declared total over the limit", async () => {
    const parts = await Promise.all([1, 2, 3].map((n) => deflated(`xl/media/image${n}.bin`, [Buffer.from("x".repeat(400_000))])));
    const archive = buildZip([stored("xl/workbook.xml", WORKBOOK), ...parts]);
    expect(await checkArchive(archive, "xlsx", { maxTotalBytes: 1_000_000, maxRatio: 10_000 })).toEqual(
      refusal(/^the archive declares more than 977 KB uncompressed; a .xlsx may hold at most that$/),
    );
    expect(await checkArchive(archive, "xlsx", { maxRatio: 10_000 })).toEqual([]);
  });

  it("refuses too many entries from the directory alone", async () => {
    const parts = Array.from({ length: ARCHIVE_LIMITS.xlsx.maxEntries + 1 }, (_, i) => stored(`xl/media/e${i}.txt`, ""));
    const { result, ms } = await measured(() => checkArchive(buildZip(parts), "xlsx"));
    expect(result).toEqual(refusal(/^the archive has 10001 entries; a .xlsx may have at most 10000$/));
    expect(ms).toBeLessThan(1000);
  });

  it("refuses entries that overlap, hide outside the directory, or contradict their local header", async () => {
    const sheet = stored("xl/worksheets/sheet1.xml", "<worksheet/>");
    const workbook = stored("xl/workbook.xml", WORKBOOK);
    expect(await checkArchive(buildZip([workbook, sheet], [0, 1, 1]), "xlsx")).toEqual(refusal(/overlaps another entry: refused as a zip bomb$/));
    expect(await checkArchive(buildZip([workbook, sheet], [0]), "xlsx")).toEqual(refusal(/^the archive holds data outside its directory/));
    expect(await checkArchive(buildZip([workbook, sheet], [1]), "xlsx")).toEqual(refusal(/^the archive holds data outside its directory/));
    const contradicted = buildZip([workbook, { ...sheet, localSize: 5 }]);
    expect(await checkArchive(contradicted, "xlsx")).toEqual(refusal(/^"xl\/worksheets\/sheet1.xml" has a local header that contradicts the archive's directory$/));
  });

  it("refuses XML parts with a DOCTYPE or ENTITY declaration, and deep nesting", async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst>&lol1;</sst>';
    const withDoctype = buildZip([stored("xl/workbook.xml", WORKBOOK), stored("xl/sharedStrings.xml", laughs)]);
    expect(await checkArchive(withDoctype, "xlsx")).toEqual(refusal(/^"xl\/sharedStrings.xml" holds a DOCTYPE: XML with DOCTYPE or ENTITY declarations is refused/));
    const external = '<!ENTITY xxe SYSTEM "file:///etc/passwd">';
    const withEntity = buildZip([stored("word/document.xml", `<w:document>${external}</w:document>`)]);
    expect(await checkArchive(withEntity, "docx")).toEqual(refusal(/^"word\/document.xml" holds an ENTITY declaration/));
    const deep = await deflated("word/document.xml", [Buffer.from("<w:p>".repeat(100_000))]);
    expect(await checkArchive(buildZip([deep]), "docx")).toEqual(refusal(/^"word\/document.xml" nests elements more than 200 levels deep$/));
  });

  it("says so when the file is not a readable archive", async () => {
    const docx = readFileSync(realDataFile("ohchr/CHN-cycle3-2018-thematic-list.docx"));
    expect(await checkArchive(docx.subarray(0, docx.length - 100), "docx")).toEqual(refusal(/^not a readable .docx archive \(.*\); is it cut short\?$/));
  });
});

describe("parseImportFile with hostile archives", () => {
  it("refuses a .docx holding a billion laughs before mammoth reads it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("");
    zip.file("word/document.xml", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY lol0 "lol">${lol}]><w:document><w:body>&lol9;</w:body></w:document>`);
    const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const doc = await parseImportFile(buffer, { fileName: "list.docx" });
    expect(doc.format).toBe("ohchr-thematic-list");
    expect(doc.errors).toEqual(refusal(/^"word\/document.xml" holds a DOCTYPE/));
  });

  it("refuses an .xlsx zip bomb before exceljs reads it", async () => {
    const bomb = buildZip([stored("xl/workbook.xml", WORKBOOK), await deflated("xl/worksheets/sheet1.xml", zeros(64), 1000)]);
    const doc = await parseImportFile(bomb, { fileName: "export-full-en.xlsx" });
    expect(doc.format).toBe("uhri-xlsx");
    expect(doc.errors).toEqual(refusal(/zip bomb$/));
  });
});

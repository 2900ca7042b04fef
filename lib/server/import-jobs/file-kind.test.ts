import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { refuseUpload } from "./file-kind";

/** What the browser import refuses from a file's first bytes, before any parser or child process sees it. */
const head = (text: string): Uint8Array => new TextEncoder().encode(text);
const docx = fs.readFileSync(path.resolve("prisma", "data", "ohchr", "CHN-cycle3-2018-thematic-list.docx")).subarray(0, 65536);
const csv = fs.readFileSync(path.resolve("prisma", "data", "upr-info", "CHN-upr-info-2009-2013.csv")).subarray(0, 65536);

describe("refuseUpload", () => {
  it("lets through the kinds the importer reads, whatever the name says when the content is clear", () => {
    expect(refuseUpload(docx, 1000, "CHN-cycle3-2018-thematic-list.docx")).toBeNull();
    expect(refuseUpload(docx, 1000, "export-full-en.xlsx")).toBeNull();
    expect(refuseUpload(docx, 1000, "download")).toBeNull();
    expect(refuseUpload(csv, 1000, "CHN-upr-info-2009-2013.csv")).toBeNull();
    expect(refuseUpload(csv, 1000, "export.txt")).toBeNull();
    expect(refuseUpload(head('\uFEFF[{"Text":"…"}]'), 20, "export.json")).toBeNull();
    expect(refuseUpload(head('  {"items":[]}'), 20, "export")).toBeNull();
    expect(refuseUpload(head("Title,Date added,Template\n"), 30, "upr-info.csv")).toBeNull();
  });

  it("refuses what it is not, saying what it is", () => {
    const code = (bytes: Uint8Array, name: string, size = bytes.length): string | undefined => refuseUpload(bytes, size, name)?.code;
    expect(code(new Uint8Array(), "list.docx")).toBe("empty");
    expect(code(head("%PDF-1.7\n"), "A_HRC_40_6_E.pdf")).toBe("pdf");
    expect(code(head("%PDF-1.4\n"), "list.docx")).toBe("pdf");
    expect(code(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "list.doc")).toBe("legacyOffice");
    expect(code(docx, "slides.pptx")).toBe("otherArchive");
    expect(code(docx, "bundle.zip")).toBe("otherArchive");
    expect(code(head("To,From,Text\n"), "renamed.xlsx")).toBe("notArchive");
    expect(code(head("Text,Countries\n"), "export.json")).toBe("notJson");
    expect(code(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "scan.png")).toBe("binary");
    expect(code(head("Dear colleagues,\nthe list is attached.\n"), "notes.txt")).toBe("unknown");
  });
});

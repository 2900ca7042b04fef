import { describe, expect, it } from "vitest";
import { looksLikeXml, XmlGuard } from "./xml-guard";

/** Scans `xml` cut into chunks of `size` bytes, as an inflating stream would deliver it. */
function scan(xml: string | Buffer, size = 1 << 16, maxDepth = 200): string | null {
  const bytes = Buffer.isBuffer(xml) ? xml : Buffer.from(xml, "utf8");
  const guard = new XmlGuard(maxDepth);
  for (let i = 0; i < bytes.length; i += size) {
    const problem = guard.push(bytes.subarray(i, i + size));
    if (problem) return problem;
  }
  return null;
}

const OFFICE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="x"><w:body><w:p a="1>2" b=\'/>\'><w:r/><w:t>x &amp; y</w:t></w:p><!-- a <!DOCTYPE in a comment --><![CDATA[<!ENTITY in CDATA>]]></w:body></w:document>';

describe("XmlGuard", () => {
  it("passes ordinary Office XML, whatever the chunking", () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) expect(scan(OFFICE, size)).toBeNull();
  });

  it("refuses a DOCTYPE and an ENTITY declaration, even split across chunks", () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>';
    for (const size of [1, 2, 5, 1 << 16]) expect(scan(laughs, size)).toMatch(/^holds a DOCTYPE: XML with DOCTYPE or ENTITY declarations is refused/);
    expect(scan('<a><!ENTITY x SYSTEM "file:///etc/passwd"></a>')).toMatch(/^holds an ENTITY declaration/);
    expect(scan("<a><!ELEMENT a ANY></a>")).toMatch(/^holds a declaration \(<!ELEMENT…\)/);
  });

  it("counts depth, self-closing tags and quoted '>' included", () => {
    const nested = (n: number): string => "<a>".repeat(n) + '<b c="/>"/>' + "</a>".repeat(n);
    // 199 <a> and the <b/> inside: 200 levels.
    expect(scan(nested(199))).toBeNull();
    expect(scan(nested(200))).toBe("nests elements more than 200 levels deep");
    expect(scan("<a/>".repeat(10_000))).toBeNull();
  });

  it("refuses UTF-16, which a byte scanner cannot read", () => {
    expect(scan(Buffer.from("\ufeff<!DOCTYPE x><x/>", "utf16le"))).toMatch(/not encoded in UTF-8/);
    expect(scan(Buffer.from("<!DOCTYPE x><x/>", "utf16le"))).toMatch(/not encoded in UTF-8/);
  });

  it("tells XML parts from binary ones", () => {
    expect(looksLikeXml(Buffer.from('\ufeff\n <?xml version="1.0"?>'))).toBe(true);
    expect(looksLikeXml(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(looksLikeXml(Buffer.from("<x/>", "utf16le"))).toBe(true);
    expect(looksLikeXml(Buffer.from([0, 0, 1, 0]))).toBe(false);
  });
});

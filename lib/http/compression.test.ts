import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsCoding, chooseCoding, compress } from "./compression";

describe("acceptsCoding and chooseCoding", () => {
  it("read Accept-Encoding as browsers and clients send it", () => {
    expect(chooseCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseCoding("gzip, deflate")).toBe("gzip");
    expect(chooseCoding(["gzip", "br"])).toBe("br");
    expect(chooseCoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseCoding("*")).toBe("br");
    expect(chooseCoding("identity")).toBeNull();
    expect(chooseCoding(undefined)).toBeNull();
    expect(chooseCoding("gzip;q=0, br;q=0")).toBeNull();
    expect(acceptsCoding(" BR ; q=0.1", "br")).toBe(true);
    expect(acceptsCoding("brotli", "br")).toBe(false);
  });
});

describe("compress", () => {
  const body = Buffer.from(`<p>${"recommendation 28.66 accepted ".repeat(400)}</p>`);

  it("gives back the same bytes once decoded, at both levels, smaller than the original", async () => {
    for (const level of ["page", "static"] as const) {
      const br = await compress(body, "br", level);
      expect(brotliDecompressSync(br).equals(body)).toBe(true);
      expect(br.length).toBeLessThan(body.length / 10);
    }
    const gz = await compress(body, "gzip", "page");
    expect(gunzipSync(gz).equals(body)).toBe(true);
  });
});

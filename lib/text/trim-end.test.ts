import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "@/lib/import/test-runs";
import { trimEndWhere } from "./trim-end";

describe("trimEndWhere", () => {
  it("does what /[…]+$/ does", () => {
    const text = fc.string({ unit: fc.constantFrom(".", ";", ",", " ", "\t", "-", "–", "*", "a", "é"), maxLength: 12 });
    fc.assert(
      fc.property(text, (s) => {
        expect(trimEndWhere(s, /[\s.;,]/)).toBe(s.replace(/[\s.;,]+$/, ""));
        expect(trimEndWhere(s, /[\s\-–—,:]/)).toBe(s.replace(/[\s\-–—,:]+$/, ""));
      }),
      runs(500),
    );
  });

  it("takes linear time on a long run that does not end the text", () => {
    const start = performance.now();
    expect(trimEndWhere(`${".".repeat(1_000_000)}x.`, /[.]/)).toHaveLength(1_000_001);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

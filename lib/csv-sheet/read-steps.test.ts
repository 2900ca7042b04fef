import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "@/lib/import/test-runs";
import { steadyLongestStall } from "@/tests/helpers/event-loop-delay";
import { HOSTILE_SHEETS } from "@/tests/helpers/hostile-sheets";
import { readSheetRecords, readSheetRecordsInSteps } from "./read";

/**
 * The server reads an uploaded sheet in steps that give the event loop back: the same records as the reading at once,
 * and no step long enough to hold up another request, whatever the file (up to the 5 MB an upload may hold).
 */

const HEADER = "paragraph,status,version\r\n";

describe("readSheetRecordsInSteps", () => {
  it("reads the same records, or the same problem, as the reading at once", async () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.array(fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom("", '"', '""', "\r\n", "\n", "\r", ",", ";")), { maxLength: 5 }), { maxLength: 20 }).map((rows) => rows.map((r) => r.join(",")).join("\n")),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        expect(await readSheetRecordsInSteps(input)).toEqual(readSheetRecords(input));
      }),
      runs(200),
    );
  });

  it("reads records that span its steps (a cell cut in two, a character cut in two)", async () => {
    const long = `${"é中😀".repeat(20_000)}`;
    const text = `${HEADER}"28.1","${long}",1\n${"28.2,noted,2\n".repeat(3000)}`;
    expect(await readSheetRecordsInSteps(text)).toEqual(readSheetRecords(text));
  });

  it.each(Object.keys(HOSTILE_SHEETS))("never holds the event loop for long with %s", async (name) => {
    const text = HOSTILE_SHEETS[name]!();
    const { result, stallCpuMs, tookMs } = await steadyLongestStall(() => readSheetRecordsInSteps(text), 150, 5);
    // A step is a few ms of CPU; reading the 5 MB at once took 200 to 2,000. The process's CPU time also counts its
    // garbage collector's threads, which a loaded CI machine has seen reach 110 ms in one gap: hence 150.
    expect(stallCpuMs).toBeLessThan(150);
    expect(tookMs).toBeLessThan(20_000);
    if ("error" in result) expect(result.error.message).toMatch(/^the file /);
  });
});

import { describe, expect, it } from "vitest";
import { realDataFile } from "../helpers/data-files";
import { runCli } from "../helpers/run-cli-in-process";

/** An address nothing listens on: the command must not need a database. */
const NO_DATABASE = { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" };

describe("npm run upr -- classify", () => {
  it("prints one category per input line, in order, without a database", async () => {
    const input = [
      "Ratify the ICCPR",
      "",
      "Continue to ratify the outstanding instruments",
      "In line with the Paris Principles, establish an NHRI",
      "Consider a moratorium on the death penalty\r",
      "Share its experience with other developing countries",
      "Take further steps to protect journalists",
    ].join("\n");
    const result = await runCli(["classify"], NO_DATABASE, `${input}\n`);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("5\n\n2\n5\n3\n1\n4\n");
  });

  it("prints nothing for empty input, and answers a stray argument with a usage error", async () => {
    expect(await runCli(["classify"], NO_DATABASE, "")).toMatchObject({ code: 0, stdout: "" });
    const wrong = await runCli(["classify", "texts.txt"], NO_DATABASE, "Ratify the ICCPR\n");
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toContain("classify takes no arguments");
  });

  it("--evaluate prints the agreement with UPR Info's own categories and a 5×5 confusion matrix", async () => {
    const result = await runCli(["classify", "--evaluate", realDataFile("upr-info/CHN-upr-info-2009-2013.csv")], NO_DATABASE);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    const [, agree, rows] = lines[0]!.match(/^Agreement of verb-rules\/\d+ with UPR Info: (\d+) of (\d+) rows \(\d+\.\d %\)$/) ?? [];
    expect(Number(rows)).toBeGreaterThan(400);
    expect(lines.slice(1, 3)).toEqual([expect.stringMatching(/^ {2}China, cycle 1: \d+ of \d+ \(/), expect.stringMatching(/^ {2}China, cycle 2: \d+ of \d+ \(/)]);
    expect(lines).toContain("Confusion matrix (rows: UPR Info, columns: verb-rules/1)");
    const header = lines.findIndex((line) => line.startsWith("UPR Info \\ rule"));
    expect(lines[header]!.split(/\s+/).slice(-6)).toEqual(["1", "2", "3", "4", "5", "total"]);
    // Five rows of five counts and a row total, then the column totals: the diagonal is the agreement.
    const matrix = lines.slice(header + 1, header + 6).map((line, i) => {
      expect(line.startsWith(`${i + 1} `)).toBe(true);
      return line.trim().split(/\s+/).slice(-6).map(Number);
    });
    expect(matrix.reduce((sum, counts, i) => sum + counts[i]!, 0)).toBe(Number(agree));
    expect(matrix.reduce((sum, counts) => sum + counts[5]!, 0)).toBe(Number(rows));
    expect(lines[header + 6]!.trim().split(/\s+/).at(-1)).toBe(rows);
  });

  it("--evaluate --paragraphs pairs UPR Info's rows with their States' parts of the OHCHR list, and compares both ways", async () => {
    const result = await runCli(
      ["classify", "--evaluate", realDataFile("upr-info/CHN-upr-info-2009-2013.csv"), "--paragraphs", realDataFile("ohchr/CHN-cycle2-2013-thematic-list.docx")],
      NO_DATABASE,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    const at = lines.findIndex((line) => line.startsWith("Per State's part"));
    const [, paired, given] = lines[at]!.match(/: (\d+) of (\d+) UPR Info rows paired with their State's part$/) ?? [];
    // The 2013 rows of the export (cycle 2), nearly all paired.
    expect(Number(given)).toBe(284);
    expect(Number(paired)).toBeGreaterThan(270);
    const count = (line: string): number => Number(/:\s+(\d+) of/.exec(line)?.[1]);
    const [paragraph, part] = [count(lines[at + 1]!), count(lines[at + 2]!)];
    // Each State's part's own category agrees with UPR Info more often than the paragraph's one category.
    expect(part).toBeGreaterThan(paragraph);
    expect(lines[at + 3]).toMatch(/^ {2}in paragraphs joining several States \(\d+ rows\): paragraph's \d+ \(.*\), part's \d+ \(.*\)$/);
    const wrong = await runCli(["classify", "--evaluate", realDataFile("upr-info/CHN-upr-info-2009-2013.csv"), "--parts"], NO_DATABASE);
    expect(wrong).toMatchObject({ code: 2, stdout: "" });
    expect(wrong.stderr).toContain("--paragraphs");
  });

  it("--evaluate refuses a missing file or a file without UPR Info's columns", async () => {
    const missing = await runCli(["classify", "--evaluate", "no-such-file.csv"], NO_DATABASE);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("no-such-file.csv: no such file");
    const wrong = await runCli(["classify", "--evaluate", realDataFile("reference/CHN-cycle3-2018-parsed.csv")], NO_DATABASE);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("not a UPR Info export");
  });
});

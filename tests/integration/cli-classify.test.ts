import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli";

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
});

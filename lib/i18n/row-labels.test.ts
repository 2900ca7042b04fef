import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";
import { routing } from "./routing";
import { isSimpleMessage, rowLabel } from "./row-labels";

describe("rowLabel", () => {
  const viaIcu = (values: Record<string, string>) => `icu:${JSON.stringify(values)}`;

  it("fills the arguments of a message that has nothing else", () => {
    const label = rowLabel(": charts of the review of {state}, {cycle}", viaIcu);
    expect(label({ state: "France", cycle: "2008 (1st cycle)" })).toBe(": charts of the review of France, 2008 (1st cycle)");
    expect(rowLabel("：{state}{cycle}审议的图表", viaIcu)({ state: "法国", cycle: "第一轮" })).toBe("：法国第一轮审议的图表");
    expect(rowLabel("no arguments", viaIcu)({})).toBe("no arguments");
  });

  it("leaves any other ICU syntax to the formatter", () => {
    for (const template of ["{count, plural, one {# item} other {# items}}", "it''s {name}", "<b>{name}</b>", "{name} #"]) {
      expect(rowLabel(template, viaIcu)({ name: "x" }), template).toBe(`icu:${JSON.stringify({ name: "x" })}`);
    }
  });
});

describe("the messages the browser fills by rowLabel alone", () => {
  it.each(routing.locales)("are plain arguments in %s", async (locale) => {
    const byState = ((await loadMessages(locale)) as unknown as { home: { byState: Record<string, string> } }).home.byState;
    for (const key of ["reviewOf", "exploreOf"]) expect(isSimpleMessage(byState[key]!), key).toBe(true);
    expect(() => rowLabel("{count, plural, one {#} other {#}}")).toThrow();
  });
});

import { describe, expect, it } from "vitest";
import { keptValue, refused, submittedValues } from "./form-state";

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("form state", () => {
  it("keeps the text fields of a refused submission, without files or React's action fields", () => {
    const data = form([["rationale", "Pilot courts only"], ["$ACTION_ID_abc", ""], ["file", new Blob(["x"])], ["status", "regressed"]]);
    expect(submittedValues(data)).toEqual({ rationale: "Pilot courts only", status: "regressed" });
  });

  it("gives back what was typed after a refusal, and the fallback otherwise", () => {
    const state = refused(form([["rationale", "typed"]]), { message: "Correct the fields" });
    expect(state.ok).toBe(false);
    expect(keptValue(state, "rationale", "latest")).toBe("typed");
    expect(keptValue(state, "status", "not_assessed")).toBe("not_assessed");
    expect(keptValue({ ok: true, values: { rationale: "typed" } }, "rationale", "latest")).toBe("latest");
    expect(keptValue({ ok: false }, "rationale", "latest")).toBe("latest");
  });
});

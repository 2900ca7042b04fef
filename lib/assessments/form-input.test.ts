import { describe, expect, it } from "vitest";
import { assessmentInputSchema, evidenceSchema } from "@/lib/schemas/assessment";
import { fieldsKey, keptValue, refused } from "@/lib/form-state";
import { assessmentFieldErrors, assessmentFormInput } from "./form-input";

/** A stand-in translator that shows the key and its values, so a test reads which message was chosen. */
const t = (key: string, values?: Record<string, string | number>) => (values ? `${key} ${JSON.stringify(values)}` : key);

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const BASE = { status: "partially_implemented", assessedOn: "2026-06-30", rationale: "Fixture rationale", confidence: "medium", visibility: "public", expectedVersion: "2" };

describe("the assessment form's fields as the API body", () => {
  it("sends only the evidence rows with something in them, and remembers which row each came from", () => {
    const { input, rows } = assessmentFormInput(
      form({ ...BASE, "evidence.0.kind": "url", "evidence.1.kind": "url", "evidence.2.kind": "un-symbol", "evidence.2.reference": "A/HRC/40/6", "evidence.2.stance": "contradicts" }),
    );
    expect(rows).toEqual([2]);
    expect(input).toMatchObject({ expectedVersion: 2, evidence: [{ kind: "un-symbol", reference: "A/HRC/40/6", stance: "contradicts" }] });
    expect(assessmentInputSchema.safeParse(input).success).toBe(true);
  });

  it("refuses a row without a stance, naming the form's own row (there is no default stance)", () => {
    const { input, rows } = assessmentFormInput(form({ ...BASE, "evidence.0.kind": "url", "evidence.1.kind": "url", "evidence.1.reference": "https://example.org/report" }));
    const parsed = assessmentInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(assessmentFieldErrors(parsed.error!.issues, rows, t)).toEqual({ "evidence.1.stance": ['form.stanceRequired {"row":2}'] });
  });

  it("does not drop a row that has a stance or an excerpt but no reference: the reference is asked for", () => {
    const { input, rows } = assessmentFormInput(form({ ...BASE, "evidence.2.kind": "url", "evidence.2.excerpt": "para. 12", "evidence.2.stance": "context" }));
    expect(rows).toEqual([2]);
    const parsed = assessmentInputSchema.safeParse(input);
    expect(Object.keys(assessmentFieldErrors(parsed.error!.issues, rows, t))).toEqual(["evidence.2.reference"]);
  });

  it("refuses an unknown stance from a hand-made request as a missing choice, never a 500", () => {
    const parsed = evidenceSchema.safeParse({ kind: "url", reference: "https://example.org", stance: "maybe" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["stance"], message: expect.stringMatching(/contradicts the government's response, supports it, or is context only/) });
    expect(evidenceSchema.safeParse({ kind: "url", reference: "https://example.org", stance: "context" }).success).toBe(true);
  });
});

describe("the form after a save", () => {
  it("keeps what was typed after a refusal, and after a save starts from the new version instead", () => {
    const typed = form({ ...BASE, rationale: "typed, refused" });
    const refusal = refused(typed, { message: "Please correct the marked fields." });
    expect(keptValue(refusal, "rationale", "version 2's rationale")).toBe("typed, refused");
    const saved = { ok: true, message: "Saved as version 3." };
    expect(keptValue(saved, "rationale", "version 3's rationale")).toBe("version 3's rationale");
    // The fields' key changes after a refusal and stays "fields" after a save; the form adds the latest version's id.
    expect(fieldsKey(refusal)).not.toBe(fieldsKey(saved));
    expect(fieldsKey(saved)).toBe("fields");
  });
});

import type { Locator } from "@playwright/test";

/** The evidence stances as the assessment form words them, against the government's response, in each language. */
export const STANCE_CHOICE = {
  en: { contradicts: "Contradicts the government’s response", supports: "Supports it", context: "Context only" },
  zh: { contradicts: "与政府的答复相矛盾", supports: "支持政府的答复", context: "仅为背景信息" },
} as const;

/** Chooses an evidence row's stance (a required choice with no default) in the assessment form. */
export async function chooseStance(form: Locator, row: number, stance: string, locale: "en" | "zh" = "en"): Promise<void> {
  const group = form.getByRole("radiogroup", { name: new RegExp(`^${locale === "en" ? "Evidence" : "证据"} ${row} ${locale === "en" ? "Stance" : "倾向"}`) });
  await group.getByRole("radio", { name: STANCE_CHOICE[locale][stance as keyof (typeof STANCE_CHOICE)["en"]] }).check();
}

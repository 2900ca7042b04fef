import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { PASSKEY_ERRORS, passkeyWords } from "./passkey-words";

describe("passkeyWords", () => {
  it.each(["en", "zh"] as const)("gives the passkey button every word it shows, in %s", async (locale) => {
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "auth.passkey" }) as unknown as (key: string) => string;
    const words = passkeyWords(t);
    expect(Object.keys(words.errors).sort()).toEqual([...PASSKEY_ERRORS].sort());
    for (const text of [words.or, words.button, words.pending, ...Object.values(words.errors)]) {
      expect(text.length).toBeGreaterThan(1);
      expect(text).not.toContain("auth.passkey");
    }
    expect(new Set(Object.values(words.errors)).size).toBe(PASSKEY_ERRORS.length);
  });
});

import "server-only";
import { createFormatter, createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { routing, type Locale } from "@/lib/i18n/routing";

/**
 * next-intl's plain translator for one namespace (from use-intl's core, which next-intl is built on: no React, so the
 * CSV route also runs in the benchmark scripts, outside Next), the same inside a page, a route handler or a test.
 */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** One of the interface's languages: `locale` when it is one, else the default. */
export function interfaceLocale(locale: string): Locale {
  return (routing.locales as readonly string[]).includes(locale) ? (locale as Locale) : routing.defaultLocale;
}

export async function translator(locale: string, namespace: string): Promise<Translate> {
  const language = interfaceLocale(locale);
  return createTranslator({ locale: language, messages: await loadMessages(language), namespace: namespace as never }) as unknown as Translate;
}

/** Joins names as `locale` does: "A, B and C", "A、B和C" (next-intl's `format.list`). */
export function listJoiner(locale: string): (names: string[]) => string {
  const format = createFormatter({ locale: interfaceLocale(locale) });
  return (names) => format.list(names);
}

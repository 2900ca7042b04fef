import type { Locale } from "../routing";

/**
 * The message catalogues, one JSON file per namespace and locale (lib/i18n/messages/<locale>/<namespace>.json), so
 * each part of the interface is translated in its own file. A new namespace is added here and in both locales.
 */
export const NAMESPACES = [
  "common",
  "home",
  "explorer",
  "detail",
  "states",
  "charts",
  "reports",
  "statusSheet",
  "adminImport",
  "responseWording",
  "audit",
  "auth",
  "terms",
  "csv",
  "account",
  "organisation",
  "accounts",
  "cycles",
  "actionCategories",
  "search",
  "finder",
  "assessments",
  "findings",
  "calendar",
  "findingLinks",
] as const;

export type Namespace = (typeof NAMESPACES)[number];
export type Catalogue = Record<Namespace, Record<string, unknown>>;

/** All namespaces of one locale, keyed by namespace (`t = useTranslations("home")` reads `messages.home`). */
export async function loadMessages(locale: Locale): Promise<Catalogue> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const file = (await import(`./${locale}/${namespace}.json`)) as { default: Record<string, unknown> };
      return [namespace, file.default] as const;
    }),
  );
  return Object.fromEntries(entries) as Catalogue;
}

/**
 * A message catalogue handed to client components: a whole namespace ("finder") or one part of it ("finder.suggest").
 * A page sends the browser only what its own client components read (components/i18n/client-messages.tsx); the rest
 * is read on the server alone, so a page stays light on a slow link. The root layout hands over none: a page without
 * such a wrapper carries neither catalogue nor message formatter (lib/i18n/client-messages.test.ts scans for them).
 */
export type ClientMessageKey = Namespace | `${Namespace}.${string}`;

/** The named namespaces and parts of `messages`, nested as `useTranslations` reads them; a missing one is left out. */
export function pickMessages(messages: Record<string, unknown>, keys: readonly ClientMessageKey[]): Record<string, unknown> {
  const picked: Record<string, Record<string, unknown>> = {};
  for (const key of keys) {
    const [namespace, part] = key.split(".", 2) as [string, string | undefined];
    const catalogue = messages[namespace];
    if (typeof catalogue !== "object" || catalogue === null) continue;
    if (part === undefined) {
      picked[namespace] = { ...picked[namespace], ...(catalogue as Record<string, unknown>) };
    } else if (part in catalogue) {
      picked[namespace] = { ...picked[namespace], [part]: (catalogue as Record<string, unknown>)[part] };
    }
  }
  return picked;
}

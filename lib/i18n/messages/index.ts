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
 * The namespaces that client components (and what they import) read. Only these travel to the browser with every
 * page: the others (home, states, reports, audit, csv) are read on the server alone, so a page stays light. A page
 * whose client components need another namespace hands it over itself (adminImport: app/[locale]/admin/import; responseWording: app/[locale]/admin/response-wording).
 */
export const CLIENT_NAMESPACES = ["common", "detail", "assessments", "charts", "statusSheet", "auth", "terms", "finder", "findingLinks"] as const satisfies readonly Namespace[];

/**
 * Of these client namespaces the browser reads only some parts: every `useTranslations` of the namespace names one of
 * them (lib/i18n/client-messages.test.ts scans the code for it). The rest (the chart texts, built on the server by
 * lib/charts/chart-text.ts; the assessment actions' messages) stays on the server, so every page ships less.
 */
export const CLIENT_NAMESPACE_PARTS: Partial<Record<(typeof CLIENT_NAMESPACES)[number], readonly string[]>> = {
  charts: ["figure"],
  assessments: ["claim", "panel", "form", "withdraw"],
  findingLinks: ["form"],
};

export function clientMessages<T extends Record<string, unknown>>(messages: T): Partial<T> {
  const client = Object.entries(messages).filter(([namespace]) => (CLIENT_NAMESPACES as readonly string[]).includes(namespace));
  return Object.fromEntries(
    client.map(([namespace, catalogue]) => {
      const parts = CLIENT_NAMESPACE_PARTS[namespace as (typeof CLIENT_NAMESPACES)[number]];
      if (!parts || typeof catalogue !== "object" || catalogue === null) return [namespace, catalogue];
      const all = catalogue as Record<string, unknown>;
      return [namespace, Object.fromEntries(parts.filter((part) => part in all).map((part) => [part, all[part]]))];
    }),
  ) as Partial<T>;
}

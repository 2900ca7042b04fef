/**
 * Which text of a recommendation to show in which interface language. Recommendation texts are never translated by
 * this project: a page shows an official version in the reader's language when one was imported, else the text as
 * published, and always says which language the shown text is in (the `lang` attribute, and a note when it differs
 * from the interface). Pure, so server pages and client tables pick the same way.
 */

/** Another official language version of a recommendation's text, exactly as that document prints it. */
export type OfficialText = { language: string; text: string };

/** What a page shows, with the language it is in (BCP 47) and whether it is the text as first published. */
export type ShownText = { text: string; language: string; published: boolean };

/** The interface language a text falls back to when a page has no locale. */
export const DEFAULT_UI_LOCALE = "en";

/** The primary language subtag, lower-cased: "zh-Hans" and "zh" are both "zh". */
function primaryLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

/** True when two BCP 47 tags name the same language (script and region ignored: "zh-Hans" matches the "zh" locale). */
export function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b);
}

/**
 * The official version in the locale's language if one exists, else the published text. The published text wins when
 * it is itself in the locale's language.
 */
export function pickRecommendationText(
  published: { text: string; textLanguage: string },
  officialTexts: readonly OfficialText[],
  locale: string,
): ShownText {
  if (!sameLanguage(published.textLanguage, locale)) {
    const official = officialTexts.find((version) => sameLanguage(version.language, locale));
    if (official) return { text: official.text, language: official.language, published: false };
  }
  return { text: published.text, language: published.textLanguage, published: true };
}

/** "English", "Chinese": the language's name in English (the interface catalogues will carry the wording). */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** "Official text in English" when the shown text's language differs from the interface's, else null. */
export function textLanguageNote(language: string, locale: string): string | null {
  return sameLanguage(language, locale) ? null : `Official text in ${languageName(language)}`;
}

/** The UI locale of a route's params (`app/[locale]/…`), or the default where a route has none. */
export function localeFromParams(params: unknown): string {
  const locale = params && typeof params === "object" && "locale" in params ? params.locale : undefined;
  return typeof locale === "string" && locale !== "" ? locale : DEFAULT_UI_LOCALE;
}

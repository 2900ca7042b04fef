import countries from "i18n-iso-countries/index";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";
import { getCountry } from "@/lib/countries";

/**
 * Country names for the interface language, from one place. English is the app's own UN short name ("Türkiye",
 * "Viet Nam", as the UPR documents print them); Chinese comes from i18n-iso-countries. Only the two locales the site
 * speaks are registered, imported statically so a bundler takes these two files and not the library's hundred.
 *
 * Server-side: lib/countries.ts carries the world-countries table. Pages look names up on the server and pass them to
 * client components as props.
 */

countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * Where the UN's Chinese term names a different entity than the library's: the observer is the Holy See (教廷), not
 * the Vatican City State (梵蒂冈), and the State of Palestine (巴勒斯坦国), as UN documents in Chinese print them.
 */
const ZH_UN_NAMES: Readonly<Record<string, string>> = {
  PSE: "巴勒斯坦国",
  VAT: "教廷",
};

/** `zh`, `zh-CN`, `zh-Hans` → Chinese; anything else → English, the default locale. */
function isChinese(locale: string): boolean {
  return locale.toLowerCase().split(/[-_]/)[0] === "zh";
}

/** The English name: the app's UN short name, else the library's, else the code itself. */
function englishName(code: string): string {
  return getCountry(code)?.name ?? countries.getName(code, "en") ?? code;
}

/**
 * The name of a State in the reader's language: `countryName("CHN", "zh")` is 中国, `countryName("TUR", "en")`
 * Türkiye. Never throws: an unknown code falls back to the English name, and an unknown State to the code as given.
 */
export function countryName(iso3: string, locale: string): string {
  const code = iso3.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return iso3;
  if (isChinese(locale)) return ZH_UN_NAMES[code] ?? countries.getName(code, "zh") ?? englishName(code);
  return englishName(code);
}

/** ISO3 → name for many States at once, for a server component to hand to a client component as a prop. */
export function countryNames(iso3s: Iterable<string>, locale: string): Record<string, string> {
  return Object.fromEntries([...new Set(iso3s)].map((iso3) => [iso3, countryName(iso3, locale)]));
}

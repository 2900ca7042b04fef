import { getLocale, getTranslations } from "next-intl/server";
import { joinNames } from "@/components/recommendations/cycle-term";
import { countryName } from "@/lib/i18n/countries";

/** `cycle=2031`: no loaded review was held that year (of the States under review asked for), so it was left out. */
export async function UnknownYearsNotice({ years, sur }: { years: number[]; sur: string[] }) {
  if (years.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("cycles"), getLocale()]);
  const states = sur.length === 0 ? "any" : joinNames(sur.map((iso3) => countryName(iso3, locale)), locale);
  return (
    <p className="notice" role="status" data-testid="unknown-year">
      {t("unknownYear", { states, years: joinNames(years.map(String), locale) })}
    </p>
  );
}

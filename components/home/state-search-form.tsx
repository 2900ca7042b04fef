import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { getPathname } from "@/lib/i18n/navigation";

/**
 * The first page's State search: a plain GET form to the States index (`/states?q=`), which lists the States whose
 * names, abbreviations, Chinese names or ISO3 codes match, each a link to its page. Works the same without JavaScript.
 */
export function StateSearchForm() {
  const id = useId();
  const t = useTranslations("finder.stateSearch");
  const locale = useLocale();
  return (
    <form role="search" method="get" action={getPathname({ href: "/states", locale })} className="state-search" data-testid="home-state-search">
      <label htmlFor={`${id}-q`} className="field-label">
        {t("label")}
      </label>
      <div className="search-row">
        <input id={`${id}-q`} name="q" type="search" maxLength={60} placeholder={t("placeholder")} autoComplete="off" />
        <button type="submit">{t("submit")}</button>
      </div>
    </form>
  );
}

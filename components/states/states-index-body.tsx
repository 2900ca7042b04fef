import { useLocale, useTranslations } from "next-intl";
import { rankStateKeys, searchKey } from "@/lib/countries/name-search";
import { stateSearchKeys } from "@/lib/countries/search";
import { countryName } from "@/lib/i18n/countries";
import { getPathname } from "@/lib/i18n/navigation";
import { Fragment } from "react";
import type { StateIndex as StateIndexData } from "@/lib/server/states";
import { StateIndex } from "./state-index";

/**
 * The States index: the States under review (each a link to its page), and every recommending State with its search.
 * A search (`?q=`, from this page or the first page's form) narrows the States under review too, so a State that was
 * reviewed but recommended nothing is still found. Its hundreds of links are plain anchors: a client-side link each
 * would cost more to serialise and render than the rest of the page.
 */
export function StatesIndexBody({ index: { recommending, underReview: all }, q }: { index: StateIndexData; q: string }) {
  const t = useTranslations("states.index");
  const locale = useLocale();
  const key = searchKey(q);
  const underReview = key ? all.filter((state) => rankStateKeys(key, stateSearchKeys(state.iso3)) !== null) : all;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {underReview.length > 0 ? (
        <p>
          {t("underReview")}{" "}
          {underReview.map((state, index) => (
            <Fragment key={state.iso3}>
              {index > 0 ? t("listSeparator") : ""}
              <a href={getPathname({ href: `/states/${state.iso3}`, locale })}>{countryName(state.iso3, locale)}</a>
            </Fragment>
          ))}
        </p>
      ) : null}
      {recommending.length > 0 ? (
        <StateIndex states={recommending} q={q} />
      ) : (
        <div className="empty-state" role="status">
          <h2>{t("empty")}</h2>
        </div>
      )}
    </>
  );
}

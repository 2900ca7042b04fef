import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { StateIndex } from "@/components/states/state-index";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { listStateSummaries } from "@/lib/server/states";

export async function generateMetadata({ params }: PageProps<"/[locale]/states">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "states" });
  return { title: t("index.metaTitle") };
}

export default async function StatesPage() {
  await connection();
  const [{ recommending, underReview }, t, locale] = await Promise.all([listStateSummaries(), getTranslations("states.index"), getLocale()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      {underReview.length > 0 ? (
        <p>
          {t("underReview")}{" "}
          {underReview.map((state, index) => (
            <span key={state.iso3}>
              {index > 0 ? t("listSeparator") : ""}
              <Link href={`/states/${state.iso3}`}>{countryName(state.iso3, locale)}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {recommending.length > 0 ? (
        <StateIndex states={recommending} />
      ) : (
        <div className="empty-state" role="status">
          <h2>{t("empty")}</h2>
        </div>
      )}
    </>
  );
}

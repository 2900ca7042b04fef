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

export default async function StatesPage({ searchParams }: PageProps<"/[locale]/states">) {
  await connection();
  // The States search (`?q=`, its form works without JavaScript): the first value, at most 60 characters.
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).trim().slice(0, 60);
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
        <StateIndex states={recommending} q={q} />
      ) : (
        <div className="empty-state" role="status">
          <h2>{t("empty")}</h2>
        </div>
      )}
    </>
  );
}

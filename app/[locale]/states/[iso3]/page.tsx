import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { OwnReviewsTable } from "@/components/states/own-reviews-table";
import { RecommendedTable } from "@/components/states/recommended-table";
import { StateHeading } from "@/components/states/state-heading";
import { countryName } from "@/lib/i18n/countries";
import { localizedAlternates } from "@/lib/i18n/metadata";
import { routing } from "@/lib/i18n/routing";
import { iso3ParamSchema } from "@/lib/schemas/route-params";
import { getStateProfile, type StateProfile } from "@/lib/server/states";

type Props = { params: Promise<{ locale: string; iso3: string }> };

/** `/states/est` works like `/states/EST`; a code that is no UN Member or observer State is a 404. */
async function load(params: Props["params"]): Promise<StateProfile> {
  const iso3 = iso3ParamSchema.safeParse((await params).iso3);
  const profile = iso3.success ? await getStateProfile(iso3.data) : null;
  if (!profile) notFound();
  return profile;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ state }, { locale }] = await Promise.all([load(params), params]);
  return { title: countryName(state.iso3, locale), alternates: localizedAlternates(`/states/${state.iso3}`, hasLocale(routing.locales, locale) ? locale : routing.defaultLocale) };
}

export default async function StatePage({ params }: Props) {
  const [profile, t, locale] = await Promise.all([load(params), getTranslations("states.page"), getLocale()]);
  const { state, recommended, reviews } = profile;
  const name = countryName(state.iso3, locale);
  return (
    <>
      <StateHeading profile={profile} />
      {reviews.length > 0 ? (
        <section aria-labelledby="reviews-heading">
          <h2 id="reviews-heading">{t("reviewsHeading", { name })}</h2>
          <p className="muted">{t("reviewsIntro", { name })}</p>
          <OwnReviewsTable state={state} reviews={reviews} />
        </section>
      ) : null}
      <section aria-labelledby="recommended-heading">
        <h2 id="recommended-heading">{t("recommendedHeading", { name })}</h2>
        {recommended.length > 0 ? (
          <>
            <p className="muted">{t("recommendedIntro")}</p>
            <RecommendedTable state={state} groups={recommended} />
          </>
        ) : (
          <p className="muted">{t("noneMade", { name })}</p>
        )}
      </section>
    </>
  );
}

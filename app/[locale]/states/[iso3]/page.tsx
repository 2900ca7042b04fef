import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatePageBody } from "@/components/states/state-page-body";
import { countryName } from "@/lib/i18n/countries";
import { localizedAlternates } from "@/lib/i18n/metadata";
import { routing } from "@/lib/i18n/routing";
import { iso3ParamSchema } from "@/lib/schemas/route-params";
import { statePageParamsSchema } from "@/lib/schemas/state-page";
import { getStateProfile, type StateProfile } from "@/lib/server/states";

type Props = { params: Promise<{ locale: string; iso3: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One query per request: the metadata and the page read the same profile. */
const profileOf = cache((iso3: string) => getStateProfile(iso3));

/** `/states/est` works like `/states/EST`; a code that is no UN Member or observer State is a 404. */
async function load(params: Props["params"]): Promise<StateProfile> {
  const iso3 = iso3ParamSchema.safeParse((await params).iso3);
  const profile = iso3.success ? await profileOf(iso3.data.toUpperCase()) : null;
  if (!profile) notFound();
  return profile;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ state }, { locale }] = await Promise.all([load(params), params]);
  return { title: countryName(state.iso3, locale), alternates: localizedAlternates(`/states/${state.iso3}`, hasLocale(routing.locales, locale) ? locale : routing.defaultLocale) };
}

export default async function StatePage({ params, searchParams }: Props) {
  const [profile, { page }] = await Promise.all([load(params), searchParams.then((raw) => statePageParamsSchema.parse(raw))]);
  return <StatePageBody profile={profile} page={page} />;
}

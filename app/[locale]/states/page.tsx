import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { StatesIndexBody } from "@/components/states/states-index-body";
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
  return <StatesIndexBody index={await listStateSummaries()} q={q} />;
}

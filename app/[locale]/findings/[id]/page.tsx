import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { FindingForm } from "@/components/findings/finding-form";
import { FindingLinks } from "@/components/findings/finding-links";
import { FindingView } from "@/components/findings/finding-view";
import { updateFindingAction } from "@/lib/actions/findings";
import { COUNTRIES } from "@/lib/countries";
import { findingPermissions } from "@/lib/findings/permissions";
import { countryName } from "@/lib/i18n/countries";
import { recommendationIdSchema } from "@/lib/schemas/route-params";
import { getFindingPage, type FindingPage } from "@/lib/server/findings";
import { getViewer } from "@/lib/server/permissions";
import styles from "@/components/findings/findings.module.css";

type Props = { params: Promise<{ id: string }> };

/** A malformed or unknown id is a page that does not exist, never an error. */
async function load(params: Props["params"]): Promise<FindingPage> {
  const id = recommendationIdSchema.safeParse((await params).id);
  const finding = id.success ? await getFindingPage(id.data) : null;
  if (!finding) notFound();
  return finding;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [finding, t] = await Promise.all([load(params), getTranslations("findings.finding")]);
  return { title: t("metaTitle", { body: finding.document.body, symbol: finding.document.symbol }) };
}

export default async function FindingPageRoute({ params }: Props) {
  const [finding, viewer, locale, messages] = await Promise.all([load(params), getViewer(), getLocale(), getMessages()]);
  const may = findingPermissions(viewer, finding);
  const t = await getTranslations("findings.finding");
  const states = may.edit ? COUNTRIES.map((c) => ({ iso3: c.iso3, name: countryName(c.iso3, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)) : [];
  return (
    <article className="finding-detail">
      <FindingView finding={finding} locale={locale} />
      <FindingLinks links={finding.links} locale={locale} />
      {may.edit ? (
        <details className={styles.edit}>
          <summary>{t("editHeading")}</summary>
          <NextIntlClientProvider messages={{ findings: messages.findings }}>
            <FindingForm
              action={updateFindingAction.bind(null, finding.id)}
              states={states}
              idPrefix="finding-edit"
              initial={{ paragraph: finding.paragraph, text: finding.text, stateIso3: finding.stateIso3, themes: finding.themes.map((th) => th.name), affectedPersons: finding.affectedPersons }}
            />
          </NextIntlClientProvider>
        </details>
      ) : null}
    </article>
  );
}

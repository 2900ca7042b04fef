import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { FindingPage } from "@/lib/server/findings";
import { documentHref } from "@/lib/findings/paths";
import { SourceLink } from "./source-link";
import styles from "./findings.module.css";

/** A finding: its document, date, paragraph and State, the passage word for word, its themes and where to read it. */
export async function FindingView({ finding, locale }: { finding: FindingPage; locale: string }): Promise<ReactElement> {
  const [t, format] = await Promise.all([getTranslations("findings"), getFormatter()]);
  const { document } = finding;
  const date = document.date ? format.dateTime(new Date(`${document.date}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : t("finding.noDate");
  return (
    <>
      <header>
        <p className={styles.kicker}>{t("finding.kicker")}</p>
        <h1>{t("finding.title", { body: document.body })}</h1>
        <dl className={styles.facts}>
          <div>
            <dt>{t("finding.document")}</dt>
            <dd>
              <Link href={documentHref(document.symbol)} data-testid="finding-document-link">{document.symbol}</Link>
            </dd>
          </div>
          <div>
            <dt>{t("finding.mechanism")}</dt>
            <dd>{t(`mechanisms.${document.mechanism}`)}</dd>
          </div>
          <div>
            <dt>{t("finding.date")}</dt>
            <dd>{date}</dd>
          </div>
          <div>
            <dt>{t("finding.paragraph")}</dt>
            <dd>{finding.paragraph ?? t("finding.noParagraph")}</dd>
          </div>
          <div>
            <dt>{t("finding.state")}</dt>
            <dd>{countryName(finding.stateIso3, locale)}</dd>
          </div>
        </dl>
      </header>
      <section aria-labelledby="finding-passage-heading">
        <h2 id="finding-passage-heading">{t("finding.passage")}</h2>
        <blockquote className={styles.passage} lang={document.language} data-testid="finding-text">
          {finding.text}
        </blockquote>
        <p className="muted">{t("finding.passageNote")}</p>
        <p>
          <SourceLink document={document} locale={locale} />
        </p>
        {finding.themes.length > 0 ? (
          <>
            <h3>{t("finding.themes")}</h3>
            <ul className={styles.tags}>
              {finding.themes.map((theme) => (
                <li key={theme.slug}>{theme.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        {finding.affectedPersons.length > 0 ? (
          <>
            <h3>{t("finding.affectedPersons")}</h3>
            <ul className={styles.tags}>
              {finding.affectedPersons.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="muted">{finding.uhriId ? t("finding.imported", { id: finding.uhriId }) : t("finding.added")}</p>
      </section>
    </>
  );
}

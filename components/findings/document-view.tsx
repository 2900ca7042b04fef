import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { UnDocumentPage } from "@/lib/server/findings";
import { SourceLink } from "./source-link";
import styles from "./findings.module.css";

const EXCERPT = 280;

/** A UN document and its findings, each linked to its own page. */
export async function DocumentView({ page, locale }: { page: UnDocumentPage; locale: string }): Promise<ReactElement> {
  const [t, format] = await Promise.all([getTranslations("findings"), getFormatter()]);
  const { document, findings, total } = page;
  return (
    <>
      <header>
        <p className={styles.kicker}>{t("document.kicker")}</p>
        <h1 className={styles.symbol}>{document.symbol}</h1>
        {document.title ? <p className="lede" lang={document.language}>{document.title}</p> : null}
        <dl className={styles.facts}>
          <div>
            <dt>{t("document.body")}</dt>
            <dd>{document.body}</dd>
          </div>
          <div>
            <dt>{t("document.mechanism")}</dt>
            <dd>{t(`mechanisms.${document.mechanism}`)}</dd>
          </div>
          {document.date ? (
            <div>
              <dt>{t("document.date")}</dt>
              <dd>{format.dateTime(new Date(`${document.date}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("document.language")}</dt>
            <dd>{document.language}</dd>
          </div>
        </dl>
        <p>
          <SourceLink document={document} locale={locale} />
        </p>
      </header>
      <section aria-labelledby="document-findings-heading">
        <h2 id="document-findings-heading">{t("document.findingsHeading")}</h2>
        <p>{t("document.count", { count: total })}</p>
        {total > findings.length ? <p className="muted">{t("document.shown", { shown: findings.length, total })}</p> : null}
        <ol className={styles.items} data-testid="document-findings">
          {findings.map((f) => (
            <li key={f.id}>
              <p>
                <strong>{f.paragraph ? t("document.paragraph", { paragraph: f.paragraph }) : t("document.noParagraph")}</strong>
                {" · "}
                {countryName(f.stateIso3, locale)}
                {" · "}
                <span className="muted">{t("document.links", { count: f.links })}</span>
              </p>
              <p lang={document.language}>{f.text.length > EXCERPT ? `${f.text.slice(0, EXCERPT)}…` : f.text}</p>
              <p>
                <Link href={`/findings/${f.id}`} data-testid="document-finding-link">{t("document.open")}</Link>
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

import { Link } from "@/lib/i18n/navigation";
import type { FindingLinkView } from "@/lib/schemas/finding-link";
import { documentHref, findingHref } from "@/lib/findings/paths";
import { UN_DOCUMENT_REL, unDocumentUrl } from "@/lib/un-documents/links";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Where the document can be read: its own address when it has one, else docs.un.org by its symbol. */
export function sourceUrl(document: { symbol: string; url: string | null }, locale: string): string | null {
  return document.url ?? unDocumentUrl(document.symbol, locale);
}

/** The finding's page and its document's page (built by the findings pages). */

export function formatDay(day: string | null, locale: string): string | null {
  return day ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`)) : null;
}

type Props = { link: FindingLinkView; locale: string; t: Translate; actions?: React.ReactNode };

/**
 * One confirmed finding: who found it (body, symbol, date, paragraph), the passage in the UN's own words (the excerpt
 * the organisation chose, with the whole paragraph a click away), who linked it, and where to read it.
 */
export function FindingCard({ link, locale, t, actions }: Props) {
  const { document } = link.finding;
  const source = sourceUrl(document, locale);
  const date = formatDay(document.date, locale);
  const quoted = link.excerpt ?? link.finding.text;
  return (
    <li className="finding-card" data-testid="finding-link" data-stance={link.stance}>
      <p className="related-meta">
        <strong>{t("document", { body: document.body, symbol: document.symbol })}</strong>
        {date ? <span>{t("dated", { date })}</span> : null}
        {link.finding.paragraph ? <span>{t("paragraph", { paragraph: link.finding.paragraph })}</span> : null}
      </p>
      <blockquote className="finding-passage" lang={document.language}>
        {quoted}
      </blockquote>
      {link.excerpt ? (
        <details>
          <summary>{t("fullPassage")}</summary>
          <p lang={document.language}>{link.finding.text}</p>
        </details>
      ) : null}
      <p className="muted">{t("linkedBy", { organization: link.organization.name, date: formatDay(link.decidedAt, locale) ?? "" })}</p>
      <ul className="finding-links-list">
        {source ? (
          <li>
            <a href={source} rel={UN_DOCUMENT_REL} target="_blank" hrefLang={document.language}>
              {t(document.url ? "sourceOther" : "source", { symbol: document.symbol })}
            </a>
          </li>
        ) : null}
        <li>
          <Link href={findingHref(link.findingId)} prefetch={false}>
            {t("findingPage")}
          </Link>
        </li>
        <li>
          <Link href={documentHref(document.symbol)} prefetch={false}>
            {t("documentPage", { symbol: document.symbol })}
          </Link>
        </li>
      </ul>
      {actions}
    </li>
  );
}

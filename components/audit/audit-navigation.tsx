import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { AUDIT_KINDS, type AuditKind } from "@/lib/audit/kinds";
import { Link } from "@/lib/i18n/navigation";
import styles from "./audit-table.module.css";

/** Filter links by kind of event: plain links, so the filter is in the URL and works without JavaScript. */
export function AuditKindNav({ current }: { current: AuditKind }): ReactElement {
  const t = useTranslations("audit.kinds");
  return (
    <nav aria-label={t("label")}>
      <ul className={`chips ${styles.kinds}`}>
        {AUDIT_KINDS.map((kind) => (
          <li key={kind}>
            <Link href={kind === "all" ? "/audit" : `/audit?kind=${kind}`} aria-current={kind === current ? "page" : undefined}>
              {t(kind)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Newer and older pages of one kind (the log shows a page of events at a time). */
export function AuditPagination({ kind, page, pages, count }: { kind: AuditKind; page: number; pages: number; count: number }): ReactElement | null {
  const t = useTranslations("audit.pagination");
  if (pages <= 1) return null;
  const href = (to: number) => `/audit?${new URLSearchParams([...(kind === "all" ? [] : [["kind", kind]]), ["page", String(to)]])}`;
  return (
    <nav className="pagination" aria-label={t("label")}>
      {page > 1 ? <Link href={href(page - 1)} rel="prev">{t("newer")}</Link> : <span aria-hidden="true">{t("newer")}</span>}
      <span>{t("page", { page, pages, count })}</span>
      {page < pages ? <Link href={href(page + 1)} rel="next">{t("older")}</Link> : <span aria-hidden="true">{t("older")}</span>}
    </nav>
  );
}

import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/**
 * Previous / next links of a paginated table on a State page, with which rows are shown ("Rows 51–100 of 340"). The
 * page is in the address (`?page=2`), so a shared link opens the same rows; the fragment brings the reader back to
 * the table.
 */
export function TablePages({ path, page, pageSize, total, anchor }: { path: string; page: number; pageSize: number; total: number; anchor: string }) {
  const t = useTranslations("states.pages");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (n: number): string => `${path}${n > 1 ? `?page=${n}` : ""}#${anchor}`;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={t("label")} data-testid="table-pages">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" prefetch={false}>
          {t("previous")}
        </Link>
      ) : (
        <span aria-hidden="true">{t("previous")}</span>
      )}
      <span>{t("rows", { from: format.number(from), to: format.number(to), total: format.number(total), page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" prefetch={false}>
          {t("next")}
        </Link>
      ) : (
        <span aria-hidden="true">{t("next")}</span>
      )}
    </nav>
  );
}

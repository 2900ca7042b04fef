import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/**
 * Previous / next links around a sentence saying which rows are shown ("Rows 51–100 of 340"). The page is in the
 * address, so a shared link opens the same rows; `href(n)` builds page n's address (with its fragment, to bring the
 * reader back to the list). Nothing when everything fits on one page.
 */
export function PageLinks({ href, page, pages, label, position }: { href: (page: number) => string; page: number; pages: number; label: string; position: string }) {
  const t = useTranslations("common.pages");
  if (pages <= 1) return null;
  return (
    <nav className="pagination no-print" aria-label={label} data-testid="table-pages">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" prefetch={false}>
          {t("previous")}
        </Link>
      ) : (
        <span aria-hidden="true">{t("previous")}</span>
      )}
      <span>{position}</span>
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

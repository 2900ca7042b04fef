import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { explorerHref } from "@/lib/explorer-links";
import type { RecommendationQuery } from "@/lib/search-params";

export function Pagination({ query, pages }: { query: RecommendationQuery; pages: number }) {
  const t = useTranslations("explorer.pagination");
  if (pages <= 1) return null;
  const href = (page: number) => explorerHref({ ...query, page });
  return (
    <nav className="pagination" aria-label={t("label")}>
      {query.page > 1 ? <Link href={href(query.page - 1)} rel="prev">{t("previous")}</Link> : <span aria-hidden="true">{t("previous")}</span>}
      <span>{t("page", { page: query.page, pages })}</span>
      {query.page < pages ? <Link href={href(query.page + 1)} rel="next">{t("next")}</Link> : <span aria-hidden="true">{t("next")}</span>}
    </nav>
  );
}

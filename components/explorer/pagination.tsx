import { Link } from "@/lib/i18n/navigation";
import { toSearchString, type RecommendationQuery } from "@/lib/search-params";

export function Pagination({ query, pages }: { query: RecommendationQuery; pages: number }) {
  if (pages <= 1) return null;
  const href = (page: number) => `/recommendations${toSearchString({ ...query, page })}`;
  return (
    <nav className="pagination" aria-label="Pages">
      {query.page > 1 ? <Link href={href(query.page - 1)} rel="prev">← Previous</Link> : <span aria-hidden="true">← Previous</span>}
      <span>
        Page {query.page} of {pages}
      </span>
      {query.page < pages ? <Link href={href(query.page + 1)} rel="next">Next →</Link> : <span aria-hidden="true">Next →</span>}
    </nav>
  );
}

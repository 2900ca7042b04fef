import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { ChartDashboard } from "@/components/charts/chart-dashboard";
import { FilterSummary } from "@/components/charts/filter-summary";
import { UnknownYearsNotice } from "@/components/explorer/unknown-years-notice";
import { explorerHref } from "@/lib/explorer-links";
import { parsePer } from "@/lib/charts/units";
import { filtersOf, parseExplorerSearch } from "@/lib/search-params";
import { scopeExplorerQuery } from "@/lib/server/explorer-scope";
import { getViewer } from "@/lib/server/permissions";
import { resolveQueryCycles } from "@/lib/server/review-calendar";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("charts.compare");
  return { title: t("metaTitle") };
}

/**
 * `/compare?sur=CHN&cycle=2,3&per=cycle`: the explorer's filters, one series per unit (`per`: review, cycle, regional
 * group of the State under review, State under review), side by side.
 */
export default async function ComparePage({ searchParams }: PageProps<"/[locale]/compare">) {
  const raw = await searchParams;
  const parsed = parseExplorerSearch(raw);
  const [resolved, viewer, t] = await Promise.all([resolveQueryCycles(parsed.query), getViewer(), getTranslations("charts")]);
  const { query, scope, mineUnavailable, awaitingSecondFactor } = scopeExplorerQuery(resolved.query, viewer);
  const filters = filtersOf(query);
  return (
    <>
      <h1>{t("compare.heading")}</h1>
      <p className="lede">{t("compare.lede")}</p>
      {parsed.invalid.length > 0 ? (
        <p className="notice" role="status">
          {t("invalid", { values: parsed.invalid.join(", ") })}
        </p>
      ) : null}
      {mineUnavailable && awaitingSecondFactor.length === 0 ? (
        <p className="notice" role="status">
          {t("mineUnavailable")}
        </p>
      ) : null}
      <UnknownYearsNotice years={resolved.unknownYears} sur={query.sur} />
      <TwoFactorNotice organizations={awaitingSecondFactor} />
      <FilterSummary query={query} />
      <p>
        <Link href={explorerHref({ ...query, page: 1 })} data-testid="explorer-link">
          {t("compare.changeFilters")}
        </Link>
      </p>
      {/* Not streamed behind a Suspense boundary: without JavaScript, streamed content never replaces its fallback, and the tables must read without it. */}
      <ChartDashboard filters={filters} scope={scope} per={parsePer(raw.per)} chooser />
    </>
  );
}

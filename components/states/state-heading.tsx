import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { regionTerm } from "@/lib/i18n/terms";
import { toSearchString, type PositionParam } from "@/lib/search-params";
import type { StateProfile } from "@/lib/server/states";

/** Name, group and status, and in one sentence what the State recommended and how it was answered. */
export function StateHeading({ profile }: { profile: StateProfile }) {
  const t = useTranslations("states");
  const terms = useTranslations("terms");
  const locale = useLocale();
  const { state, recommended } = profile;
  const name = countryName(state.iso3, locale);
  const sum = (key: "total" | "supported" | "supportedInPart" | "noted"): number => recommended.reduce((n, group) => n + group[key], 0);
  const reviewed = new Set(recommended.map((group) => group.stateUnderReview.iso3)).size;
  const cycles = new Set(recommended.map((group) => group.cycle)).size;
  // The official long name is English (from the UN's list); the Chinese page names the State once, in Chinese.
  const officialName = locale === "en" && state.officialName !== state.name ? `${state.officialName} · ` : "";
  return (
    <header className="page-heading">
      <h1>{name}</h1>
      <p className="lede">
        {officialName}
        {terms(regionTerm(state.regionalGroup))} · {state.unStatus === "MEMBER" ? t("heading.member") : t("heading.observer")}
      </p>
      {recommended.length > 0 ? (
        <p className="summary-line" data-testid="state-summary">
          {t.rich("heading.summary", {
            name,
            total: sum("total"),
            reviewed,
            cycles,
            supported: sum("supported"),
            inPart: sum("supportedInPart"),
            noted: sum("noted"),
            // Each count opens exactly the recommendations it counts.
            totalLink: (chunks) => <SummaryLink state={state.iso3} count={sum("total")}>{chunks}</SummaryLink>,
            supportedLink: (chunks) => <SummaryLink state={state.iso3} position="supported" count={sum("supported")}>{chunks}</SummaryLink>,
            inPartLink: (chunks) => <SummaryLink state={state.iso3} position="supported-in-part" count={sum("supportedInPart")}>{chunks}</SummaryLink>,
            notedLink: (chunks) => <SummaryLink state={state.iso3} position="noted" count={sum("noted")}>{chunks}</SummaryLink>,
          })}
        </p>
      ) : null}
    </header>
  );
}

/** A count of the summary as a link to its rows: recommendations made by the State, with one response or all. */
function SummaryLink({ state, position, count, children }: { state: string; position?: PositionParam; count: number; children: ReactNode }) {
  if (count === 0) return <>{children}</>;
  return (
    <Link href={`/recommendations${toSearchString({ state: [state], position: position ? [position] : [] })}`} prefetch={false} data-testid="count-link">
      {children}
    </Link>
  );
}

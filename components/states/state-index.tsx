import { useLocale, useTranslations } from "next-intl";
import type { RegionalGroup } from "@/lib/countries";
import { stateSearchKeys } from "@/lib/countries/search";
import { countryName } from "@/lib/i18n/countries";
import { regionTerm } from "@/lib/i18n/terms";
import type { StateIndexEntry } from "@/lib/server/states";
import { StateIndexSearch, type StateIndexGroup } from "./state-index-search";
import { ClientMessages } from "@/components/i18n/client-messages";

const GROUPS: (RegionalGroup | null)[] = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG", null];

/**
 * Recommending States under a heading per UN regional group, each with how many recommendations it made (a link to
 * them), and a search by name, abbreviation, Chinese name or ISO3 code that filters as one types and, without
 * JavaScript, as a GET form (`?q=`).
 */
export function StateIndex({ states, q }: { states: StateIndexEntry[]; q: string }) {
  const t = useTranslations("states.index");
  const terms = useTranslations("terms");
  const locale = useLocale();
  const groupLabel = (group: RegionalGroup | null): string => (group ? terms(regionTerm(group)) : t("observers"));
  // Names in the reader's language, in that language's order (pinyin for Chinese).
  const collator = new Intl.Collator(locale === "zh" ? "zh-Hans-u-co-pinyin" : "en", { sensitivity: "base" });
  const named = states
    .map((state) => ({ ...state, shownName: countryName(state.iso3, locale) }))
    .sort((a, b) => collator.compare(a.shownName, b.shownName));
  const groups: StateIndexGroup[] = GROUPS.map((group) => ({
    id: `group-${group ?? "observers"}`,
    title: groupLabel(group),
    caption: t("caption", { group: groupLabel(group) }),
    states: named
      .filter((state) => state.regionalGroup === group)
      .map((state) => ({
        iso3: state.iso3,
        name: state.shownName,
        keys: stateSearchKeys(state.iso3),
        recommendations: state.recommendations,
        recommendationsLabel: t("recommendationsOf", { count: state.recommendations, name: state.shownName }),
        statesReviewed: state.statesReviewed,
      })),
  })).filter((group) => group.states.length > 0);
  return (
    <ClientMessages namespaces={["finder.stateSearch"]}>
      <StateIndexSearch
        // A navigation to another search (a link, the form without JavaScript) starts from its text.
        key={q}
        groups={groups}
        initialText={q}
        headers={{ state: t("state"), recommendationsMade: t("recommendationsMade"), statesReviewed: t("statesReviewed") }}
      />
    </ClientMessages>
  );
}

import { regionLabel } from "@/lib/labels";
import type { StateProfile } from "@/lib/server/states";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Name, group and status, and in one sentence what the State recommended and how it was answered. */
export function StateHeading({ profile }: { profile: StateProfile }) {
  const { state, recommended } = profile;
  const sum = (key: "total" | "supported" | "supportedInPart" | "noted"): number => recommended.reduce((n, group) => n + group[key], 0);
  const reviewed = new Set(recommended.map((group) => group.stateUnderReview.iso3)).size;
  const cycles = new Set(recommended.map((group) => group.cycle)).size;
  return (
    <header className="page-heading">
      <h1>{state.name}</h1>
      <p className="lede">
        {state.officialName !== state.name ? `${state.officialName} · ` : ""}
        {regionLabel(state.regionalGroup)} · {state.unStatus === "MEMBER" ? "UN Member State" : "UN observer State"}
      </p>
      {recommended.length > 0 ? (
        <p className="summary-line" data-testid="state-summary">
          In the reviews loaded here, {state.name} made {plural(sum("total"), "recommendation")} to {plural(reviewed, "State")} under review in{" "}
          {plural(cycles, "cycle")}: {sum("supported")} supported, {sum("supportedInPart") > 0 ? `${sum("supportedInPart")} supported in part, ` : ""}
          {sum("noted")} noted.
        </p>
      ) : null}
    </header>
  );
}

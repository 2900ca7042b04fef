import { Link } from "@/lib/i18n/navigation";
import type { RegionalGroup } from "@/lib/countries";
import { REGIONAL_GROUP_LABELS } from "@/lib/labels";
import type { StateIndexEntry } from "@/lib/server/states";

const GROUPS: (RegionalGroup | null)[] = ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN", "GRULAC", "WEOG", null];

function groupLabel(group: RegionalGroup | null): string {
  return group ? REGIONAL_GROUP_LABELS[group] : "Observer States (no regional group)";
}

/** Recommending States under a heading per UN regional group, each with how many recommendations it made. */
export function StateIndex({ states }: { states: StateIndexEntry[] }) {
  return (
    <div className="state-groups">
      {GROUPS.map((group) => {
        const members = states.filter((state) => state.regionalGroup === group);
        if (members.length === 0) return null;
        const id = `group-${group ?? "observers"}`;
        return (
          <section key={id} aria-labelledby={id} data-testid={id}>
            <h2 id={id}>
              {groupLabel(group)} <span className="muted">({members.length})</span>
            </h2>
            <div className="table-scroll">
              <table className="data-table compact">
                <caption className="visually-hidden">{groupLabel(group)}: States and the recommendations they made</caption>
                <thead>
                  <tr>
                    <th scope="col">State</th>
                    <th scope="col" className="num">Recommendations made</th>
                    <th scope="col" className="num">States under review</th>
                  </tr>
                </thead>
                <tbody>
                  {members.map((state) => (
                    <tr key={state.iso3}>
                      <th scope="row">
                        <Link href={`/states/${state.iso3}`} prefetch={false}>{state.name}</Link>
                      </th>
                      <td className="num">{state.recommendations}</td>
                      <td className="num">{state.statesReviewed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}

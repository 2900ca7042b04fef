import { Link } from "@/lib/i18n/navigation";
import { cycleLabel } from "@/lib/labels";
import { toSearchString, type PositionParam } from "@/lib/search-params";
import type { RecommendedGroup, StateSummary } from "@/lib/server/states";
import { CountLink } from "./count-link";

const COLUMNS: { key: "supported" | "supportedInPart" | "noted"; label: string; position: PositionParam }[] = [
  { key: "supported", label: "Supported", position: "supported" },
  { key: "supportedInPart", label: "Supported in part", position: "supported-in-part" },
  { key: "noted", label: "Noted", position: "noted" },
];

/** What a State recommended, by State under review and cycle; every count opens the explorer on those rows. */
export function RecommendedTable({ state, groups }: { state: StateSummary; groups: RecommendedGroup[] }) {
  const showNone = groups.some((group) => group.noPosition > 0);
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="recommended-table">
        <caption className="visually-hidden">
          Recommendations {state.name} made, by State under review and cycle, and how the State under review responded
        </caption>
        <thead>
          <tr>
            <th scope="col">State under review</th>
            <th scope="col">Cycle</th>
            <th scope="col" className="num">Recommendations</th>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" className="num">
                {column.label}
              </th>
            ))}
            {showNone ? <th scope="col" className="num">No position recorded</th> : null}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const filter = { cycle: [group.cycle], sur: [group.stateUnderReview.iso3], state: [state.iso3] };
            const where = `${state.name} to ${group.stateUnderReview.name}, ${cycleLabel(group.cycle, group.year)}`;
            return (
              <tr key={`${group.stateUnderReview.iso3}-${group.cycle}`} data-testid={`recommended-${group.stateUnderReview.iso3}-${group.cycle}`}>
                <th scope="row">
                  <Link href={`/states/${group.stateUnderReview.iso3}`}>{group.stateUnderReview.name}</Link>
                </th>
                <td>{cycleLabel(group.cycle, group.year)}</td>
                <td className="num">
                  <CountLink count={group.total} href={`/recommendations${toSearchString(filter)}`} label={`All ${group.total} recommendations of ${where}`} />
                </td>
                {COLUMNS.map((column) => (
                  <td key={column.key} className="num">
                    <CountLink
                      count={group[column.key]}
                      href={`/recommendations${toSearchString({ ...filter, position: [column.position] })}`}
                      label={`${group[column.key]} ${column.label.toLowerCase()}: recommendations of ${where}`}
                    />
                  </td>
                ))}
                {showNone ? <td className="num">{group.noPosition}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

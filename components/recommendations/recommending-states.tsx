import { Link } from "@/lib/i18n/navigation";
import { regionLabel } from "@/lib/labels";
import type { RecommendingStateDto } from "@/lib/server/recommendations";

/** Every State that made the recommendation, in printed order (OHCHR merges near-identical recommendations). */
export function RecommendingStates({ states }: { states: RecommendingStateDto[] }) {
  return (
    <table className="data-table compact" data-testid="recommending-states">
      <caption className="visually-hidden">States that made this recommendation, with their UN regional group</caption>
      <thead>
        <tr>
          <th scope="col">State</th>
          <th scope="col">UN regional group</th>
        </tr>
      </thead>
      <tbody>
        {states.map((state) => (
          <tr key={state.iso3}>
            <th scope="row">
              <Link href={`/states/${state.iso3}`}>{state.name}</Link>
            </th>
            <td>{regionLabel(state.region)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { STATUS_LABELS } from "@/components/recommendations/assessment-labels";
import type { AssessmentStatusValue } from "@/lib/schemas/assessment";
import type { StatusScope } from "@/lib/search-params";
import { FacetGroup } from "./facet-group";

type Props = {
  values: { value: string; label: string; count: number }[];
  selected: string[];
  statusOf: StatusScope;
  /** How many organisations' private statuses the viewer may read; the "My organisation" choice needs one. */
  organizations: number;
};

const SCOPES: { value: StatusScope; label: (organizations: number) => string }[] = [
  { value: "public", label: () => "Any public assessment" },
  { value: "mine", label: (organizations) => (organizations > 1 ? "My organisations" : "My organisation") },
];

/**
 * The implementation-status filter with its counts, and whose assessments they read: every organisation's public
 * ones, or (signed-in members only) their own organisation's, private ones included.
 */
export function StatusFacet({ values, selected, statusOf, organizations }: Props) {
  const scopeChoice =
    organizations > 0 ? (
      <fieldset className="facet-scope">
        <legend>According to</legend>
        {SCOPES.map((scope) => (
          <label key={scope.value}>
            <input type="radio" name="statusOf" value={scope.value} defaultChecked={statusOf === scope.value} /> {scope.label(organizations)}
          </label>
        ))}
      </fieldset>
    ) : null;
  return (
    <FacetGroup
      title="Implementation status"
      name="status"
      values={values.map((v) => ({ ...v, label: STATUS_LABELS[v.value as AssessmentStatusValue] ?? v.label }))}
      selected={selected}
      intro={scopeChoice}
    />
  );
}

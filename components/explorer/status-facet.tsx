import { useTranslations } from "next-intl";
import type { StatusScope } from "@/lib/search-params";
import { FacetGroup } from "./facet-group";

type Props = {
  values: { value: string; label: string; count: number }[];
  selected: string[];
  statusOf: StatusScope;
  /** How many organisations' private statuses the viewer may read; the "My organisation" choice needs one. */
  organizations: number;
};

const SCOPES: StatusScope[] = ["public", "mine"];

/**
 * The implementation-status filter with its counts, and whose assessments they read: every organisation's public
 * ones, or (signed-in members only) their own organisation's, private ones included.
 */
export function StatusFacet({ values, selected, statusOf, organizations }: Props) {
  const t = useTranslations("explorer");
  const terms = useTranslations("terms");
  const scopeChoice =
    organizations > 0 ? (
      <fieldset className="facet-scope">
        <legend>{t("filters.statusAccordingTo")}</legend>
        {SCOPES.map((scope) => (
          <label key={scope}>
            <input type="radio" name="statusOf" value={scope} defaultChecked={statusOf === scope} />{" "}
            {scope === "public" ? t("filters.statusPublic") : t("filters.statusMine", { count: organizations })}
          </label>
        ))}
      </fieldset>
    ) : null;
  return (
    <FacetGroup
      title={t("filters.status")}
      name="status"
      values={values.map((v) => ({ ...v, label: terms.has(`status.${v.value}`) ? terms(`status.${v.value}`) : v.label }))}
      selected={selected}
      intro={scopeChoice}
    />
  );
}

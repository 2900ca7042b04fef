import type { Position, ThemeScheme } from "@/lib/import/types";
import { POSITION_PARAMS } from "@/lib/labels";
import { REGION_OF_GROUP } from "@/lib/schemas/recommendation-api";
import { SCHEME_SLUGS } from "@/lib/themes";

/**
 * Keys of the `terms` catalogue (lib/i18n/messages/<locale>/terms.json) for values as the database stores them. The
 * catalogue is keyed by the values the URL and the API carry (`position.supported-in-part`, `region.weog`,
 * `themeScheme.uhri`); these turn a stored value into that key, so `t(positionTerm(row.position))` works anywhere.
 */

/** `SUPPORTED_IN_PART` → `position.supported-in-part`; no position → `position.none`. */
export function positionTerm(position: Position | string | null): string {
  return `position.${(position && POSITION_PARAMS[position as Position]) ?? "none"}`;
}

/** `AFRICAN` → `region.african`; an observer State (no group) → `region.none`. */
export function regionTerm(group: string | null): string {
  return `region.${(group && REGION_OF_GROUP[group]) ?? "none"}`;
}

/** `UHRI_CODED` → `themeScheme.uhri`. */
export function themeSchemeTerm(scheme: ThemeScheme): string {
  return `themeScheme.${SCHEME_SLUGS[scheme]}`;
}

/** `supported in part` → `wording.supported-in-part`. A wording the catalogue lacks is shown as the State wrote it. */
export function wordingTerm(wording: string): string {
  return `wording.${wording.trim().toLowerCase().replace(/\s+/g, "-")}`;
}

/** `MEMBER` → `unStatus.member`. */
export function unStatusTerm(status: string): string {
  return `unStatus.${status.toLowerCase()}`;
}

/** `DERIVED` → `actionCategoryMethod.derived`. */
export function actionCategoryMethodTerm(method: string): string {
  return `actionCategoryMethod.${method.toLowerCase()}`;
}

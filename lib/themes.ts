import type { ThemeScheme } from "@/lib/import/types";

/** URL-friendly scheme prefixes: `theme=uhri:a12`, `theme=sdg:16`, `theme=upr-info:death-penalty`. */
export const SCHEME_SLUGS: Record<ThemeScheme, string> = {
  UHRI_CODED: "uhri",
  UHRI_THEME: "uhri-theme",
  UPR_INFO_ISSUE: "upr-info",
  SDG: "sdg",
  AFFECTED_PERSONS: "affected",
};

export const SCHEME_LABELS: Record<ThemeScheme, string> = {
  UHRI_CODED: "OHCHR themes (coded)",
  UHRI_THEME: "OHCHR themes (4th cycle)",
  UPR_INFO_ISSUE: "UPR Info issues",
  SDG: "Sustainable Development Goals",
  AFFECTED_PERSONS: "Affected persons",
};

export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** What makes a theme the same across documents: its code when it has one, else its name. */
export function themeKey(theme: { code: string | null; name: string }): string {
  return theme.code ?? theme.name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The stable public identifier of a theme, used in URLs, the API and CSV. */
export function themeSlug(theme: { scheme: ThemeScheme; code: string | null; name: string }): string {
  return `${SCHEME_SLUGS[theme.scheme]}:${slugify(themeKey(theme))}`;
}

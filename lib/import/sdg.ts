import type { ThemeRef } from "./types";

/**
 * The 17 Sustainable Development Goals in sentence case. Older OHCHR lists print "S16 SDG 16 - peace, justice and
 * strong institutions", newer ones "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS": both map to this one name, so the
 * same goal is one theme across cycles.
 */
export const SDG_GOALS: Readonly<Record<string, string>> = {
  "1": "No poverty",
  "2": "Zero hunger",
  "3": "Good health and well-being",
  "4": "Quality education",
  "5": "Gender equality",
  "6": "Clean water and sanitation",
  "7": "Affordable and clean energy",
  "8": "Decent work and economic growth",
  "9": "Industry, innovation and infrastructure",
  "10": "Reduced inequalities",
  "11": "Sustainable cities and communities",
  "12": "Responsible consumption and production",
  "13": "Climate action",
  "14": "Life below water",
  "15": "Life on land",
  "16": "Peace, justice and strong institutions",
  "17": "Partnerships for the goals",
};

/** The theme for goal `goal` ("16", "04", 16), or null if there is no such goal. */
export function sdgTheme(goal: string | number): ThemeRef | null {
  const code = String(Number.parseInt(String(goal), 10));
  const name = SDG_GOALS[code];
  return name ? { scheme: "SDG", code, name } : null;
}

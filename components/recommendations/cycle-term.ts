/** The one way a cycle reads ("2018 (3rd cycle)"), kept importable from here for the detail page's components. */
export { cycleTerm } from "@/lib/cycles/label";

/** Names joined as the interface's language writes a list: "A, B, C" in English, "A、B、C" in Chinese. */
export function joinNames(names: string[], locale: string): string {
  return names.join(locale.startsWith("zh") ? "、" : ", ");
}

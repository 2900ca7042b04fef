/** A translator of the `terms` catalogue, as useTranslations("terms") or getTranslations("terms") returns it. */
type Terms = (key: string, values?: Record<string, string | number>) => string;

/** "3rd cycle (2018)" / "第三轮（2018年）" from the terms catalogue, as cycleLabel says it in English. */
export function cycleTerm(terms: Terms, cycle: number, year: number | null = null): string {
  const name = terms(`cycle.${cycle}`);
  return year ? terms("cycleWithYear", { cycle: name, year }) : name;
}

/** Names joined as the interface's language writes a list: "A, B, C" in English, "A、B、C" in Chinese. */
export function joinNames(names: string[], locale: string): string {
  return names.join(locale.startsWith("zh") ? "、" : ", ");
}

import type { ImportIssue } from "./types";

/**
 * Names no resolver knows, gathered while a file is read so that each distinct name is reported once, with how
 * many rows print it and where the first ones are, rather than once per row (a large export repeats a name
 * thousands of times).
 */
export class UnresolvedNames {
  private readonly byName = new Map<string, { role: string; count: number; first: string[] }>();

  /** `role`: "State under review" or "recommending State"; `location`: a row number or "paragraph 28.7". */
  add(role: string, name: string, location: number | string): void {
    const key = `${role}\u0000${name}`;
    const entry = this.byName.get(key) ?? { role, count: 0, first: [] };
    entry.count++;
    if (entry.first.length < 5) entry.first.push(String(location));
    this.byName.set(key, entry);
  }

  get size(): number {
    return this.byName.size;
  }

  /** One issue per distinct name, the most frequent first. */
  issues(): ImportIssue[] {
    return [...this.byName.entries()]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([key, { role, count, first }]) => {
        const name = key.slice(key.indexOf("\u0000") + 1);
        const numbered = first.every((f) => /^\d+$/.test(f));
        // What is counted: rows of a sheet, or the first word of the locations given ("paragraph 28.7").
        const unit = numbered ? "row" : (/^\p{L}+(?=\s)/u.exec(first[0] ?? "")?.[0] ?? "time");
        const plural = (n: number): string => `${unit}${n === 1 ? "" : "s"}`;
        const rows = numbered ? `${plural(count)} ${first.join(", ")}` : first.join(", ");
        return {
          location: count > first.length ? `${rows} and ${count - first.length} more` : rows,
          message: `unknown ${role} "${name}" (${count} ${plural(count)})`,
          kind: "unknown-state" as const,
        };
      });
  }
}

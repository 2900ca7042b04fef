import type { ImportIssue } from "../types";

/**
 * Row problems gathered while a large export is read, one issue per distinct message with its row count and first
 * rows: 30,000 rows with `invalid Session "Unknown session"` are one line to read, not 30,000.
 */
export class RowProblems {
  private readonly byMessage = new Map<string, { count: number; first: number[] }>();

  add(row: number, message: string): void {
    const entry = this.byMessage.get(message) ?? { count: 0, first: [] };
    entry.count++;
    if (entry.first.length < 5) entry.first.push(row);
    this.byMessage.set(message, entry);
  }

  get size(): number {
    return this.byMessage.size;
  }

  /** One issue per message, in the order the problems first appear in the file. */
  issues(): ImportIssue[] {
    return [...this.byMessage.entries()].map(([message, { count, first }]) => {
      const rows = `row${count === 1 ? "" : "s"} ${first.join(", ")}`;
      return {
        location: count > first.length ? `${rows} and ${count - first.length} more` : rows,
        message: count === 1 ? message : `${message} (${count} rows)`,
        kind: "row" as const,
      };
    });
  }
}

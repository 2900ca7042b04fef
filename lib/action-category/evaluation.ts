/**
 * How well the derived action category (lib/action-category/classify.ts) agrees with categories a person assigned, such as
 * UPR Info's own: overall agreement and a 5×5 confusion matrix. Pure: no I/O.
 */
import { ACTION_CATEGORY_LABELS } from "@/lib/labels";
import { ACTION_RULES_VERSION, classifyActionCategory, type ActionCategory } from "./classify";

export type LabelledText = { text: string; category: ActionCategory; group?: string };

export type ActionCategoryEvaluation = {
  rules: string;
  rows: number;
  agree: number;
  /** matrix[given - 1][derived - 1]: rows are the given categories, columns the rule's. */
  matrix: number[][];
  /** Agreement per group (e.g. per cycle), in the order groups first appear. */
  groups: { group: string; rows: number; agree: number }[];
};

export function evaluateActionCategories(rows: readonly LabelledText[]): ActionCategoryEvaluation {
  const matrix = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const groups = new Map<string, { rows: number; agree: number }>();
  let agree = 0;
  for (const row of rows) {
    const derived = classifyActionCategory(row.text).category;
    matrix[row.category - 1]![derived - 1]!++;
    const hit = derived === row.category ? 1 : 0;
    agree += hit;
    if (row.group !== undefined) {
      const counts = groups.get(row.group) ?? { rows: 0, agree: 0 };
      groups.set(row.group, { rows: counts.rows + 1, agree: counts.agree + hit });
    }
  }
  return { rules: ACTION_RULES_VERSION, rows: rows.length, agree, matrix, groups: [...groups].map(([group, counts]) => ({ group, ...counts })) };
}

const percent = (part: number, whole: number): string => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);

/** The figures as plain text: agreement, then the matrix with row and column totals. */
export function formatEvaluation(evaluation: ActionCategoryEvaluation, given = "UPR Info"): string {
  const { matrix, rows, agree } = evaluation;
  const width = 22;
  const cell = (value: string | number): string => String(value).padStart(6);
  const lines = [
    `Agreement of ${evaluation.rules} with ${given}: ${agree} of ${rows} rows (${percent(agree, rows)})`,
    ...evaluation.groups.map((g) => `  ${g.group}: ${g.agree} of ${g.rows} (${percent(g.agree, g.rows)})`),
    "",
    `Confusion matrix (rows: ${given}, columns: ${evaluation.rules})`,
    `${`${given} \\ rule`.padEnd(width)}${[1, 2, 3, 4, 5].map(cell).join("")}${cell("total")}`,
    ...matrix.map((counts, i) => `${`${i + 1} ${ACTION_CATEGORY_LABELS[i + 1]}`.padEnd(width)}${counts.map(cell).join("")}${cell(counts.reduce((a, b) => a + b, 0))}`),
    `${"total".padEnd(width)}${[0, 1, 2, 3, 4].map((j) => cell(matrix.reduce((sum, counts) => sum + counts[j]!, 0))).join("")}${cell(rows)}`,
  ];
  return `${lines.join("\n")}\n`;
}

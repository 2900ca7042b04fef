import type { AssessmentStatusValue } from "@/lib/schemas/assessment";

export const STATUS_LABELS: Record<AssessmentStatusValue, string> = {
  not_assessed: "Not assessed",
  not_implemented: "Not implemented",
  partially_implemented: "Partially implemented",
  fully_implemented: "Fully implemented",
  regressed: "Regressed",
  unable_to_assess: "Unable to assess",
};

export const STANCE_LABELS = { supports: "Supports the government’s response", contradicts: "Contradicts the government’s response", context: "Context only" } as const;

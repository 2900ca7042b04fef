import type { EvidenceStanceValue } from "@/lib/schemas/assessment-values";

/** The assessment form's evidence rows (each may be left empty). */
export const EVIDENCE_ROWS = 3;

/**
 * The stances in the order the form offers them, against the government's response: what contradicts its claim
 * first, as that is what an assessment most often has to show. None is chosen in advance.
 */
export const STANCE_CHOICES: readonly EvidenceStanceValue[] = ["contradicts", "supports", "context"];

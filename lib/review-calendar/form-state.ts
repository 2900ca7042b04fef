/**
 * What the review documents' forms get back from their server actions: a code the form words in the reader's
 * language, the fields to mark, and on a refusal what was typed (the form remounts with it; see lib/form-state.ts).
 */
export type ReviewDocumentFormState = {
  ok: boolean;
  code?: "added" | "removed" | "unauthenticated" | "forbidden" | "not-found" | "conflict" | "invalid";
  fields?: string[];
  values?: Record<string, string>;
  attempt?: number;
};

/** What the calendar dates' form gets back from its server action (the same shape as the documents' forms). */
export type ReviewCalendarFormState = {
  ok: boolean;
  code?: "saved" | "cleared" | "unauthenticated" | "forbidden" | "not-found" | "invalid";
  fields?: string[];
  values?: Record<string, string>;
  attempt?: number;
};

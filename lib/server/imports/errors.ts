import "server-only";
import type { ImportIssue } from "@/lib/import/types";

/** An import that must not be written; `issues` name the file and the paragraph or row. */
export class ImportRejectedError extends Error {
  constructor(readonly fileName: string, readonly issues: ImportIssue[]) {
    super(`${fileName}: ${issues.length} problem(s); nothing was imported.`);
    this.name = "ImportRejectedError";
  }
}

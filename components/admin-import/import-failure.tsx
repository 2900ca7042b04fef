"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { MAX_IMPORT_BYTES, UPLOAD_REFUSAL_CODES, type UploadRefusalCode } from "@/lib/import/upload-limits";
import type { ImportAnswer } from "./send-import";
import type { Failure } from "./import-state";
import { ImportIssues } from "./import-issues";

const MB = 1024 * 1024;

/** A refusal of the server as a Failure the page can word: too large, the wrong kind of file, not allowed, busy. */
export function failureOf(answer: ImportAnswer & { kind: "refused" }, fileName: string, size: number): Failure {
  const code = answer.body?.code;
  if (answer.status === 413) return { kind: "tooLarge", name: fileName, size };
  if (answer.status === 422 && answer.body?.error === "unsupported_file" && (UPLOAD_REFUSAL_CODES as readonly string[]).includes(code ?? "")) {
    return { kind: "refused", name: fileName, code: code as UploadRefusalCode };
  }
  return { kind: "http", status: answer.status, error: answer.body?.error ?? null };
}

/** Why nothing (or not everything) was imported, in the page's language, as an alert. */
export function ImportFailure({ failure }: { failure: Failure }): ReactElement {
  const t = useTranslations("adminImport.errors");
  const format = useFormatter();
  const megabytes = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;
  let text: string;
  switch (failure.kind) {
    case "noFile":
      text = t("noFile");
      break;
    case "tooLarge":
      text = t("tooLarge", { name: failure.name, size: megabytes(failure.size), limit: MAX_IMPORT_BYTES / MB });
      break;
    case "refused":
      text = t("refused", { name: failure.name, reason: t(`refusal.${failure.code}`) });
      break;
    case "network":
      text = t(failure.during === "preview" ? "networkPreview" : "networkApply");
      break;
    case "http":
      text = failure.status === 401 ? t("unauthenticated") : failure.status === 403 ? t("forbidden") : failure.status === 429 ? t("busy") : t("server", { status: format.number(failure.status, { useGrouping: false }) });
      break;
    case "failed":
      text = t("failed", { message: failure.message });
      break;
  }
  return (
    <div role="alert" className="form-error" data-testid="import-failure">
      <p>{text}</p>
      {failure.kind === "failed" ? <ImportIssues issues={failure.errors} id="import-failure-problems" /> : null}
    </div>
  );
}

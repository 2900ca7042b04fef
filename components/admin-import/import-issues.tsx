"use client";

import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import type { ImportIssue } from "@/lib/import/types";
import styles from "./admin-import.module.css";

/** How many problems of one kind the page lists; the rest are counted. A real export can have thousands of bad rows. */
const SHOWN_PER_KIND = 10;

const KINDS = ["file", "layout", "unknown-state", "review", "row"] as const;

/**
 * The file's problems grouped by kind (ImportIssue.kind), each group with its count and its first problems as the
 * parser words them (file, row or paragraph, and what is wrong). Unknown State names come once per name already.
 */
export function ImportIssues({ issues, id }: { issues: ImportIssue[]; id: string }): ReactElement | null {
  const t = useTranslations("adminImport.issues");
  if (issues.length === 0) return null;
  const groups = KINDS.map((kind) => ({ kind, issues: issues.filter((issue) => (issue.kind ?? "row") === kind) })).filter((group) => group.issues.length > 0);
  return (
    <section className={styles.problems} aria-labelledby={id}>
      <h3 id={id}>{t("heading", { count: issues.length })}</h3>
      {groups.map((group) => (
        <div key={group.kind}>
          <h4>{t("kindHeading", { kind: t(`kinds.${group.kind}`), count: group.issues.length })}</h4>
          <ul>
            {group.issues.slice(0, SHOWN_PER_KIND).map((issue, index) => (
              <li key={index}>{issue.location === "file" ? issue.message : t("at", { location: issue.location, message: issue.message })}</li>
            ))}
          </ul>
          {group.issues.length > SHOWN_PER_KIND ? <p className="muted">{t("more", { count: group.issues.length - SHOWN_PER_KIND })}</p> : null}
        </div>
      ))}
    </section>
  );
}

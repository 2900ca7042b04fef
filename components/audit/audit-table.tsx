import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import type { AuditEventView } from "@/lib/server/audit/log";
import styles from "./audit-table.module.css";

/** Changes as stored, shown as text ({ field: [before, after] }); React escapes it like any user text. */
function describeChanges(changes: unknown): string {
  return JSON.stringify(changes, null, 1);
}

export function AuditTable({ events }: { events: AuditEventView[] }): ReactElement {
  const t = useTranslations("audit");
  const format = useFormatter();
  if (events.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <table className="data-table" data-testid="audit-log">
      <caption className="visually-hidden">{t("caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("when")}</th>
          <th scope="col">{t("who")}</th>
          <th scope="col">{t("organisation")}</th>
          <th scope="col">{t("action")}</th>
          <th scope="col">{t("subject")}</th>
          <th scope="col">{t("changes")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <time dateTime={event.at} className={styles.when}>{format.dateTime(new Date(event.at), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}</time>
            </td>
            <td>{event.actor}</td>
            <td>{event.organization ?? "—"}</td>
            <td>{event.action}</td>
            <td>{event.subject}</td>
            <td>
              <pre className="audit-changes">{describeChanges(event.changes)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

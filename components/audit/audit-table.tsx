import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { actionMessageKey, isAuditAction } from "@/lib/audit/kinds";
import type { AuditActor, AuditEventView } from "@/lib/server/audit/log";
import { changeLines, type ChangeLine, type Scalar } from "@/lib/audit/change-lines";
import styles from "./audit-table.module.css";
import { TableScroll } from "@/components/table-scroll/table-scroll";

type Translate = ReturnType<typeof useTranslations<"audit">>;

function actorLabel(actor: AuditActor, t: Translate): string {
  return actor.kind === "user" ? actor.name : actor.kind === "operator" ? t("operator") : t("unknownActor");
}

function actionLabel(action: string, t: Translate): string {
  return isAuditAction(action) ? t(`actions.${actionMessageKey(action)}`) : action;
}

function AuditChanges({ action, changes }: { action: string; changes: unknown }): ReactElement | null {
  const t = useTranslations("audit");
  const format = useFormatter();
  const field = (name: string) => (name && t.has(`fields.${name}`) ? t(`fields.${name}`) : name);
  const value = (v: Scalar) => (v === null || v === "" ? t("summary.empty") : typeof v === "boolean" ? t(v ? "summary.yes" : "summary.no") : typeof v === "number" ? format.number(v) : v);
  const text = (line: ChangeLine): string => {
    switch (line.type) {
      case "download":
        return t("summary.download", { rows: line.rows, format: line.format });
      case "withheld":
        return t("summary.withheld", { fields: line.fields.map(field).join(", ") });
      case "change":
        return t("summary.change", { field: field(line.field), before: value(line.before), after: value(line.after) });
      case "value":
        return line.field ? t("summary.value", { field: field(line.field), value: value(line.value) }) : value(line.value);
    }
  };
  const lines = changeLines(action, changes);
  if (lines.length === 0) return null;
  return (
    <ul className={styles.changes}>
      {lines.map((line, index) => (
        <li key={index}>{text(line)}</li>
      ))}
    </ul>
  );
}

/** The log's events: who (the name they had then), the action in words, and what it changed or took. */
export function AuditTable({ events }: { events: AuditEventView[] }): ReactElement {
  const t = useTranslations("audit");
  const format = useFormatter();
  return (
    <TableScroll label={t("caption")}>
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
            <tr key={event.id} data-action={event.action}>
              <td>
                <time dateTime={event.at} className={styles.when}>{format.dateTime(new Date(event.at), { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}</time>
              </td>
              <td>{actorLabel(event.actor, t)}</td>
              <td>{event.organization ?? "—"}</td>
              <td>{actionLabel(event.action, t)}</td>
              <td className={styles.subject}>{event.subject}</td>
              <td>
                <AuditChanges action={event.action} changes={event.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

import type { ReactElement } from "react";
import type { AuditEventView } from "@/lib/server/audit-log";

/** Changes as stored, shown as text ({ field: [before, after] }); React escapes it like any user text. */
function describeChanges(changes: unknown): string {
  return JSON.stringify(changes, null, 1);
}

export function AuditTable({ events }: { events: AuditEventView[] }): ReactElement {
  if (events.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <table className="data-table" data-testid="audit-log">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Organisation</th>
          <th scope="col">Action</th>
          <th scope="col">Subject</th>
          <th scope="col">Changes</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <time dateTime={event.at}>{event.at.replace("T", " ").slice(0, 19)}</time>
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

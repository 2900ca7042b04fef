import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { AUDIT_PAGE_SIZE, canReadAuditLog, listAuditEvents } from "@/lib/server/audit-log";
import { getViewer } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Audit log" };

/** Owners see their organisations' log, admins every event; anonymous visitors sign in first. */
export default async function AuditPage() {
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: "/sign-in", locale: await getLocale() });
  if (!canReadAuditLog(viewer)) {
    return (
      <>
        <h1>Audit log</h1>
        <p role="alert">Only organisation owners and administrators can read the audit log.</p>
      </>
    );
  }
  const events = await listAuditEvents(viewer);
  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">
        {viewer.user.isAdmin ? "Every write on this instance" : "Every write in the organisations you own"}, newest first (the latest {AUDIT_PAGE_SIZE}).
      </p>
      <AuditTable events={events} />
    </>
  );
}

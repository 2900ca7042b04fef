import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { AUDIT_PAGE_SIZE, canReadAuditLog, listAuditEvents } from "@/lib/server/audit-log";
import { TwoFactorNotice } from "@/components/auth/two-factor-notice";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** Owners see their organisations' log, admins every event; anonymous visitors sign in first. */
export default async function AuditPage() {
  const [viewer, locale, t] = await Promise.all([getViewer(), getLocale(), getTranslations("audit")]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (!canReadAuditLog(viewer)) {
    // An owner whose organisation requires a second factor this session lacks is told why.
    const ownedAwaitingSecondFactor = viewer.memberships
      .filter((m) => {
        const decision = can(viewer, "organization.readAudit", { organizationId: m.organizationId });
        return !decision.allowed && decision.reason === "two-factor-required";
      })
      .map((m) => m.organizationName);
    return (
      <>
        <h1>{t("title")}</h1>
        <p role="alert">{t("forbidden")}</p>
        <TwoFactorNotice organizations={ownedAwaitingSecondFactor} />
      </>
    );
  }
  const events = await listAuditEvents(viewer);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t(can(viewer, "audit.readAll", {}).allowed ? "ledeAdmin" : "ledeOwner", { count: AUDIT_PAGE_SIZE })}</p>
      <AuditTable events={events} />
    </>
  );
}

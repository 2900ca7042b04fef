import { getLocale, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { Link } from "@/lib/i18n/navigation";
import { can } from "@/lib/auth/policy";
import { canReadAuditLog } from "@/lib/server/audit/log";
import { getViewer } from "@/lib/server/permissions";
import { SignOutButton } from "./sign-out-button";

/** The header's account corner: the display name and organisations when signed in, else a sign-in link. */
export async function UserMenu(): Promise<ReactElement> {
  const [viewer, t, locale] = await Promise.all([getViewer(), getTranslations("common.userMenu"), getLocale()]);
  if (!viewer) {
    return (
      <div className="user-menu">
        <Link href="/sign-in">{t("signIn")}</Link>
      </div>
    );
  }
  // Which links to show, from the policy (each page checks again itself).
  const admin = { import: can(viewer, "admin.import", {}).allowed, responseWording: can(viewer, "admin.responseWording", {}).allowed, accounts: can(viewer, "user.disable", {}).allowed };
  const organisations = viewer.memberships.map((m) => t("membership", { organization: m.organizationName, role: t(`role.${m.role}`) })).join(", ");
  return (
    <div className="user-menu" aria-label={t("account")} role="group">
      <span data-testid="signed-in-as">
        {t.rich("signedInAs", { name: viewer.user.name, strong: (chunks) => <strong>{chunks}</strong> })}
        {organisations ? ` · ${organisations}` : ""}
        {viewer.user.isAdmin ? ` · ${t("admin")}` : ""}
      </span>
      {viewer.memberships.length > 0 ? <Link href="/status-sheet">{t("statusSheet")}</Link> : null}
      {viewer.memberships.length > 0 ? <Link href="/reports/mid-term">{t("midTermReport")}</Link> : null}
      {viewer.memberships.some((m) => m.role === "owner") ? <Link href="/organisation">{t("organisation")}</Link> : null}
      {canReadAuditLog(viewer) ? <Link href="/audit">{t("auditLog")}</Link> : null}
      {admin.import ? <Link href="/admin/import">{t("adminImport")}</Link> : null}
      {admin.responseWording ? <Link href="/admin/response-wording">{t("responseWording")}</Link> : null}
      <Link href="/account">{t("accountPage")}</Link>
      {admin.accounts ? <Link href="/admin/accounts">{t("adminAccounts")}</Link> : null}
      <SignOutButton label={t("signOut")} locale={locale} />
    </div>
  );
}

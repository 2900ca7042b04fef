import Link from "next/link";
import type { ReactElement } from "react";
import { canReadAuditLog } from "@/lib/server/audit-log";
import { getViewer } from "@/lib/server/permissions";
import { SignOutButton } from "./sign-out-button";

/** The header's account corner: the display name and organisations when signed in, else a sign-in link. */
export async function UserMenu(): Promise<ReactElement> {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <div className="user-menu">
        <Link href="/sign-in">Sign in</Link>
      </div>
    );
  }
  const organisations = viewer.memberships.map((m) => `${m.organizationName} (${m.role})`).join(", ");
  return (
    <div className="user-menu" aria-label="Your account" role="group">
      <span data-testid="signed-in-as">
        Signed in as <strong>{viewer.user.name}</strong>
        {organisations ? ` · ${organisations}` : ""}
        {viewer.user.isAdmin ? " · admin" : ""}
      </span>
      {viewer.memberships.length > 0 ? <Link href="/status-sheet">Status sheet</Link> : null}
      {viewer.memberships.length > 0 ? <Link href="/reports/mid-term">Mid-term report</Link> : null}
      {canReadAuditLog(viewer) ? <Link href="/audit">Audit log</Link> : null}
      <SignOutButton />
    </div>
  );
}

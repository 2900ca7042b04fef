import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { AuditKindNav, AuditPagination } from "@/components/audit/audit-navigation";
import { AuditTable } from "@/components/audit/audit-table";
import { parseAuditSearch } from "@/lib/audit/kinds";
import { AUDIT_PAGE_SIZE, canReadAuditLog, countAuditEvents, listAuditEvents } from "@/lib/server/audit/log";
import { getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

/** Owners see their organisations' log and their members' account events, admins every event; anonymous visitors sign in first. */
export default async function AuditPage({ searchParams }: PageProps<"/[locale]/audit">) {
  const [viewer, locale, t] = await Promise.all([getViewer(), getLocale(), getTranslations("audit")]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (!canReadAuditLog(viewer)) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p role="alert">{t("forbidden")}</p>
      </>
    );
  }
  const search = parseAuditSearch(await searchParams);
  const count = await countAuditEvents(viewer, { kind: search.kind });
  const pages = Math.max(1, Math.ceil(count / AUDIT_PAGE_SIZE));
  const page = Math.min(search.page, pages);
  const events = await listAuditEvents(viewer, { kind: search.kind, page });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t(viewer.user.isAdmin ? "ledeAdmin" : "ledeOwner")}</p>
      {search.invalid ? (
        <p className="notice" role="status">
          {t("invalid")}
        </p>
      ) : null}
      <AuditKindNav current={search.kind} />
      {events.length === 0 ? <p className="empty-state">{t(search.kind === "all" ? "empty" : "emptyKind")}</p> : <AuditTable events={events} />}
      <AuditPagination kind={search.kind} page={page} pages={pages} count={count} />
    </>
  );
}

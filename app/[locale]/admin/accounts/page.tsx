import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { AccountConfirmation } from "@/components/accounts/account-confirmation";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { oneOf, Outcome } from "@/components/organisation/outcome";
import { redirect } from "@/lib/i18n/navigation";
import { ACCOUNTS_PAGE_SIZE, listAccounts } from "@/lib/server/accounts";
import { getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

const DONE = ["disabled", "enabled", "unchanged", "reset", "nothingToReset"] as const;
const ERRORS = ["forbidden", "self", "gone"] as const;

/**
 * Instance administrators disable or enable accounts and reset their second factors. Anonymous visitors sign in
 * first; everyone else gets the 403 page.
 */
export default async function AccountsPage({ searchParams }: PageProps<"/[locale]/admin/accounts">) {
  const [viewer, locale, t, query] = await Promise.all([getViewer(), getLocale(), getTranslations("accounts"), searchParams]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (!viewer.user.isAdmin) forbidden();
  const accounts = await listAccounts({ kind: "user", viewer });
  const done = oneOf(query.done, DONE);
  const error = oneOf(query.error, ERRORS);
  const confirming = oneOf(query.confirm, ["disable", "reset"] as const);
  const target = confirming ? accounts.find((a) => a.id === query.user && (confirming === "reset" || (!a.disabled && a.id !== viewer.user.id))) : undefined;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <Outcome done={done && t(`done.${done}`)} error={error && t(`errors.${error}`)} />
      {confirming && target ? <AccountConfirmation kind={confirming} account={target} locale={locale} /> : null}
      {accounts.length === ACCOUNTS_PAGE_SIZE ? <p className="muted">{t("truncated", { count: ACCOUNTS_PAGE_SIZE })}</p> : null}
      <AccountsTable accounts={accounts} you={viewer.user.id} locale={locale} />
    </>
  );
}

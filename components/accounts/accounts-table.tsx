import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import styles from "@/components/organisation/organisation.module.css";
import { setAccountDisabledAction } from "@/lib/actions/accounts";
import { isOrgRole } from "@/lib/auth/roles";
import { Link } from "@/lib/i18n/navigation";
import type { AccountRow } from "@/lib/server/accounts";

type Props = { accounts: AccountRow[]; you: string; locale: string };

/**
 * Every account for instance administrators: email, display name, admin, disabled, second factors, organisations.
 * Disabling and resetting go through a confirmation step (a page state of its own); enabling is one plain form.
 */
export function AccountsTable({ accounts, you, locale }: Props): ReactElement {
  const t = useTranslations("accounts");
  const secondFactors = (account: AccountRow) =>
    [account.totp ? t("totp") : null, account.passkeys > 0 ? t("passkeys", { count: account.passkeys }) : null].filter(Boolean).join(", ") || t("none");
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="accounts">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.email")}</th>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.admin")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.twoFactor")}</th>
            <th scope="col">{t("columns.organisations")}</th>
            <th scope="col">{t("columns.change")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid="account">
              <th scope="row">
                {account.email}
                {account.id === you ? ` ${t("you")}` : ""}
              </th>
              <td>{account.name}</td>
              <td>{account.isAdmin ? t("yes") : t("no")}</td>
              <td>{account.disabled ? <span className="badge badge-warn">{t("disabled")}</span> : t("active")}</td>
              <td>{secondFactors(account)}</td>
              <td>{account.organizations.map((m) => t("membership", { organization: m.name, role: isOrgRole(m.role) ? t(`role.${m.role}`) : m.role })).join(", ")}</td>
              <td>
                <div className={styles.inline}>
                  {account.disabled ? (
                    <form action={setAccountDisabledAction}>
                      <input type="hidden" name="userId" value={account.id} />
                      <input type="hidden" name="disabled" value="false" />
                      <input type="hidden" name="locale" value={locale} />
                      <button type="submit" className="button-quiet">
                        {t("enable")}
                        <span className="visually-hidden">{t("forAccount", { email: account.email })}</span>
                      </button>
                    </form>
                  ) : account.id === you ? null : (
                    <Link href={{ pathname: "/admin/accounts", query: { confirm: "disable", user: account.id }, hash: "confirm-account" }}>
                      {t("disable")}
                      <span className="visually-hidden">{t("forAccount", { email: account.email })}</span>
                    </Link>
                  )}
                  {account.totp || account.passkeys > 0 ? (
                    <Link href={{ pathname: "/admin/accounts", query: { confirm: "reset", user: account.id }, hash: "confirm-account" }}>
                      {t("reset")}
                      <span className="visually-hidden">{t("forAccount", { email: account.email })}</span>
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import styles from "@/components/organisation/organisation.module.css";
import { resetTwoFactorAction, setAccountDisabledAction } from "@/lib/actions/accounts";
import { Link } from "@/lib/i18n/navigation";
import type { AccountRow } from "@/lib/server/accounts";

type Props = { kind: "disable" | "reset"; account: AccountRow; locale: string };

/** The confirmation step of disabling an account or resetting its second factors (?confirm=…&user=…): no script needed. */
export function AccountConfirmation({ kind, account, locale }: Props): ReactElement {
  const t = useTranslations("accounts");
  const key = kind === "disable" ? "confirmDisable" : "confirmReset";
  return (
    <section id="confirm-account" className={styles.confirm} aria-labelledby="confirm-account-heading">
      <h2 id="confirm-account-heading">{t(`${key}.heading`, { email: account.email })}</h2>
      <p>{t(`${key}.body`)}</p>
      <form action={kind === "disable" ? setAccountDisabledAction : resetTwoFactorAction} className={styles.actions}>
        <input type="hidden" name="userId" value={account.id} />
        {kind === "disable" ? <input type="hidden" name="disabled" value="true" /> : null}
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className={styles.danger}>
          {t(`${key}.confirm`, { email: account.email })}
        </button>
        <Link href="/admin/accounts">{t("cancel")}</Link>
      </form>
    </section>
  );
}

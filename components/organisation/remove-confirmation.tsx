import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { removeMemberAction } from "@/lib/actions/organisation";
import { Link } from "@/lib/i18n/navigation";
import type { MemberRow } from "@/lib/server/accounts";
import styles from "./organisation.module.css";

type Props = { member: MemberRow; organization: { name: string; slug: string }; locale: string };

/** The removal's confirmation step: a page state of its own (?remove=<member>), so it needs no script. */
export function RemoveConfirmation({ member, organization, locale }: Props): ReactElement {
  const t = useTranslations("organisation.confirmRemove");
  const names = { name: member.name, organization: organization.name };
  return (
    <section id="confirm-removal" className={styles.confirm} aria-labelledby="confirm-removal-heading">
      <h2 id="confirm-removal-heading">{t("heading", names)}</h2>
      <p>{t("body", names)}</p>
      <form action={removeMemberAction} className={styles.actions}>
        <input type="hidden" name="memberId" value={member.memberId} />
        <input type="hidden" name="org" value={organization.slug} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className={styles.danger}>
          {t("confirm", names)}
        </button>
        <Link href={{ pathname: "/organisation", query: { org: organization.slug } }}>{t("cancel")}</Link>
      </form>
    </section>
  );
}

import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { setTwoFactorPolicyAction } from "@/lib/actions/organisation";
import { Link } from "@/lib/i18n/navigation";
import type { OrganizationMembers } from "@/lib/server/accounts";
import styles from "./organisation.module.css";

type Props = { organization: OrganizationMembers["organization"]; notEnrolled: number; locale: string };

/** Whether the organisation requires two-factor sign-in, who has not enrolled yet, and one button to switch it. */
export function TwoFactorPolicy({ organization, notEnrolled, locale }: Props): ReactElement {
  const t = useTranslations("organisation.policy");
  const required = organization.requireTwoFactor;
  return (
    <section className={styles.section} aria-labelledby="two-factor-policy-heading">
      <h2 id="two-factor-policy-heading">{t("heading")}</h2>
      <p data-testid="two-factor-policy">{t(required ? "on" : "off", { organization: organization.name })}</p>
      <p data-testid="not-enrolled">{t(required ? "notEnrolledRequired" : "notEnrolled", { count: notEnrolled })}</p>
      <p className="hint">{t.rich("hint", { link: (chunks) => <Link href="/account">{chunks}</Link> })}</p>
      <form action={setTwoFactorPolicyAction}>
        <input type="hidden" name="organizationId" value={organization.id} />
        <input type="hidden" name="require" value={required ? "off" : "on"} />
        <input type="hidden" name="org" value={organization.slug} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit">{t(required ? "turnOff" : "turnOn")}</button>
      </form>
    </section>
  );
}

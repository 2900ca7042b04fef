import { useFormatter, useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { ORG_ROLES, isOrgRole } from "@/lib/auth/roles";
import { changeRoleAction } from "@/lib/actions/organisation";
import { Link } from "@/lib/i18n/navigation";
import type { MemberRow } from "@/lib/server/accounts";
import styles from "./organisation.module.css";

type Props = { members: MemberRow[]; organization: { name: string; slug: string }; locale: string };

/**
 * The organisation's members by display name only (never an email), with a plain form per member to change the role
 * and a link to the removal's confirmation step: both work without JavaScript.
 */
export function MembersTable({ members, organization, locale }: Props): ReactElement {
  const t = useTranslations("organisation");
  const format = useFormatter();
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="members">
        <caption className="visually-hidden">{t("members.caption", { organization: organization.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("members.name")}</th>
            <th scope="col">{t("members.role")}</th>
            <th scope="col">{t("members.twoFactor")}</th>
            <th scope="col">{t("members.joined")}</th>
            <th scope="col">{t("members.change")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.memberId} data-testid="member">
              <th scope="row">
                {member.name}
                {member.isYou ? ` ${t("members.you")}` : ""}
                {member.disabled ? <span className="badge badge-warn">{t("members.disabled")}</span> : null}
              </th>
              <td>{isOrgRole(member.role) ? t(`role.${member.role}`) : member.role}</td>
              <td>{member.twoFactor ? t("members.enrolled") : t("members.notEnrolled")}</td>
              <td className="nowrap">{format.dateTime(member.joinedAt, { dateStyle: "medium", timeZone: "UTC" })}</td>
              <td>
                <form action={changeRoleAction} className={styles.inline}>
                  <input type="hidden" name="memberId" value={member.memberId} />
                  <input type="hidden" name="org" value={organization.slug} />
                  <input type="hidden" name="locale" value={locale} />
                  <label className="visually-hidden" htmlFor={`role-${member.memberId}`}>
                    {t("members.roleOf", { name: member.name })}
                  </label>
                  <select id={`role-${member.memberId}`} name="role" defaultValue={member.role}>
                    {ORG_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button-quiet">
                    {t("members.changeRole")}
                    <span className="visually-hidden">{t("members.forName", { name: member.name })}</span>
                  </button>
                  <Link href={{ pathname: "/organisation", query: { org: organization.slug, remove: member.memberId }, hash: "confirm-removal" }}>
                    {t("members.remove")}
                    <span className="visually-hidden">{t("members.forName", { name: member.name })}</span>
                  </Link>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

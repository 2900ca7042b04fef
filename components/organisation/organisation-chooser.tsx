import { useTranslations } from "next-intl";
import type { ReactElement } from "react";
import { Link } from "@/lib/i18n/navigation";
import styles from "./organisation.module.css";

type Props = { organizations: { organizationId: string; organizationName: string; organizationSlug: string }[]; current: string };

/** For an owner of several organisations: one link per organisation (?org=<slug>), the one shown marked. */
export function OrganisationChooser({ organizations, current }: Props): ReactElement | null {
  const t = useTranslations("organisation");
  if (organizations.length < 2) return null;
  return (
    <nav aria-label={t("chooser")} className={styles.chooser}>
      <ul>
        {organizations.map((org) => (
          <li key={org.organizationId}>
            <Link href={{ pathname: "/organisation", query: { org: org.organizationSlug } }} aria-current={org.organizationId === current ? "page" : undefined}>
              {org.organizationName}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

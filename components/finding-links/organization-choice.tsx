import { useTranslations } from "next-intl";

/** The organisation a decision is made for: a hidden field for one, a choice among several. */
export function OrganizationChoice({ id, organizations }: { id: string; organizations: { id: string; name: string }[] }) {
  const t = useTranslations("findingLinks.form");
  if (organizations.length === 1) return <input type="hidden" name="organizationId" value={organizations[0]!.id} />;
  return (
    <span className="finding-field">
      <label htmlFor={`${id}-org`}>{t("organization")}</label>
      <select id={`${id}-org`} name="organizationId" defaultValue={organizations[0]?.id}>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </span>
  );
}

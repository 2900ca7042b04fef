import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { MembersTable } from "@/components/organisation/members-table";
import { OrganisationChooser } from "@/components/organisation/organisation-chooser";
import { oneOf, Outcome } from "@/components/organisation/outcome";
import { RemoveConfirmation } from "@/components/organisation/remove-confirmation";
import { TwoFactorPolicy } from "@/components/organisation/two-factor-policy";
import { Link, redirect } from "@/lib/i18n/navigation";
import { listOrganizationMembers } from "@/lib/server/accounts";
import { TwoFactorRequiredError } from "@/lib/server/http-errors";
import { getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organisation");
  return { title: t("title") };
}

const DONE = ["roleChanged", "roleUnchanged", "removed", "policyOn", "policyOff", "policyUnchanged"] as const;
const ERRORS = ["forbidden", "twoFactor", "lastOwner", "gone", "invalid"] as const;

/**
 * Owners manage their organisation: members by display name, their roles, removal, and the two-factor requirement.
 * An owner of several organisations picks one (?org=<slug>). Anonymous visitors sign in first; others get the 403 page.
 */
export default async function OrganisationPage({ searchParams }: PageProps<"/[locale]/organisation">) {
  const [viewer, locale, t, query] = await Promise.all([getViewer(), getLocale(), getTranslations("organisation"), searchParams]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  const owned = viewer.memberships.filter((m) => m.role === "owner");
  if (owned.length === 0) forbidden();
  const current = owned.find((m) => m.organizationSlug === query.org) ?? owned[0]!;
  const done = oneOf(query.done, DONE);
  const error = oneOf(query.error, ERRORS);
  const outcome = <Outcome done={done && t(`done.${done}`)} error={error && t(`errors.${error}`)} />;
  const data = await listOrganizationMembers({ kind: "user", viewer }, current.organizationId).catch((failure: unknown) => {
    if (failure instanceof TwoFactorRequiredError) return null;
    throw failure;
  });
  const chooser = <OrganisationChooser organizations={owned} current={current.organizationId} />;
  if (!data) {
    return (
      <>
        <h1>{t("title")}</h1>
        {chooser}
        <Outcome done={done && t(`done.${done}`)} />
        <p role="alert" className="notice">
          {t.rich("twoFactorNeeded", { link: (chunks) => <Link href="/account">{chunks}</Link> })}
        </p>
      </>
    );
  }
  const removing = data.members.find((m) => m.memberId === query.remove);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede", { organization: data.organization.name })}</p>
      {chooser}
      {outcome}
      {removing ? <RemoveConfirmation member={removing} organization={data.organization} locale={locale} /> : null}
      <h2>{t("members.heading")}</h2>
      <MembersTable members={data.members} organization={data.organization} locale={locale} />
      <TwoFactorPolicy organization={data.organization} notEnrolled={data.notEnrolled} locale={locale} />
    </>
  );
}

import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { DisplayNameForm } from "@/components/account/display-name-form";
import { PasskeysTable } from "@/components/account/passkeys-table";
import { PasswordForm } from "@/components/account/password-form";
import { SessionsTable } from "@/components/account/sessions-table";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { redirect } from "@/lib/i18n/navigation";
import { listPasskeys } from "@/lib/server/account/passkeys";
import { currentSessionId, listSessions } from "@/lib/server/account/sessions";
import { currentRequestHeaders, getViewer } from "@/lib/server/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The signed-in person's own account: display name, two-factor sign-in, passkeys, password and sessions. */
export default async function AccountPage() {
  const [viewer, locale, t, messages] = await Promise.all([getViewer(), getLocale(), getTranslations("account"), getMessages()]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  const [sessions, passkeys] = await Promise.all([currentSessionId(await currentRequestHeaders()).then((id) => listSessions(viewer, id)), listPasskeys(viewer)]);
  const sections = [
    ["name", <DisplayNameForm key="name" name={viewer.user.name} />],
    ["twoFactor", <TwoFactorSection key="twoFactor" enabled={viewer.user.twoFactorEnabled} />],
    ["passkeys", <PasskeysTable key="passkeys" passkeys={passkeys} />],
    ["password", <PasswordForm key="password" />],
    ["sessions", <SessionsTable key="sessions" sessions={sessions} />],
  ] as const;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede", { email: viewer.user.email })}</p>
      {/* This page's catalogue travels to the browser with this page only. */}
      <NextIntlClientProvider messages={{ account: messages.account }}>
        {sections.map(([id, body]) => (
          <section key={id} aria-labelledby={`account-section-${id}`}>
            <h2 id={`account-section-${id}`}>{t(`${id}.heading`)}</h2>
            <p className="lede">{t(`${id}.lede`)}</p>
            {body}
          </section>
        ))}
      </NextIntlClientProvider>
    </>
  );
}

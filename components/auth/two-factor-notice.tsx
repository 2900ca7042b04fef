import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { Link } from "@/lib/i18n/navigation";

/**
 * Says why a member sees only public data: the named organisations require two-factor sign-in and this session began
 * without it. The page passes the names, computed on the server from the policy; nothing shows when there are none.
 */
export async function TwoFactorNotice({ organizations }: { organizations: readonly string[] }): Promise<ReactElement | null> {
  if (organizations.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("common.twoFactor"), getFormatter()]);
  return (
    <p className="notice" role="status" data-testid="two-factor-notice">
      {t.rich("notice", { organizations: format.list(organizations, { type: "conjunction" }), link: (chunks) => <Link href="/account">{chunks}</Link> })}
    </p>
  );
}

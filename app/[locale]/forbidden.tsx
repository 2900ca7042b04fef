import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** What `forbidden()` shows (HTTP 403): a signed-in visitor whose account may not open the page, e.g. a non-admin at /admin/import. */
export default function Forbidden() {
  const t = useTranslations("common.forbidden");
  return (
    <div className="empty-state">
      <h1>{t("title")}</h1>
      <p role="alert">{t("body")}</p>
      <p>
        <Link href="/">{t("backToReviews")}</Link>
      </p>
    </div>
  );
}

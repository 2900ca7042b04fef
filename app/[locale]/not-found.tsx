import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("common.notFound");
  return (
    <div className="empty-state">
      <h1>{t("title")}</h1>
      <p>
        <Link href="/">{t("backToReviews")}</Link>
      </p>
    </div>
  );
}

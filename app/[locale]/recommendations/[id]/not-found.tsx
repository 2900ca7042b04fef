import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function RecommendationNotFound() {
  const t = useTranslations("detail.notFound");
  return (
    <div className="empty-state">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/recommendations" prefetch={false}>{t("search")}</Link> · <Link href="/">{t("back")}</Link>
      </p>
    </div>
  );
}

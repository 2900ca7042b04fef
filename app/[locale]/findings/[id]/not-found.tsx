import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function FindingNotFound() {
  const t = useTranslations("findings.notFound");
  return (
    <div className="empty-state">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
    </div>
  );
}

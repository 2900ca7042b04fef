import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function DocumentNotFound() {
  const t = useTranslations("findings.document");
  return (
    <div className="empty-state">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <Link href="/documents/new">{t("addDocument")}</Link> · <Link href="/">{t("back")}</Link>
      </p>
    </div>
  );
}

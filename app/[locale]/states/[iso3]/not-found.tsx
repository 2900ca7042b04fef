import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function StateNotFound() {
  const t = useTranslations("states.notFound");
  return (
    <div className="empty-state">
      <h1>{t("title")}</h1>
      <p>{t.rich("body", { code: (chunks) => <code>{chunks}</code> })}</p>
      <p>
        <Link href="/states">{t("all")}</Link> · <Link href="/">{t("back")}</Link>
      </p>
    </div>
  );
}

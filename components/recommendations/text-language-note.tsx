import { useTranslations } from "next-intl";
import { sameLanguage } from "@/lib/recommendation-text";

/**
 * Says which language an official text is in when it is not the interface's ("Official text in English",
 * "官方文本为英文"), the language named in the interface's own language.
 */
export function TextLanguageNote({ language, locale }: { language: string; locale: string }) {
  const t = useTranslations("detail");
  if (sameLanguage(language, locale)) return null;
  let name = language;
  try {
    name = new Intl.DisplayNames([locale], { type: "language" }).of(language) ?? language;
  } catch {
    // A tag Intl does not know is shown as it is.
  }
  return (
    <p className="text-language-note muted" data-testid="text-language-note">
      {t("textLanguage", { language: name })}
    </p>
  );
}

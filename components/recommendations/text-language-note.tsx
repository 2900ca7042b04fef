import { textLanguageNote } from "@/lib/recommendation-text";

/** Says which language an official text is in when it is not the interface's ("Official text in English"). */
export function TextLanguageNote({ language, locale }: { language: string; locale: string }) {
  const note = textLanguageNote(language, locale);
  return note ? (
    <p className="text-language-note muted" data-testid="text-language-note">
      {note}
    </p>
  ) : null;
}

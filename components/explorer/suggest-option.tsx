import type { WordedOption } from "@/lib/suggest/types";

/** What one option says: the State and which of its recommendations, or the theme name and its schemes; and the count. */
export function SuggestOptionContent({ option }: { option: WordedOption }) {
  return (
    <>
      <span className="option-name">{option.label}</span>
      <span className="option-detail">{option.detail}</span>
    </>
  );
}

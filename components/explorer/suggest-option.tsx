"use client";

import { useTranslations } from "next-intl";
import type { SuggestOption } from "@/lib/suggest/types";

/** What one option says: the State and which of its recommendations, or the theme name and its schemes; and the count. */
export function SuggestOptionContent({ option }: { option: SuggestOption }) {
  const t = useTranslations("finder");
  const count = t("suggest.count", { count: option.count });
  if ("iso3" in option) {
    const name = option.matched ? t("suggest.matchedName", { name: option.name, matched: option.matched }) : option.name;
    return (
      <>
        <span className="option-name">{t(`suggest.${option.kind}`, { name })}</span>
        <span className="option-detail">{count}</span>
      </>
    );
  }
  const schemes = option.schemes.map(({ scheme, code }) => t(`scheme.${scheme}`, { code: code ?? "" }).trim());
  return (
    <>
      <span className="option-name">{option.name}</span>
      <span className="option-detail">
        {schemes.join(t("suggest.schemeSeparator"))}
        {t("suggest.schemeSeparator")}
        {count}
      </span>
    </>
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState } from "react";

type Suggestions = { states: { iso3: string; name: string }[]; themes: { slug: string; name: string; code: string | null }[] };

function addTo(params: URLSearchParams, key: string, value: string): string {
  const next = new URLSearchParams(params);
  const values = new Set((next.getAll(key).join(",") || "").split(",").filter(Boolean));
  values.add(value);
  next.set(key, [...values].join(","));
  next.delete("page");
  return `/recommendations?${next.toString()}`;
}

/** "Find a State or theme": a fast prefix search that adds the choice to the current filters. */
export function SuggestBox() {
  const id = useId();
  const t = useTranslations("explorer");
  const locale = useLocale();
  const params = useSearchParams();
  const [text, setText] = useState("");
  const [found, setFound] = useState<Suggestions | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/suggest?q=${encodeURIComponent(q)}&lang=${locale}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Suggestions>) : null))
        .then(setFound)
        .catch(() => {});
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, locale]);

  const results = text.trim() ? found : null;
  const total = (results?.states.length ?? 0) + (results?.themes.length ?? 0);
  return (
    <div className="suggest" role="search">
      <label htmlFor={id} className="field-label">
        {t("suggest.label")}
      </label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t("suggest.placeholder")} autoComplete="off" />
      {results ? (
        <ul className="suggestions" aria-live="polite">
          {total === 0 ? <li className="muted">{t("suggest.nothing", { text })}</li> : null}
          {results.states.map((s) => (
            <li key={s.iso3}>
              <Link href={addTo(params, "state", s.iso3)}>{t("suggest.recommendedBy", { name: s.name })}</Link>{" "}
              <Link href={addTo(params, "sur", s.iso3)} className="muted">
                {t("suggest.reviewed")}
              </Link>
            </li>
          ))}
          {results.themes.map((t) => (
            <li key={t.slug}>
              <Link href={t.slug.startsWith("affected:") ? addTo(params, "affected", t.slug.slice(9)) : addTo(params, "theme", t.slug)}>
                {t.code ? `${t.code} ` : ""}
                {t.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

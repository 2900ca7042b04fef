"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { getPathname, useRouter } from "@/lib/i18n/navigation";
import { currentFilters, withTextSearch } from "@/lib/suggest/href";
import type { SuggestOption, Suggestions } from "@/lib/suggest/types";
import { SuggestOptionContent } from "./suggest-option";

type Item = SuggestOption | { kind: "search"; text: string; href: string };

/**
 * "Find a State or theme": an ARIA 1.2 combobox over the States and themes that have recommendations within the
 * current filters (GET /api/suggest), each adding itself to those filters. ArrowDown/ArrowUp move through the options,
 * Enter opens the active one, Escape closes the list (and, closed, clears the text); the last option, and Enter with
 * no option active, searches the texts. Without JavaScript it is a plain GET form that searches the texts.
 */
export function SuggestBox() {
  const id = useId();
  const t = useTranslations("finder.suggest");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const params = useSearchParams();
  const current = currentFilters(params.toString());
  const filters = current.toString();
  const [text, setText] = useState("");
  const [found, setFound] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const typed = text.trim();
  useEffect(() => {
    if (!typed) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ q: typed, lang: locale, filters });
      fetch(`/api/suggest?${query.toString()}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Suggestions>) : null))
        .then(setFound)
        .catch(() => {});
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [typed, locale, filters]);

  // Only the answer to what is typed now: a late answer to an earlier text is never offered.
  const fresh = found && found.search.text === typed ? found : null;
  const items: Item[] = typed ? [...(fresh?.options ?? []), { kind: "search", text: typed, href: withTextSearch(current, typed) }] : [];
  const expanded = open && items.length > 0;
  const listId = `${id}-list`;
  const optionId = (index: number): string => `${id}-option-${index}`;

  const choose = (item: Item): void => {
    setOpen(false);
    setActive(-1);
    router.push(item.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const last = items.length - 1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (items.length === 0) return;
      event.preventDefault();
      const down = event.key === "ArrowDown";
      setOpen(true);
      setActive(!expanded || active < 0 ? (down ? 0 : last) : down ? (active >= last ? 0 : active + 1) : active <= 0 ? last : active - 1);
    } else if (event.key === "Enter" && expanded && items[active]) {
      event.preventDefault();
      choose(items[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (expanded) setOpen(false);
      else setText("");
      setActive(-1);
    }
  };

  // With JavaScript, Enter with no option chosen searches the texts without reloading the page.
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (typed) choose(items[items.length - 1]!);
  };

  return (
    <form role="search" className="suggest" method="get" action={getPathname({ href: "/recommendations", locale })} onSubmit={onSubmit}>
      <label htmlFor={`${id}-input`} className="field-label">
        {t("label")}
      </label>
      {[...current].filter(([key]) => key !== "q").map(([key, value], index) => (
        <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
      ))}
      <input
        id={`${id}-input`}
        name="q"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        maxLength={60}
        placeholder={t("placeholder")}
        autoComplete="off"
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <p id={`${id}-hint`} className="visually-hidden">
        {t("hint")}
      </p>
      <ul id={listId} role="listbox" aria-label={t("listLabel")} className="suggestions" hidden={!expanded}>
        {items.map((item, index) => (
          <li
            key={item.kind === "search" ? "search" : `${item.kind}-${item.href}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? "option active" : "option"}
            data-href={item.href}
            // Keep the focus in the text box (the combobox pattern), so a click does not close the list first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(item)}
          >
            {item.kind === "search" ? t("search", { text: item.text }) : <SuggestOptionContent option={item} />}
          </li>
        ))}
      </ul>
      {typed && fresh ? (
        <div role="status" className="suggest-status" data-for={typed}>
          {fresh.options.length === 0 ? <p className="muted">{t("nothing", { text: typed })}</p> : null}
          {fresh.empty.length > 0 ? <p className="muted">{t("empty", { names: format.list(fresh.empty.map((s) => s.name)) })}</p> : null}
          <span className="visually-hidden">{t("status", { count: fresh.options.length })}</span>
        </div>
      ) : null}
    </form>
  );
}

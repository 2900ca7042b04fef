"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { withLocale, type Locale } from "@/lib/i18n/routing";
import { currentFilters, withTextSearch } from "@/lib/suggest/href";
import type { SuggestBoxWords, WordedOption, WordedSuggestions } from "@/lib/suggest/types";
import { searchOptionText } from "@/lib/suggest/words";
import { SuggestOptionContent } from "./suggest-option";

type Item = WordedOption | { kind: "search"; text: string; href: string };

/**
 * "Find a State or theme": an ARIA 1.2 combobox over the States and themes that have recommendations within the
 * current filters (GET /api/suggest), each adding itself to those filters. ArrowDown/ArrowUp move through the options,
 * Enter opens the active one, Escape closes the list (and, closed, clears the text); the last option, and Enter with
 * no option active, searches the texts. Without JavaScript it is a plain GET form that searches the texts. Its words
 * come from the server (the page's, and the API's worded answer), so the browser carries no message formatter.
 */
export function SuggestBox({ locale, words }: { locale: Locale; words: SuggestBoxWords }) {
  const id = useId();
  const router = useRouter();
  const params = useSearchParams();
  const current = currentFilters(params.toString());
  const filters = current.toString();
  const [text, setText] = useState("");
  const [found, setFound] = useState<WordedSuggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const typed = text.trim();
  useEffect(() => {
    if (!typed) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ q: typed, lang: locale, filters });
      fetch(`/api/suggest?${query.toString()}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<WordedSuggestions>) : null))
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
    router.push(withLocale(item.href, locale));
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
    <form role="search" className="suggest" method="get" action={withLocale("/recommendations", locale)} onSubmit={onSubmit}>
      <label htmlFor={`${id}-input`} className="field-label">
        {words.label}
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
        placeholder={words.placeholder}
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
        {words.hint}
      </p>
      <ul id={listId} role="listbox" aria-label={words.listLabel} className="suggestions" hidden={!expanded}>
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
            {item.kind === "search" ? searchOptionText(words, item.text) : <SuggestOptionContent option={item} />}
          </li>
        ))}
      </ul>
      {typed && fresh ? (
        <div role="status" className="suggest-status" data-for={typed}>
          {fresh.notes.nothing ? <p className="muted">{fresh.notes.nothing}</p> : null}
          {fresh.notes.empty ? <p className="muted">{fresh.notes.empty}</p> : null}
          <span className="visually-hidden">{fresh.notes.status}</span>
        </div>
      ) : null}
    </form>
  );
}

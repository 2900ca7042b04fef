"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { rankStateKeys, searchKey, type StateSearchKeys } from "@/lib/countries/name-search";
import { getPathname, Link } from "@/lib/i18n/navigation";

export type StateIndexRow = {
  iso3: string;
  name: string;
  keys: StateSearchKeys;
  recommendations: number;
  /** The count's accessible name: "12 recommendations made by Estonia". */
  recommendationsLabel: string;
  statesReviewed: number;
};

export type StateIndexGroup = { id: string; title: string; caption: string; states: StateIndexRow[] };

type Props = { groups: StateIndexGroup[]; initialText: string; headers: { state: string; recommendationsMade: string; statesReviewed: string } };

/**
 * The States index with its search: the rows whose names (UN, common, abbreviations, Chinese, ISO3) match what is
 * typed, kept in the address (`?q=`) so the filtered list can be shared. Without JavaScript the form submits `q` and
 * the server renders the same filtered list. Its links are plain anchors (a page load each): a client-side link per
 * row would cost more to render than the table.
 */
export function StateIndexSearch({ groups, initialText, headers }: Props) {
  const id = useId();
  const t = useTranslations("finder.stateSearch");
  const locale = useLocale();
  const format = useFormatter();
  const [text, setText] = useState(initialText);
  const key = searchKey(text);
  const shown = groups
    .map((group) => ({ ...group, states: key ? group.states.filter((state) => rankStateKeys(key, state.keys) !== null) : group.states }))
    .filter((group) => group.states.length > 0);
  const total = groups.reduce((sum, group) => sum + group.states.length, 0);
  const count = shown.reduce((sum, group) => sum + group.states.length, 0);
  const action = getPathname({ href: "/states", locale });

  const onChange = (value: string): void => {
    setText(value);
    // The address follows the search without a round trip, so a reload or a shared link shows the same list.
    const url = new URL(window.location.href);
    if (value.trim()) url.searchParams.set("q", value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  };

  return (
    <>
      <form role="search" method="get" action={action} className="state-search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor={`${id}-q`} className="field-label">
          {t("label")}
        </label>
        <div className="search-row">
          <input id={`${id}-q`} name="q" type="search" value={text} maxLength={60} placeholder={t("placeholder")} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
          <button type="submit">{t("submit")}</button>
        </div>
      </form>
      <div role="status" className="state-search-status">
        {key ? (
          count > 0 ? (
            <p className="muted">{t("shown", { shown: count, total, text: text.trim() })}</p>
          ) : (
            <p>
              {t("noMatch", { text: text.trim() })}{" "}
              <Link
                href="/states"
                onClick={(event) => {
                  // With JavaScript the list is here already: clear the search instead of loading the page again.
                  event.preventDefault();
                  onChange("");
                }}
              >
                {t("showAll")}
              </Link>
            </p>
          )
        ) : null}
      </div>
      <div className="state-groups">
        {shown.map((group) => (
          <section key={group.id} aria-labelledby={group.id} data-testid={group.id}>
            <h2 id={group.id}>
              {group.title} <span className="muted">({format.number(group.states.length)})</span>
            </h2>
            <div className="table-scroll">
              <table className="data-table compact">
                <caption className="visually-hidden">{group.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{headers.state}</th>
                    <th scope="col" className="num">
                      {headers.recommendationsMade}
                    </th>
                    <th scope="col" className="num">
                      {headers.statesReviewed}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {group.states.map((state) => (
                    <tr key={state.iso3} data-testid={`state-${state.iso3}`}>
                      <th scope="row">
                        <a href={getPathname({ href: `/states/${state.iso3}`, locale })}>{state.name}</a>
                      </th>
                      <td className="num">
                        {state.recommendations === 0 ? (
                          <span className="muted">{format.number(0)}</span>
                        ) : (
                          <a href={getPathname({ href: `/recommendations?state=${state.iso3}`, locale })} aria-label={state.recommendationsLabel} data-testid="count-link">
                            {format.number(state.recommendations)}
                          </a>
                        )}
                      </td>
                      <td className="num">{format.number(state.statesReviewed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </>
  );
}

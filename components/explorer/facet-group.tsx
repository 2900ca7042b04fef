import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

type Value = { value: string; label: string; count: number };

type Props = {
  title: string;
  name: string;
  values: Value[];
  selected: string[];
  /** Long lists show the first N and the rest behind "Show all". Selected values always show. */
  collapsedAfter?: number;
  /** Shown under the title, before the values (e.g. a choice of scope); the group then shows even without values. */
  intro?: ReactNode;
};

function Option({ name, value, selected }: { name: string; value: Value; selected: boolean }) {
  const id = `f-${name}-${value.value}`;
  const t = useTranslations("explorer");
  const format = useFormatter();
  return (
    <li>
      <input type="checkbox" id={id} name={name} value={value.value} defaultChecked={selected} />
      <label htmlFor={id}>
        {value.label} <span className="count">{t("filters.count", { count: format.number(value.count) })}</span>
      </label>
    </li>
  );
}

/** One filter as checkboxes with facet counts, e.g. "Noted (62)". */
export function FacetGroup({ title, name, values, selected, collapsedAfter, intro }: Props) {
  const t = useTranslations("explorer");
  const shown = values.filter((v) => v.count > 0 || selected.includes(v.value));
  if (shown.length === 0 && !intro) return null;
  const limit = collapsedAfter ?? shown.length;
  const head = shown.filter((v, i) => i < limit || selected.includes(v.value));
  const rest = shown.filter((v) => !head.includes(v));
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {intro}
      <ul>
        {head.map((value) => (
          <Option key={value.value} name={name} value={value} selected={selected.includes(value.value)} />
        ))}
      </ul>
      {rest.length > 0 ? (
        <details>
          <summary>{t("filters.showAll", { count: shown.length })}</summary>
          <ul>
            {rest.map((value) => (
              <Option key={value.value} name={name} value={value} selected={false} />
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}

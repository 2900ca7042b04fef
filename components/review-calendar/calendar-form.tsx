"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, type ReactElement } from "react";
import { saveReviewCalendarAction } from "@/lib/actions/review-calendar";
import { CALENDAR_DATE_FIELDS, type SettableCalendar } from "@/lib/review-calendar/calendar-fields";
import type { ReviewCalendarFormState } from "@/lib/review-calendar/form-state";

const IDLE: ReviewCalendarFormState = { ok: true };

/**
 * The administrators' form that sets the review's calendar dates and where they come from, or clears them. The server
 * checks who may and every field; the form works without JavaScript (a plain POST of the server action).
 */
export function ReviewCalendarForm({ reviewId, current }: { reviewId: number; current: SettableCalendar }): ReactElement {
  const t = useTranslations("calendar.datesForm");
  const [state, action, pending] = useActionState(saveReviewCalendarAction.bind(null, reviewId), IDLE);
  const value = (name: keyof SettableCalendar) => (!state.ok ? state.values?.[name] : (current[name] ?? undefined));
  const marked = (name: string) => !state.ok && (state.fields ?? []).includes(name);
  const field = (name: keyof SettableCalendar, type: "date" | "text") => (
    <Fragment key={name}>
      <label className="field-label" htmlFor={`cal-${name}`}>
        {t(`fields.${name}`)}
      </label>
      <input
        id={`cal-${name}`}
        name={name}
        type={type}
        defaultValue={value(name)}
        aria-invalid={marked(name) || undefined}
        aria-describedby={marked(name) ? `cal-${name}-error` : undefined}
      />
      {marked(name) ? (
        <span id={`cal-${name}-error`} className="field-error">
          {t(`errors.${name}`)}
        </span>
      ) : null}
    </Fragment>
  );
  return (
    <form action={action} className="review-document-form" data-testid="review-calendar-form">
      <h3>{t("heading")}</h3>
      <p className="hint">{t("hint")}</p>
      {/* Remounted after each answer so the fields show what was saved, or what was typed when refused. */}
      <Fragment key={state.ok ? `saved-${state.code ?? "idle"}` : `refused-${state.attempt ?? 0}`}>
        {CALENDAR_DATE_FIELDS.map((name) => field(name, "date"))}
        {field("calendarSource", "text")}
      </Fragment>
      <p>
        <button type="submit" name="intent" value="set" disabled={pending}>
          {t("submit")}
        </button>{" "}
        <button type="submit" name="intent" value="clear" disabled={pending} formNoValidate>
          {t("clear")}
        </button>
      </p>
      {state.code ? (
        <p role={state.ok ? "status" : "alert"} className={state.ok ? undefined : "form-error"} data-testid="review-calendar-outcome">
          {t(state.code)}
        </p>
      ) : null}
    </form>
  );
}

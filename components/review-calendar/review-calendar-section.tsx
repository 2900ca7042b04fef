import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { DocumentSymbol } from "@/components/un-documents/document-symbol";
import { documentHref, type ReviewDocumentView } from "@/lib/review-calendar/documents";
import { stateOf, TIMELINE_KINDS, todayIso, type TimelineEvent } from "@/lib/review-calendar/timeline";
import type { ReviewCalendar } from "@/lib/server/review-calendar/calendar";
import { UN_DOCUMENT_REL } from "@/lib/un-documents/links";
import { ReviewCalendarForm } from "./calendar-form";
import { dayFormatter } from "./day-formatter";
import { AddDocumentForm, RemoveDocumentButton } from "./document-forms";

/** The timeline's steps with their dates; the steps no document dates are named, not guessed. */
async function Timeline({ calendar }: { calendar: ReviewCalendar }) {
  const [t, day, format] = await Promise.all([getTranslations("calendar.timeline"), dayFormatter(), getFormatter()]);
  const today = todayIso();
  const known = new Set(calendar.timeline.map((event) => event.kind));
  const unknown = TIMELINE_KINDS.filter((kind) => !known.has(kind)).map((kind) => t(`kinds.${kind}`));
  const when = (event: TimelineEvent) => (event.until ? t("window", { from: day(event.on), until: day(event.until) }) : day(event.on));
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t("heading")}</h3>
      {calendar.timeline.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <ol className="review-timeline" data-testid="review-timeline">
          {calendar.timeline.map((event) => (
            <li key={event.kind} data-kind={event.kind}>
              <strong>{t(`kinds.${event.kind}`)}</strong> <time dateTime={event.on}>{when(event)}</time> <span className="muted">({t(stateOf(event, today))})</span>
            </li>
          ))}
        </ol>
      )}
      {unknown.length > 0 && calendar.timeline.length > 0 ? <p className="muted">{t("unknown", { steps: format.list(unknown, { type: "conjunction" }) })}</p> : null}
      {calendar.calendarSource ? <p className="hint">{t("source", { source: calendar.calendarSource })}</p> : null}
    </section>
  );
}

async function DocumentName({ document }: { document: ReviewDocumentView }) {
  const [t, locale] = await Promise.all([getTranslations("calendar.documents"), getLocale()]);
  if (document.symbol) return <DocumentSymbol symbol={document.symbol} />;
  const href = documentHref(document, locale);
  const name = document.title ?? document.author ?? href ?? "";
  return (
    <>
      {href ? (
        <a href={href} rel={UN_DOCUMENT_REL} referrerPolicy="no-referrer">
          {name}
        </a>
      ) : (
        name
      )}
      {document.author && document.title ? <> {t("by", { author: document.author })}</> : null}
    </>
  );
}

async function Documents({ calendar, admin }: { calendar: ReviewCalendar; admin: boolean }) {
  const [t, day] = await Promise.all([getTranslations("calendar.documents"), dayFormatter()]);
  if (calendar.documents.length === 0) return <p className="empty-state">{t("empty")}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="review-documents">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("document")}</th>
          </tr>
        </thead>
        <tbody>
          {calendar.documents.map((document) => (
            <tr key={document.id ?? document.role} data-role={document.role}>
              <th scope="row">{t(`roles.${document.role}`)}</th>
              <td>
                <DocumentName document={document} />
                {/* The date in the document's cell, not a column of its own: two columns fit a phone. */}
                {document.date ? (
                  <>
                    {" "}
                    <time dateTime={document.date} className="muted">
                      {day(document.date)}
                    </time>
                  </>
                ) : null}
                {admin && document.id !== null ? <RemoveDocumentButton documentId={document.id} label={document.symbol ?? document.title ?? document.author ?? String(document.id)} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The review's timeline and documents on its page, the calendar file to subscribe to, and the administrators' form. */
export async function ReviewCalendarSection({ calendar, admin, calendarAdmin = false }: { calendar: ReviewCalendar; admin: boolean; calendarAdmin?: boolean }) {
  const [t, messages, locale] = await Promise.all([getTranslations("calendar"), admin || calendarAdmin ? getMessages() : null, getLocale()]);
  const body = (
    <>
      <Timeline calendar={calendar} />
      {calendarAdmin ? <ReviewCalendarForm reviewId={calendar.id} current={{
            workingGroupAdoptedOn: calendar.dates.workingGroupAdoptedOn,
            responsesOn: calendar.dates.responsesOn,
            councilAdoptedOn: calendar.dates.councilAdoptedOn,
            midTermFrom: calendar.dates.midTermFrom,
            midTermUntil: calendar.dates.midTermUntil,
            nextReviewOn: calendar.dates.nextReviewOn,
            calendarSource: calendar.calendarSource,
          }} /> : null}
      <section aria-labelledby="documents-heading">
        <h3 id="documents-heading">{t("documents.heading")}</h3>
        <Documents calendar={calendar} admin={admin} />
        {admin ? <AddDocumentForm reviewId={calendar.id} /> : null}
      </section>
    </>
  );
  return (
    <section aria-labelledby="calendar-heading" className="review-calendar" data-testid="review-calendar">
      <h2 id="calendar-heading">{t("heading")}</h2>
      <p>
        <a href={`/api/reviews/${calendar.id}/calendar.ics?lang=${locale}`} download data-testid="calendar-download">
          {t("subscribe")}
        </a>{" "}
        <span className="hint">{t("subscribeHint")}</span>
      </p>
      {/* The administrators' forms read this namespace in the browser; nobody else is sent it. */}
      {messages ? <NextIntlClientProvider messages={{ calendar: messages.calendar }}>{body}</NextIntlClientProvider> : body}
    </section>
  );
}

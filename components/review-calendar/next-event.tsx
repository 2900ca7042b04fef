import { getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import { cycleTerm } from "@/lib/cycles/label";
import type { StateNextEvent } from "@/lib/server/review-calendar/calendar";
import { dayFormatter } from "./day-formatter";

/** The home page's "what comes next" for the featured State: the next known date of its reviews, or that none is known. */
export async function NextEvent({ iso3, next }: { iso3: string; next: StateNextEvent | null }) {
  const [t, kinds, terms, locale, day] = await Promise.all([getTranslations("calendar.next"), getTranslations("calendar.timeline"), getTranslations("terms"), getLocale(), dayFormatter()]);
  const state = countryName(iso3, locale);
  return (
    <section aria-labelledby="next-event-heading" data-testid="next-event">
      <h2 id="next-event-heading">{t("heading", { state })}</h2>
      {next ? (
        <p>
          {t("event", {
            step: kinds(`kinds.${next.event.kind}`),
            date: next.event.until ? kinds("window", { from: day(next.event.on), until: day(next.event.until) }) : day(next.event.on),
          })}{" "}
          {next.event.state === "ongoing" ? <span className="muted">({kinds("ongoing")})</span> : null}{" "}
          <Link href={`/reviews/${next.review.id}#calendar-heading`}>{t("review", { review: cycleTerm(terms, next.review.cycle, next.review.year) })}</Link>
        </p>
      ) : (
        <p className="muted">{t("none")}</p>
      )}
    </section>
  );
}

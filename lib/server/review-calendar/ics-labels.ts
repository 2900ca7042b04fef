import "server-only";
import { createTranslator } from "next-intl";
import { cycleTerm, type TermsTranslator } from "@/lib/cycles/label";
import { countryName } from "@/lib/i18n/countries";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import type { IcsLabels } from "@/lib/review-calendar/ics";
import { TIMELINE_KINDS } from "@/lib/review-calendar/timeline";

/** next-intl's plain translator (no request context: a route handler), typed loosely like lib/server/filter-labels.ts. */
type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The .ics file's words in `locale`, from the `calendar` and `terms` messages (the same words as the review page). */
export async function icsLabelsOf(review: { stateIso3: string; cycle: number; year: number | null }, locale: Locale): Promise<IcsLabels> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "calendar" }) as unknown as Translate;
  const terms = createTranslator({ locale, messages, namespace: "terms" }) as unknown as TermsTranslator;
  const values = { state: countryName(review.stateIso3, locale), cycle: cycleTerm(terms, review.cycle, review.year) };
  const title = t("ics.title", values);
  return {
    locale,
    calName: t("ics.calName", values),
    heading: t("ics.heading", { title }),
    events: Object.fromEntries(TIMELINE_KINDS.map((kind) => [kind, t("ics.event", { title, event: t(`ics.events.${kind}`) })])) as IcsLabels["events"],
    documentLine: (role, document) => t("ics.document", { role: t(`documents.roles.${role}`), document }),
    datesFrom: (source) => t("timeline.source", { source }),
  };
}

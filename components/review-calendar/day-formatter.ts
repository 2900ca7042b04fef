import { getFormatter } from "next-intl/server";

/**
 * "6 November 2018" in the reader's language; the dates are UN days, so read in UTC. A module of its own: the home
 * page's "what comes next" reads it without importing the review page's calendar section and its admin forms (client
 * components, whose scripts a page carries once it imports them, rendered or not).
 */
export async function dayFormatter(): Promise<(iso: string) => string> {
  const format = await getFormatter();
  return (iso) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
}

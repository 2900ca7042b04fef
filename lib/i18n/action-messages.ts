import { createTranslator, hasLocale } from "next-intl";
import { headers } from "next/headers";
import type { z } from "zod";
import { listsByKey } from "@/lib/http/params";
import { loadMessages } from "./messages";
import { routing, type Locale } from "./routing";

/**
 * Messages that server actions hand back to a form, in the reader's language. A server action posts to the page it
 * was rendered on, so proxy.ts's next-intl routing has put the page's locale on the request (the header next-intl's
 * own `getLocale` reads); a call without it (a script, a test) reads the default locale. The translator is next-intl's
 * plain one, so an action works the same inside and outside a Next request.
 */
const LOCALE_HEADER = "x-next-intl-locale";

async function actionLocale(): Promise<Locale> {
  const requestHeaders = await headers();
  const fromHeader = requestHeaders.get(LOCALE_HEADER);
  if (hasLocale(routing.locales, fromHeader)) return fromHeader;
  const referer = requestHeaders.get("referer");
  const fromReferer = referer ? URL.parse(referer)?.pathname.split("/")[1] : undefined;
  return hasLocale(routing.locales, fromReferer) ? fromReferer : routing.defaultLocale;
}

/** `t("messages.noteSaved")` for the detail page's actions; a key starting `terms.` reads the terms catalogue. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export async function detailTranslator(): Promise<Translate> {
  const locale = await actionLocale();
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: { detail: messages.detail, terms: messages.terms } });
  return (key, values) => t((key.startsWith("terms.") ? key : `detail.${key}`) as never, values as never);
}

/**
 * `t("messages.savedVersion")` for the assessment form and the withdrawal (the `assessments` catalogue); a key
 * starting `terms.` reads the terms catalogue, one starting `fieldErrors.` or `detail.` the detail page's.
 */
export async function assessmentTranslator(): Promise<Translate> {
  const locale = await actionLocale();
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: { assessments: messages.assessments, detail: messages.detail, terms: messages.terms } });
  const path = (key: string) => (key.startsWith("terms.") || key.startsWith("detail.") ? key : key.startsWith("fieldErrors.") ? `detail.${key}` : `assessments.${key}`);
  return (key, values) => t(path(key) as never, values as never);
}

/** `t("messages.renamed")` for the account page's actions (the `account` catalogue). */
export async function accountTranslator(): Promise<Translate> {
  const locale = await actionLocale();
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: { account: messages.account } });
  return (key, values) => t(`account.${key}` as never, values as never);
}

/** `t("messages.confirmed")` for the UN findings' link forms (the `findingLinks` catalogue). */
export async function findingLinksTranslator(): Promise<Translate> {
  const locale = await actionLocale();
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: { findingLinks: messages.findingLinks } });
  return (key, values) => t(`findingLinks.${key}` as never, values as never);
}

/** The schemas' own English messages, each with its catalogue key, so a form shows them in the reader's language. */
const KNOWN_MESSAGES: Record<string, string> = {
  required: "fieldErrors.required",
  "a URL starting with http:// or https://": "fieldErrors.url",
  "a date as YYYY-MM-DD": "fieldErrors.date",
  "Write something": "fieldErrors.noteBody",
  "Choose a category from 1 to 5": "fieldErrors.category",
  "Say why the category is changed": "fieldErrors.reason",
};

/** One zod issue as a message for the person at the form: the schema's wording where the catalogue has it. */
export function fieldErrorMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const known = KNOWN_MESSAGES[issue.message];
  if (known) return t(known);
  if (issue.code === "too_big") {
    return t(issue.origin === "array" ? "fieldErrors.tooMany" : "fieldErrors.tooLong", { maximum: Number(issue.maximum) });
  }
  if (issue.code === "too_small" && issue.origin === "string") return t("fieldErrors.required");
  return t("fieldErrors.invalid");
}

/** A ZodError's issues grouped by field path ("rationale", "evidence.1.reference"), translated. */
export function translatedFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
  pathOf: (issue: z.core.$ZodIssue) => readonly PropertyKey[] = (issue) => issue.path,
): Record<string, string[]> {
  return listsByKey(issues.map((issue) => [pathOf(issue).map(String).join("."), fieldErrorMessage(issue, t)] as const));
}

/** `t("messages.signIn")` for the UN documents' and findings' forms (the `findings` catalogue). */
export async function findingsTranslator(): Promise<Translate> {
  const locale = await actionLocale();
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: { findings: messages.findings } });
  return (key, values) => t(`findings.${key}` as never, values as never);
}

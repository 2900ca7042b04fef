import { hasLocale } from "next-intl";
import { routing, type Locale } from "@/lib/i18n/routing";

/**
 * Reading a plain form's fields in the server actions that answer with a redirect (the owner and admin account pages):
 * a missing or non-text field reads as "", so the server function's own checks refuse it.
 */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** The language of the page the form was on (its hidden `locale` field), English when missing. */
export function formLocale(formData: FormData): Locale {
  const requested = formData.get("locale");
  return hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
}

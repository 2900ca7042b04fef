import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";

/** The HTML a component renders inside a page of `locale`, with the real message catalogues (as the layout provides them). */
export async function renderInLocale(element: ReactElement, locale: Locale = "en"): Promise<string> {
  const messages = await loadMessages(locale);
  // The element goes in as the child argument; the cast only says the props object has no children of its own.
  const props = { locale, messages, timeZone: "UTC" } as Omit<ComponentProps<typeof NextIntlClientProvider>, "children"> as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, element));
}

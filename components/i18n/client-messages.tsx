import type { ReactNode } from "react";
import { NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { pickMessages, type ClientMessageKey } from "@/lib/i18n/messages";

/**
 * Hands the client components below it the catalogues they read, and no more: `namespaces` names whole namespaces
 * ("statusSheet") or parts of one ("finder.suggest"). It is the only provider above them (the root layout has none, so
 * that a page without such components carries no message formatter): list everything the client components inside it
 * read, and wrap every client component that reads the locale or links with lib/i18n/navigation. Wrap a section
 * rendered once per page, so the messages travel once. Not async (next-intl's `useMessages` works in a server component that is not), so the pages'
 * bodies also render where async components cannot (renderToStaticMarkup in the page-size tests).
 */
export function ClientMessages({ namespaces, children }: { namespaces: readonly ClientMessageKey[]; children: ReactNode }) {
  const messages = useMessages();
  return (
    <NextIntlClientProvider locale={useLocale()} messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}

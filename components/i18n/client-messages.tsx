import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type ClientMessageKey } from "@/lib/i18n/messages";

/**
 * Hands the client components below it the catalogues they read, and no more: `namespaces` names whole namespaces
 * ("statusSheet") or parts of one ("finder.suggest"). The provider replaces the root layout's messages for this
 * subtree, so list everything the client components inside it read. Wrap a section rendered once per page, so the
 * messages travel once.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly ClientMessageKey[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

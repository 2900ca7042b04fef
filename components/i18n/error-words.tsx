"use client";

import { createContext, useContext, type ReactNode } from "react";

/** What the error page says (app/[locale]/error.tsx), in the page's language. */
export type ErrorWords = { title: string; body: string; retry: string };

const ErrorWordsContext = createContext<ErrorWords | null>(null);

/**
 * Hands the error page its words from the root layout, which translates them on the server: the error page is a client
 * component Next renders without props, and with these three strings the browser needs no message catalogue or
 * formatter on pages whose other parts need none.
 */
export function ErrorWordsProvider({ words, children }: { words: ErrorWords; children: ReactNode }) {
  return <ErrorWordsContext value={words}>{children}</ErrorWordsContext>;
}

export function useErrorWords(): ErrorWords {
  const words = useContext(ErrorWordsContext);
  if (!words) throw new Error("useErrorWords() outside the root layout's ErrorWordsProvider");
  return words;
}

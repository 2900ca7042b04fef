"use client";

import { useErrorWords } from "@/components/i18n/error-words";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const words = useErrorWords();
  return (
    <div className="empty-state" role="alert">
      <h1>{words.title}</h1>
      <p>{words.body}</p>
      <button type="button" onClick={reset}>
        {words.retry}
      </button>
    </div>
  );
}

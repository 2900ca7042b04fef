"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="empty-state" role="alert">
      <h1>Something went wrong</h1>
      <p>The page could not be loaded. Nothing you entered was lost.</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}

import type { TextSegment } from "@/lib/server/recommendations";

/** The text exactly as stored, with the words a search matched marked; no HTML from the database is trusted. */
export function Highlighted({ text, segments }: { text: string; segments: TextSegment[] | null }) {
  if (!segments) return <>{text}</>;
  return (
    <>
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}

import Link from "next/link";

/** A count that opens the explorer on exactly the recommendations it counts; a zero is plain text. */
export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <Link href={href} aria-label={label}>
      {count}
    </Link>
  );
}

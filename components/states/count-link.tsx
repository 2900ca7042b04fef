import { useFormatter } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/**
 * A count that opens the explorer on exactly the recommendations it counts; a zero is plain text. Not prefetched: a
 * table holds dozens of these, and each would render a filtered explorer page nobody may open.
 */
export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  const format = useFormatter();
  if (count === 0) return <span className="muted">{format.number(0)}</span>;
  return (
    <Link href={href} aria-label={label} prefetch={false} data-testid="count-link">
      {format.number(count)}
    </Link>
  );
}

import { Link } from "@/lib/i18n/navigation";

export default function StateNotFound() {
  return (
    <div className="empty-state">
      <h1>State not found</h1>
      <p>
        No UN Member or observer State has this code. State pages use the three-letter ISO code, such as <code>/states/GBR</code>.
      </p>
      <p>
        <Link href="/states">All States</Link> · <Link href="/">Back to the reviews</Link>
      </p>
    </div>
  );
}

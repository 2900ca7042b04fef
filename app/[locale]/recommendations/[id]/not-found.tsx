import { Link } from "@/lib/i18n/navigation";

export default function RecommendationNotFound() {
  return (
    <div className="empty-state">
      <h1>Recommendation not found</h1>
      <p>No recommendation has this number. Check the address, or find the recommendation in the explorer.</p>
      <p>
        <Link href="/recommendations" prefetch={false}>Search all recommendations</Link> · <Link href="/">Back to the reviews</Link>
      </p>
    </div>
  );
}

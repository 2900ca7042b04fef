import Link from "next/link";
export default function NotFound() {
  return (
    <div className="empty-state">
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to the reviews</Link>
      </p>
    </div>
  );
}

export default function NotFound() {
  return (
    <div className="empty-state">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to the reviews</a>
      </p>
    </div>
  );
}

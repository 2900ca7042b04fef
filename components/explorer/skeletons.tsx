export function FacetsSkeleton() {
  return (
    <aside className="filter-panel skeleton" aria-busy="true" aria-label="Filters loading">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="skeleton-line" />
      ))}
    </aside>
  );
}

export function ResultsSkeleton() {
  return (
    <section className="results skeleton" aria-busy="true" aria-label="Results loading">
      <span className="visually-hidden" role="status">
        Loading recommendations…
      </span>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton-line tall" />
      ))}
    </section>
  );
}

export function ChartsSkeleton() {
  return (
    <div className="chart-list skeleton" aria-busy="true" aria-label="Charts loading">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="skeleton-line" />
      ))}
    </div>
  );
}

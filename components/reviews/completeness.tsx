import type { ReviewSummary } from "@/lib/server/reviews";

/** "346 of 346 loaded", or "0 of 428 loaded" with what was reported, so nobody mistakes a partial list for the whole. */
export function Completeness({ review }: { review: ReviewSummary }) {
  const { loaded, reported, reportedWordings } = review;
  if (reported.total === null) {
    return (
      <span>
        {loaded} loaded <span className="muted">(official total not recorded)</span>
      </span>
    );
  }
  const complete = loaded === reported.total;
  const percent = reported.total > 0 ? Math.min(100, Math.round((loaded / reported.total) * 100)) : 0;
  return (
    <div className="completeness">
      <span className={complete ? "badge badge-ok" : "badge badge-warn"}>
        {loaded} of {reported.total} loaded{complete ? "" : " — incomplete"}
      </span>
      <progress max={reported.total} value={Math.min(loaded, reported.total)} aria-label={`${percent}% of the reported recommendations loaded`} />
      <div className="muted">
        Reported:{" "}
        {reportedWordings.length > 0
          ? reportedWordings.map((w) => `${w.count} ${w.wording}`).join(", ")
          : [`${reported.supported ?? "?"} supported`, reported.supportedInPart ? `${reported.supportedInPart} supported in part` : null, `${reported.noted ?? "?"} noted`]
              .filter(Boolean)
              .join(", ")}
      </div>
    </div>
  );
}

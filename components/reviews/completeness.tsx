import { useTranslations } from "next-intl";
import { wordingTerm } from "@/lib/i18n/terms";
import type { ReviewSummary } from "@/lib/server/reviews";

/** "346 of 346 loaded", or "0 of 428 loaded" with what was reported, so nobody mistakes a partial list for the whole. */
export function Completeness({ review }: { review: ReviewSummary }) {
  const t = useTranslations("home.completeness");
  const terms = useTranslations("terms");
  // The State's own words, in the reader's language where the catalogue has them (China's "rejected" is 拒绝).
  const wording = (words: string): string => (terms.has(wordingTerm(words)) ? terms(wordingTerm(words)) : words);
  const { loaded, reported, reportedWordings } = review;
  if (reported.total === null) {
    return (
      <span>
        {t("loadedOnly", { loaded })} <span className="muted">{t("totalNotRecorded")}</span>
      </span>
    );
  }
  const complete = loaded === reported.total;
  const percent = reported.total > 0 ? Math.min(100, Math.round((loaded / reported.total) * 100)) : 0;
  const list =
    reportedWordings.length > 0
      ? reportedWordings.map((w) => t("wording", { count: w.count, wording: wording(w.wording) }))
      : [
          t("supported", { count: reported.supported ?? "?" }),
          reported.supportedInPart ? t("supportedInPart", { count: reported.supportedInPart }) : null,
          t("noted", { count: reported.noted ?? "?" }),
        ].filter((item) => item !== null);
  return (
    <div className="completeness">
      <span className={complete ? "badge badge-ok" : "badge badge-warn"}>
        {t("loadedOf", { loaded, total: reported.total })}
        {complete ? "" : t("incomplete")}
      </span>
      <progress max={reported.total} value={Math.min(loaded, reported.total)} aria-label={t("progress", { percent: percent / 100 })} />
      <div className="muted">{t("reported", { list: list.join(t("listSeparator")) })}</div>
    </div>
  );
}

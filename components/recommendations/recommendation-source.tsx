import { useTranslations } from "next-intl";
import { DocumentSymbol } from "@/components/un-documents/document-symbol";
import type { RecommendationDetail } from "@/lib/server/recommendation-detail";

/** The symbols a journalist cites: paragraph, Working Group report, addendum, and the file the text was read from. */
export function RecommendationSource({ detail }: { detail: RecommendationDetail }) {
  const t = useTranslations("detail.source");
  const { paragraph, source } = detail.recommendation;
  return (
    <dl className="facts">
      <div>
        <dt>{t("paragraph")}</dt>
        <dd>{paragraph ?? <span className="muted">{t("notNumbered")}</span>}</dd>
      </div>
      <div>
        <dt>{t("report")}</dt>
        <dd>{source.reportSymbol ? <DocumentSymbol symbol={source.reportSymbol} /> : <span className="muted">{t("notRecorded")}</span>}</dd>
      </div>
      <div>
        <dt>{t("addendum")}</dt>
        <dd>{source.addendumSymbol ? <DocumentSymbol symbol={source.addendumSymbol} /> : <span className="muted">{t("noneRecorded")}</span>}</dd>
      </div>
      <div>
        <dt>{t("document")}</dt>
        <dd>
          {detail.document.title ?? t(`format.${detail.document.format}`)}
          <div className="muted">
            {t("file")}
            <code>{source.document}</code>
          </div>
        </dd>
      </div>
    </dl>
  );
}

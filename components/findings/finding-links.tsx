import { getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import { countryName } from "@/lib/i18n/countries";
import { Link } from "@/lib/i18n/navigation";
import type { FindingLinkRow } from "@/lib/server/findings";
import styles from "./findings.module.css";

/** Every recommendation the finding bears on, as organisations confirmed it: stance, review, response, excerpt. */
export async function FindingLinks({ links, locale }: { links: FindingLinkRow[]; locale: string }): Promise<ReactElement> {
  const t = await getTranslations("findings");
  return (
    <section aria-labelledby="finding-links-heading">
      <h2 id="finding-links-heading">{t("finding.linksHeading")}</h2>
      {links.length === 0 ? (
        <p className="muted" data-testid="finding-no-links">{t("finding.noLinks")}</p>
      ) : (
        <>
          <p className="muted">{t("finding.linksLede")}</p>
          <ul className={styles.items} data-testid="finding-links">
            {links.map((link, i) => {
              const r = link.recommendation;
              return (
                <li key={`${r.id}-${i}`} data-stance={link.stance}>
                  <p>
                    <strong>{t(`stances.${link.stance}`)}</strong>
                    {" · "}
                    <Link href={`/recommendations/${r.id}`}>{r.paragraph ? t("finding.recommendation", { paragraph: r.paragraph }) : t("finding.recommendationNoParagraph")}</Link>
                    {" · "}
                    {t("finding.review", { state: countryName(r.review.stateUnderReviewIso3, locale), cycle: r.review.cycle })}
                  </p>
                  <blockquote lang={r.textLanguage}>{r.text}</blockquote>
                  <p>
                    {t("finding.response")}
                    {": "}
                    {t(`positions.${r.position ?? "none"}`)}
                    {r.responseWording ? ` (“${r.responseWording}”)` : null}
                  </p>
                  {link.excerpt ? (
                    <p>
                      {t("finding.excerpt")}
                      {": "}
                      <q>{link.excerpt}</q>
                    </p>
                  ) : null}
                  <p className="muted">{t("finding.linkedBy", { organization: link.organizationName })}</p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { chooseWordingReview, WordingChooser } from "@/components/response-wording/wording-chooser";
import { WordingImport } from "@/components/response-wording/wording-import";
import { reviewLabel } from "@/components/status-sheet/sheet-chooser";
import { Link, redirect } from "@/lib/i18n/navigation";
import { can } from "@/lib/auth/policy";
import { getViewer } from "@/lib/server/permissions";
import { listReviewSummaries } from "@/lib/server/reviews";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("responseWording");
  return { title: t("title") };
}

/**
 * Instance administrators set the State's own response wording of a loaded review from a sheet: download its template,
 * upload the edited file, check the preview, apply. Anonymous visitors sign in first; everyone else gets the 403 page.
 */
export default async function ResponseWordingPage({ searchParams }: PageProps<"/[locale]/admin/response-wording">) {
  const [viewer, locale, t, terms, sheet, messages] = await Promise.all([
    getViewer(),
    getLocale(),
    getTranslations("responseWording"),
    getTranslations("terms"),
    getTranslations("statusSheet"),
    getMessages(),
  ]);
  if (!viewer) return redirect({ href: "/sign-in", locale });
  if (!can(viewer, "admin.responseWording", {}).allowed) forbidden();
  const reviews = (await listReviewSummaries()).filter((review) => review.loaded > 0);
  const { review, invalid } = chooseWordingReview(reviews, await searchParams);
  const name = review ? reviewLabel(review, locale, terms, sheet) : "";
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <p>
        {t.rich("seeImport", { link: (chunks) => <Link href="/admin/import">{chunks}</Link> })}
      </p>
      {invalid ? (
        <p className="notice" role="status">
          {t("invalid")}
        </p>
      ) : null}
      {reviews.length === 0 ? <p className="empty-state">{t("noReviews")}</p> : <WordingChooser reviews={reviews} review={review} />}
      {review ? (
        <>
          <section aria-labelledby="download-heading">
            <h2 id="download-heading">{t("download.heading")}</h2>
            <p>
              <a className="button" href={`/api/admin/response-wording?review=${review.id}`} download>
                {t("download.button")}
              </a>{" "}
              {t("download.what", { review: name, count: review.loaded })}
            </p>
            <p className="hint">{t("download.hint")}</p>
          </section>
          <section aria-labelledby="import-heading">
            <h2 id="import-heading">{t("import.heading")}</h2>
            {/* This page's catalogue travels to the browser with this page only. */}
            <NextIntlClientProvider messages={{ responseWording: messages.responseWording, terms: messages.terms }}>
              <WordingImport reviewId={review.id} reviewName={name} addendumSymbol={review.addendumSymbol} />
            </NextIntlClientProvider>
          </section>
        </>
      ) : null}
    </>
  );
}

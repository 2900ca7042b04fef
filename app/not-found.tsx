import Link from "next/link";
import { LANGUAGE_TAGS } from "@/lib/i18n/routing";

/** An address outside both locales (page paths without one are redirected by proxy.ts): offer both languages. */
export default function RootNotFound() {
  return (
    <html lang={LANGUAGE_TAGS.en}>
      <body>
        <main id="main">
          <div className="empty-state">
            <h1>Page not found</h1>
            <p>
              <Link href="/en">Back to the reviews</Link> ·{" "}
              <Link href="/zh" lang={LANGUAGE_TAGS.zh} hrefLang={LANGUAGE_TAGS.zh}>
                返回审议列表
              </Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}

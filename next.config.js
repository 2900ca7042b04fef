// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file, as Next loads it
const createNextIntlPlugin = require("next-intl/plugin");

// The interface languages: lib/i18n/request.ts loads the catalogues of each request's locale.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The PGlite files are used only by the start script and the CLI, never by the app bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
  // The status sheet's upload and apply actions carry a CSV of up to 5 MB (lib/status-sheet/csv.ts). authInterrupts:
  // `forbidden()` answers 403 with app/[locale]/forbidden.tsx (the admin pages, for signed-in non-admins). inlineCss:
  // each page carries its stylesheet (16 KB, 5 KB gzipped) in its HTML, so it paints from its first response instead
  // of waiting a second round trip for the stylesheet (about 2 s on "Slow 3G"); the CSP allows those <style> elements
  // by hash (lib/http/style-hashes.ts). optimizePackageImports: a server component's `import { useTranslations } from
  // "next-intl"` is rewritten to that one module, instead of next-intl's whole entry, which also names its client
  // provider: through it every page sent the browser use-intl's message formatter (11 KB compressed), even where no
  // client component translates anything (the explorer: 145.8 → 134.6 KB on "Slow 3G", npm run -s bench -- page-weight).
  experimental: { serverActions: { bodySizeLimit: "6mb" }, authInterrupts: true, inlineCss: true, optimizePackageImports: ["next-intl"] },
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds the app for the end-to-end tests, and
  // says so with UPR_BUILD_TYPECHECKED=1; every other build (npm start, next build) checks types as usual.
  typescript: { ignoreBuildErrors: process.env.UPR_BUILD_TYPECHECKED === "1" },
};

module.exports = withNextIntl(nextConfig);

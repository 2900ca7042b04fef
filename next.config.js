/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The PGlite files are used only by the start script and the CLI, never by the app bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket"],
};

module.exports = nextConfig;

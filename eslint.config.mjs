import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "lib/server/generated/**", "next-env.d.ts", ".upr-data/**", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // Prisma stays in lib/server (house style): pages and components call lib/server functions.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/generated/prisma/*", "@prisma/client"], message: "Use lib/server/* functions; Prisma stays in lib/server." }] },
      ],
    },
  },
  {
    // Every interface string lives in the message catalogues (lib/i18n/messages): text written straight into JSX fails.
    // Punctuation that reads the same in both languages may stay. The root not-found page, outside both locales, says
    // its few words in both languages itself.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["app/not-found.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false, ignoreProps: true, allowedStrings: ["·", "›", "×", "→", "“", "”", "(", ")", "—", "–", ":", "/", "…", "|", ","] }],
    },
  },
  {
    files: ["lib/server/**", "prisma/**", "tests/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
]);

import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
};

// next-intl's ESM imports `next/server` without an extension: vite resolves it when next-intl is bundled, Node does not.
const server = { deps: { inline: ["next-intl"] } };

export default defineConfig({
  resolve: { alias },
  test: {
    // The integration files mostly wait on PostgreSQL and on the CLI processes they start: two at a time fit two cores.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        // Parsing a real .docx takes a second on an idle machine, several on a busy two-core one.
        test: { name: "unit", environment: "node", server, include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          server,
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/helpers/global-setup.ts"],
          // The tests call the route handlers directly and set the client address themselves, as scripts/serve.ts does.
          env: { UPR_SERVER_SETS_CLIENT_ADDRESS: "1" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

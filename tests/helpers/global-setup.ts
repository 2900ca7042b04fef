import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabaseExists, migrate } from "@/lib/database/postgres";
import { acquirePostgres, databaseUrl, seededTemplateName, uniqueDatabaseName } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgBaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per run: find PostgreSQL, create a migrated template database, and hand both to the tests.
 * Each test file then copies the template into a database of its own (tests/helpers/test-database.ts); a file that
 * needs the real data copies a seeded copy of the template, which the first such file makes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await acquirePostgres();
  const template = uniqueDatabaseName("upr_test_template");
  const templateUrl = databaseUrl(server.baseUrl, template);
  await ensureDatabaseExists(templateUrl);
  await migrate(templateUrl, { quiet: true });
  project.provide("pgBaseUrl", server.baseUrl);
  project.provide("templateDatabase", template);
  return async () => {
    for (const name of [seededTemplateName(template), `${seededTemplateName(template)}_building`]) await dropDatabase(databaseUrl(server.baseUrl, name));
    await dropDatabase(templateUrl);
    await server.stop();
  };
}

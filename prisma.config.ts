import path from "node:path";
import { defineConfig } from "prisma/config";
import { createCliAdapter, unrefLongTimers } from "./prisma/cli-adapter";

// Prisma 6 falls back to downloading a native engine when DATABASE_URL is unset, even for `generate`.
// A placeholder keeps `npm install` offline; commands that need a database get the real URL from
// scripts/ (npm start, npm test) or from the environment.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/placeholder";
unrefLongTimers();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => createCliAdapter(process.env.DATABASE_URL!, process.env.SHADOW_DATABASE_URL),
});

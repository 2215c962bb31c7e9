// A config file turns off Prisma's own .env loading, so load it first.
import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseFromEnv } from "./prisma/url";

// DATABASE_URL chooses the engine, and with it the schema and migrations the CLI works on: the
// PostgreSQL twin (prisma/postgres/, derived from schema.prisma) for postgresql:// URLs.
const database = databaseFromEnv();
const dir = database.engine === "postgresql" ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations"), seed: "tsx prisma/seed.ts" },
  adapter: async () =>
    database.engine === "postgresql"
      ? new PrismaPg({ connectionString: database.url })
      : new PrismaBetterSQLite3({ url: database.url }),
});

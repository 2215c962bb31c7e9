// `npm run db:migrate`: brings the database DATABASE_URL names up to the committed migrations.
//  - SQLite (file:…): `prisma migrate deploy`, as before.
//  - PostgreSQL: the migrations of prisma/postgres/migrations applied here, because the JS schema
//    engine's `migrate deploy` fails on PostgreSQL 15 (STACK.md): in name order, each in its own
//    transaction with its record in "_kiosk_migrations", all under an advisory lock — two
//    terminals starting together migrate once, the second finds the work done. An applied
//    migration whose file changed since is refused: migrations are never edited once applied.
import "dotenv/config";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { createSqliteFile } from "./data-files";
import { databaseFromEnv, describeUrl } from "./url";

export const POSTGRES_MIGRATIONS = path.join(__dirname, "postgres", "migrations");
/** pg_advisory_lock key: "kiosk-migrate" as a number, the same on every terminal */
const LOCK_KEY = 4_207_130_417;

export type MigrationRun = { applied: string[]; alreadyApplied: string[] };

function migrationFiles(dir: string): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migratePostgres(url: string, dir: string = POSTGRES_MIGRATIONS): Promise<MigrationRun> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `DATABASE_URL: cannot connect to PostgreSQL at ${describeUrl(url)}: ${(error as Error).message}`,
    );
  }
  const run: MigrationRun = { applied: [], alreadyApplied: [] };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_kiosk_migrations" (
         "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL,
         "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)`,
    );
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>(
          'SELECT "name", "checksum" FROM "_kiosk_migrations"',
        )
      ).rows.map((r) => [r.name, r.checksum]),
    );
    for (const migration of migrationFiles(dir)) {
      const applied = done.get(migration.name);
      if (applied !== undefined) {
        if (applied !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was changed after it was applied: add a new migration instead`,
          );
        }
        run.alreadyApplied.push(migration.name);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query('INSERT INTO "_kiosk_migrations" ("name", "checksum") VALUES ($1, $2)', [
          migration.name,
          migration.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(
          `migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      run.applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return run;
}

async function main(): Promise<number> {
  const database = databaseFromEnv();
  if (database.engine === "sqlite") {
    // made 0600 in a 0700 folder before the CLI opens it (issue 12 item 6)
    createSqliteFile(database.url.slice("file:".length));
    const r = spawnSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
    return r.status ?? 1;
  }
  const run = await migratePostgres(database.url);
  console.log(
    `PostgreSQL ${describeUrl(database.url)}: ${run.applied.length} applied` +
      (run.applied.length ? ` (${run.applied.join(", ")})` : "") +
      `, ${run.alreadyApplied.length} already applied`,
  );
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}

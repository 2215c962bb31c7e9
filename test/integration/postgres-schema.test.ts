// The PostgreSQL twin of the model (issue 10) on a real server: the committed
// prisma/postgres/schema.prisma is exactly what prisma/derive-postgres.ts makes of schema.prisma,
// its migrations build exactly that schema, `npm run db:migrate` applies them once however many
// terminals start together, and the one data layer reads and writes through the pg adapter.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/prisma/client";
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "@/prisma/derive-postgres";
import { migratePostgres } from "@/prisma/migrate";
import { seedDemoData } from "@/prisma/seed";
import { connectPostgres, startPostgres, type PostgresServer } from "../support/postgres";

const root = path.resolve(__dirname, "../..");
let server: PostgresServer;
let tmp: string | undefined;
const made: string[] = [];

beforeAll(async () => {
  const given = process.env.TEST_DATABASE_URL;
  if (given) server = connectPostgres(given);
  else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-pg-"));
    server = await startPostgres({ dir: path.join(tmp, "postgres") });
  }
}, 30_000);

afterAll(async () => {
  for (const name of made) await server?.dropDatabase(name);
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function database(label: string): Promise<string> {
  const name = `schema_${label}_${process.pid}_${Date.now()}`;
  made.push(name);
  return server.createDatabase(name);
}

/** Tables, columns (type, null, default), indexes and constraints, in name order. */
async function catalog(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line);
    return [
      ...(await rows(`select table_name || '.' || column_name || ' ' || data_type || coalesce('(' || datetime_precision || ')', '')
          || ' ' || is_nullable || ' ' || coalesce(column_default, '-') as line
        from information_schema.columns where table_schema = 'public' and table_name <> '_kiosk_migrations'
        order by 1`)),
      ...(await rows(`select indexdef as line from pg_indexes where schemaname = 'public'
        and tablename <> '_kiosk_migrations' order by 1`)),
      ...(await rows(`select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
        from pg_constraint where connamespace = 'public'::regnamespace
        and conrelid::regclass::text <> '_kiosk_migrations' order by 1`)),
    ];
  } finally {
    await client.end();
  }
}

describe("the PostgreSQL schema (one model, two providers)", () => {
  it("is what db:derive makes of schema.prisma: run `npm run db:derive` after editing the model", () => {
    const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(derived);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toMatch(/createdAt\s+DateTime\s+@default\(now\(\)\) @db\.Timestamptz\(3\)/);
  });

  it("is built exactly by its migrations (no drift between the two)", async () => {
    const migrated = await database("migrated");
    await migratePostgres(migrated);
    // the schema as Prisma would create it from scratch, applied to a second database
    const fromModel = await database("model");
    const script = execFileSync(
      path.join(root, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", POSTGRES_SCHEMA, "--script"],
      { cwd: root, env: { ...process.env, DATABASE_URL: fromModel }, encoding: "utf8" },
    );
    await server.psql(script.slice(script.indexOf("--")), new URL(fromModel).pathname.slice(1));
    const [a, b] = [await catalog(migrated), await catalog(fromModel)];
    expect(a.length).toBeGreaterThan(100);
    expect(a).toEqual(b);
  }, 60_000);

  it("migrates once when two terminals start together, and refuses an applied migration that changed", async () => {
    const url = await database("race");
    const [x, y] = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    // every migration applied exactly once between the two, and seen as applied by the other
    const all = fs
      .readdirSync(path.join(root, "prisma/postgres/migrations"))
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect([...x.applied, ...y.applied].sort()).toEqual(all);
    expect([...x.alreadyApplied, ...y.alreadyApplied].sort()).toEqual(all);
    expect(
      await server.psql('select "seq", "hash" from "AuditChainHead"', new URL(url).pathname.slice(1)),
    ).toBe("0|");
    const edited = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-migrations-"));
    try {
      fs.cpSync(path.join(root, "prisma/postgres/migrations"), edited, { recursive: true });
      fs.appendFileSync(path.join(edited, "20261206000000_init/migration.sql"), "\n-- edited\n");
      await expect(migratePostgres(url, edited)).rejects.toThrow(/changed after it was applied/);
    } finally {
      fs.rmSync(edited, { recursive: true, force: true });
    }
  }, 60_000);

  it("carries the data layer: the demo data seeded and read back through the pg adapter", async () => {
    const url = await database("seed");
    await migratePostgres(url);
    const prisma = createPrismaClient(url);
    try {
      await seedDemoData(prisma);
      expect(await prisma.agency.count()).toBe(5);
      const q = await prisma.qualification.findUniqueOrThrow({
        where: { userId_kind: { userId: "1000000001", kind: "construction" } },
        include: { agencies: true },
      });
      expect(q.officialName).toBe("株式会社さいたま建設");
      expect(q.agencies).toHaveLength(3);
      expect(q.passwordChangedAt).toBeInstanceOf(Date);
    } finally {
      await prisma.$disconnect();
    }
  }, 60_000);

  it("names the variable and the host, never the password, for a database it cannot reach", async () => {
    const unreachable = "postgresql://kiosk:s3cret-pw@127.0.0.1:1/kiosk";
    const error = await migratePostgres(unreachable).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/kiosk/);
    expect(error?.message).not.toContain("s3cret-pw");
  });
});

// A real database per test file: the committed migrations applied to a fresh temp SQLite file,
// or — with TEST_DATABASE_ENGINE=postgresql and TEST_DATABASE_URL (a PostgreSQL server's
// maintenance database, test/support/postgres.ts) — to a new database of its own on that server.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { secureSqliteFiles } from "@/prisma/data-files";
import { migratePostgres } from "@/prisma/migrate";
import { connectPostgres } from "./postgres";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");

export function applyMigrations(file: string): void {
  // folder 0700, file 0600 (issue 12 item 6): servers the suites start on it check both
  secureSqliteFiles(file);
  const sqlite = new Database(file);
  try {
    for (const dir of fs.readdirSync(MIGRATIONS).sort()) {
      const sql = path.join(MIGRATIONS, dir, "migration.sql");
      if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
    }
  } finally {
    sqlite.close();
  }
}

/** The engine the suites run on: SQLite unless the runner chose PostgreSQL for this pass. */
export function testEngine(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE_ENGINE === "postgresql" ? "postgresql" : "sqlite";
}

/** A new database of its own on the run's PostgreSQL, migrated; dropped by the returned cleanup. */
async function freshPostgres(): Promise<{ url: string; file: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_ENGINE=postgresql needs TEST_DATABASE_URL (npm test sets both)");
  const server = connectPostgres(admin);
  const name = `kiosk_test_${randomBytes(6).toString("hex")}`;
  const url = await server.createDatabase(name);
  await migratePostgres(url);
  // `file` is what a test file names its database by: for PostgreSQL its URL
  return { url, file: url, drop: () => server.dropDatabase(name) };
}

/** A new migrated SQLite file in a temp folder; removed by the returned cleanup. */
function freshSqlite(): { url: string; file: string; drop: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-db-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  return { url: `file:${file}`, file, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Points DATABASE_URL at a new migrated database and makes it the services' client
 * (app/_server/db.ts keeps its client on globalThis). Returns the client and a cleanup.
 */
export async function freshDatabase(): Promise<{
  prisma: PrismaClient;
  /** DATABASE_URL for a child process (a CLI) on this database */
  url: string;
  file: string;
  /** one raw statement, `?` for each parameter on either engine: tampering, as an intruder would */
  sql: (statement: string, ...params: unknown[]) => Promise<number>;
  /** rows per table (migration bookkeeping left out): "nothing written" checks */
  tableCounts: () => Promise<Record<string, number>>;
  close: () => Promise<void>;
}> {
  const engine = testEngine();
  const database = engine === "postgresql" ? await freshPostgres() : freshSqlite();
  process.env.DATABASE_URL = database.url;
  const prisma = createPrismaClient(database.url);
  (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma = prisma;
  return {
    prisma,
    url: database.url,
    file: database.file,
    sql: (statement, ...params) => {
      let n = 0;
      const native = engine === "postgresql" ? statement.replace(/\?/g, () => `$${++n}`) : statement;
      return prisma.$executeRawUnsafe(native, ...params);
    },
    tableCounts: () => tableCounts(prisma, engine),
    close: async () => {
      await prisma.$disconnect();
      delete (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma;
      await database.drop();
    },
  };
}

const BOOKKEEPING = new Set(["_prisma_migrations", "_kiosk_migrations"]);

async function tableCounts(prisma: PrismaClient, engine: "sqlite" | "postgresql") {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    engine === "postgresql"
      ? `SELECT table_name::text AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables
    .filter((t) => !BOOKKEEPING.has(t.name))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "${name}"`,
    );
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

export const TEST_STAFF_LOGIN = "test-staff";

/**
 * Lets walk-ins in on this run's terminal (TERMINAL_ID, as tests set it): a staff member and an
 * opening with an override reason, so it counts whatever the wall clock's hour (R23). Reuses an
 * opening that still has most of its OVERRIDE_MINUTES ahead. Written directly, without an audit
 * row: suites that count audit rows see only what they do themselves.
 */
export async function openTestTerminal(
  prisma: PrismaClient,
  opts: { terminalId?: string; now?: Date } = {},
): Promise<{ openingId: string; staffUserId: string }> {
  const terminalId = opts.terminalId ?? process.env.TERMINAL_ID ?? "KIOSK-01";
  const now = opts.now ?? new Date();
  const staff = await prisma.staffUser.upsert({
    where: { login: TEST_STAFF_LOGIN },
    create: { login: TEST_STAFF_LOGIN, displayName: "テスト 職員", passwordHash: "-", role: "staff" },
    update: {},
  });
  await prisma.terminal.upsert({ where: { id: terminalId }, create: { id: terminalId }, update: {} });
  const current = await prisma.terminalOpening.findUnique({ where: { openKey: terminalId } });
  const freshFor = (Number(process.env.OVERRIDE_MINUTES) || 120) * 30_000; // half the override
  if (current?.overrideReason && now.getTime() - current.openedAt.getTime() < freshFor) {
    return { openingId: current.id, staffUserId: staff.id };
  }
  if (current) {
    await prisma.terminalOpening.update({
      where: { id: current.id },
      data: { openKey: null, closedAt: now, closedById: staff.id },
    });
  }
  const opening = await prisma.terminalOpening.create({
    data: { terminalId, openKey: terminalId, openedById: staff.id, openedAt: now, overrideReason: "テスト" },
  });
  return { openingId: opening.id, staffUserId: staff.id };
}

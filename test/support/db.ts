// A real database per test file: the committed migrations applied to a fresh temp SQLite file,
// or — with TEST_DATABASE_ENGINE=postgresql and TEST_DATABASE_URL (a PostgreSQL server's
// maintenance database, test/support/postgres.ts) — to a new database of its own on that server.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { migratePostgres } from "@/prisma/migrate";

const MIGRATIONS = path.resolve(__dirname, "../../prisma/migrations");

export function applyMigrations(file: string): void {
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

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_ENGINE=postgresql needs TEST_DATABASE_URL (npm test sets both)");
  const name = `kiosk_test_${randomBytes(6).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = withDatabase(admin, name);
  await migratePostgres(url);
  return { url, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Points DATABASE_URL at a new migrated database and makes it the services' client
 * (app/_server/db.ts keeps its client on globalThis). Returns the client and a cleanup.
 */
export async function freshDatabase(): Promise<{
  prisma: PrismaClient;
  file: string;
  close: () => Promise<void>;
}> {
  if (testEngine() === "postgresql") {
    const { url, drop } = await freshPostgres();
    process.env.DATABASE_URL = url;
    const prisma = createPrismaClient(url);
    (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma = prisma;
    return {
      prisma,
      file: url,
      close: async () => {
        await prisma.$disconnect();
        delete (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma;
        await drop();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-db-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  process.env.DATABASE_URL = `file:${file}`;
  const prisma = createPrismaClient(`file:${file}`);
  (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma = prisma;
  return {
    prisma,
    file,
    close: async () => {
      await prisma.$disconnect();
      delete (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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

// A real SQLite file per test file: the committed migrations applied to a fresh temp file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";

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

/**
 * Points DATABASE_URL at a new migrated SQLite file and makes it the services' client
 * (app/_server/db.ts keeps its client on globalThis). Returns the client and a cleanup.
 */
export async function freshDatabase(): Promise<{
  prisma: PrismaClient;
  file: string;
  close: () => Promise<void>;
}> {
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

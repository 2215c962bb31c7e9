// (b) Qualification lookup by ユーザID + 業務区分 (the search of R10/R11) in a table of 1,000,000
// qualifications: Prisma through the project's client factory vs. a raw better-sqlite3 statement.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createPrismaClient } from "@/prisma/client";
import { applyMigrations } from "@/test/support/db";
import { median, medianRatio, runPairs } from "./stats";

// One argon2id hash computed once and shared by every row: lookups never verify it, and hashing a
// million passwords would take hours.
const PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0YmVuY2g$0Qk3bJ5Uj7G8Y3m8m0nR2x7dCkq0C2w9Xv6b1yJfQ2s";
const KINDS = ["construction", "goods"] as const;

type Key = { userId: string; kind: string };

function keyOf(i: number): Key {
  // Every fifth company also holds a 物品 qualification under its own user ID, as in DEMO-DATA.
  return { userId: String(1_000_000_000 + i), kind: i % 5 === 0 ? KINDS[1] : KINDS[0] };
}

/** Builds (or reuses) the SQLite file; PRAGMA user_version marks a completed build. */
export function buildLookupDatabase(
  rows: number,
  rebuild: boolean,
): { file: string; builtMs: number | null } {
  const dir = path.join(os.tmpdir(), "kiosk-bench");
  const file = path.join(dir, `qualifications-${rows}.db`);
  if (!rebuild && fs.existsSync(file)) {
    const existing = new Database(file, { readonly: true });
    const version = existing.pragma("user_version", { simple: true });
    existing.close();
    if (version === rows) return { file, builtMs: null };
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(file, { force: true });
  const started = Date.now();
  applyMigrations(file);
  const sqlite = new Database(file);
  // A scratch file rebuilt at will: durability during the build buys nothing.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  const insert =
    sqlite.prepare(`INSERT INTO "Qualification" ("id","userId","kind","officialName","passwordHash",
    "passwordChangedAt","status","companyName","postalCode","address","representativeName","representativeTitle",
    "phone","fax","departmentName","delegated","createdAt","updatedAt")
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)`);
  const stamp = "2026-04-01T00:00:00.000+00:00";
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const { userId, kind } = keyOf(i);
      const name = `株式会社ベンチ建設${i}`;
      insert.run(
        `cbench${i.toString(36).padStart(8, "0")}`,
        userId,
        kind,
        name,
        PASSWORD_HASH,
        stamp,
        "approved",
        `${name} さいたま支店`,
        "330-0063",
        `埼玉県さいたま市浦和区高砂${(i % 9) + 1}-${i % 30}-1`,
        "埼玉 太郎",
        "支店長",
        "048-000-0000",
        "048-000-0001",
        "工務課",
        stamp,
        stamp,
      );
    }
  })();
  sqlite.pragma(`user_version = ${rows}`);
  sqlite.close();
  return { file, builtMs: Date.now() - started };
}

type RawRow = Record<string, unknown> & { passwordChangedAt: string; createdAt: string; updatedAt: string };

export type LookupBenchResult = {
  runs: number;
  lookups: number;
  prismaUs: number;
  rawUs: number;
  ratio: number;
  /** For reference: the same SQL through Prisma's $queryRaw, which skips the query compiler. */
  queryRaw: { prismaUs: number; rawUs: number; ratio: number };
};

export async function benchLookup(
  file: string,
  rows: number,
  runs: number,
  lookups: number,
): Promise<LookupBenchResult> {
  const prisma = createPrismaClient(`file:${file}`);
  const sqlite = new Database(file, { readonly: true });
  const statement = sqlite.prepare(`SELECT * FROM "Qualification" WHERE "userId" = ? AND "kind" = ?`);
  // The raw side returns what Prisma returns (Dates, booleans, parsed JSON), so both do one lookup's work.
  const raw = ({ userId, kind }: Key) => {
    const row = statement.get(userId, kind) as RawRow | undefined;
    if (!row) return null;
    return {
      ...row,
      delegated: row.delegated === 1,
      previousCompany: typeof row.previousCompany === "string" ? JSON.parse(row.previousCompany) : null,
      passwordChangedAt: new Date(row.passwordChangedAt),
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
    };
  };
  const viaPrisma = (key: Key) => prisma.qualification.findUnique({ where: { userId_kind: key } });
  const viaQueryRaw = ({ userId, kind }: Key) =>
    prisma.$queryRaw`SELECT * FROM "Qualification" WHERE "userId" = ${userId} AND "kind" = ${kind}`;

  try {
    const probe = keyOf(rows - 1);
    const [fromPrisma, fromRaw] = [await viaPrisma(probe), raw(probe)];
    if (JSON.stringify(fromPrisma) !== JSON.stringify(fromRaw)) {
      throw new Error(`the two lookups disagree:\n${JSON.stringify(fromPrisma)}\n${JSON.stringify(fromRaw)}`);
    }
    const randomKeys = () => Array.from({ length: lookups }, () => keyOf(Math.floor(Math.random() * rows)));
    for (const key of randomKeys()) {
      await viaPrisma(key);
      raw(key);
    }
    const keysPerRun = Array.from({ length: runs }, randomKeys);
    const pair = await runPairs(
      runs,
      async (run) => {
        for (const key of keysPerRun[run]!) await viaPrisma(key);
      },
      async (run) => {
        for (const key of keysPerRun[run]!) raw(key);
      },
    );
    const queryRawPair = await runPairs(
      runs,
      async (run) => {
        for (const key of keysPerRun[run]!) await viaQueryRaw(key);
      },
      async (run) => {
        for (const key of keysPerRun[run]!) raw(key);
      },
    );
    const perLookupUs = (ms: number[]) => (median(ms) * 1000) / lookups;
    return {
      runs,
      lookups,
      prismaUs: perLookupUs(pair.ours),
      rawUs: perLookupUs(pair.baseline),
      ratio: medianRatio(pair),
      queryRaw: {
        prismaUs: perLookupUs(queryRawPair.ours),
        rawUs: perLookupUs(queryRawPair.baseline),
        ratio: medianRatio(queryRawPair),
      },
    };
  } finally {
    sqlite.close();
    await prisma.$disconnect();
  }
}

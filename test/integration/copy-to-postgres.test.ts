// `npm run db:copy-to-postgres` (issue 10): a terminal's SQLite file, with registrations, a renewal,
// a nightly batch and audit rows made by the real services, moved into PostgreSQL — the same rows
// as both engines' Prisma clients read them, the audit chain intact and still extendable there; a
// target holding data is refused untouched, and a failure halfway leaves the target empty.
// Runs on the run's PostgreSQL (TEST_DATABASE_URL) or, without one, on a private cluster of its own.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/app/_server/audit/append";
import { verifyAuditChain } from "@/app/_server/audit/verify";
import { runNightlyBatch } from "@/app/_server/batch/propagation";
import { resetConfigForTests } from "@/app/_server/config";
import { currentInsertionId } from "@/app/_server/card/reader-status";
import { submitRenewal } from "@/app/_server/flows/renewal";
import { searchQualification } from "@/app/_server/qualifications/search";
import { copyToPostgres } from "@/prisma/copy/copy";
import { createPrismaClient, Prisma, type PrismaClient } from "@/prisma/client";
import { migratePostgres } from "@/prisma/migrate";
import { seedDemoData } from "@/prisma/seed";
import { applyMigrations } from "../support/db";
import { freshCardReader, openSession, registerDemoCard, renewalSession } from "../support/kiosk";
import { connectPostgres, startPostgres, type PostgresServer } from "../support/postgres";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const TABLES = Object.values(Prisma.ModelName);

let server: PostgresServer;
let tmp: string;
let sqliteFile: string;
let sqlite: PrismaClient;
const made: string[] = [];

function useClient(client: PrismaClient): void {
  (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma = client;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-copy-"));
  const given = process.env.TEST_DATABASE_URL;
  server = given ? connectPostgres(given) : await startPostgres({ dir: path.join(tmp, "postgres") });

  // the terminal's own SQLite file, whatever engine this pass of the suites runs on
  sqliteFile = path.join(tmp, "kiosk.db");
  applyMigrations(sqliteFile);
  process.env.DATABASE_URL = `file:${sqliteFile}`;
  process.env.TERMINAL_ID = "COPY-01";
  resetConfigForTests();
  sqlite = createPrismaClient(`file:${sqliteFile}`);
  useClient(sqlite);
  await seedDemoData(sqlite);
  freshCardReader();
  await registerDemoCard("DEMO-A");
  await registerDemoCard("DEMO-B");
  const renewal = await renewalSession("DEMO-A", "DEMO-C");
  if (!renewal.proof.ok) throw new Error("the renewal's card proof failed");
  const renewed = await submitRenewal(renewal.sessionId, { propagate: true }, await currentInsertionId());
  if (!renewed.ok) throw new Error(`renewal failed: ${renewed.code}`);
  const wrong = await searchQualification(await openSession(), {
    officialName: "株式会社さいたま建設",
    userId: "1000000001",
    password: "Wrong000",
  });
  if (wrong.ok) throw new Error("a wrong password was accepted");
  const batch = await runNightlyBatch({ trigger: "cli" });
  if (!batch.ok) throw new Error(`batch failed: ${batch.message}`);
  await audit({
    action: "copy.test",
    outcome: "ok",
    detail: { note: "コピー前", nested: { b: 1, a: [null, 2] } },
  });
}, 120_000);

afterAll(async () => {
  await sqlite?.$disconnect();
  delete (globalThis as { kioskPrisma?: PrismaClient }).kioskPrisma;
  for (const name of made) await server?.dropDatabase(name);
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function target(label: string): Promise<{ url: string; name: string }> {
  const name = `copy_${label}_${process.pid}_${Date.now()}`;
  made.push(name);
  return { url: await server.createDatabase(name), name };
}

/** Every row of a model as Prisma reads it, in a order both engines agree on. */
async function rowsOf(client: PrismaClient, model: string): Promise<unknown[]> {
  const delegate = (client as unknown as Record<string, { findMany(): Promise<object[]> }>)[
    model[0]!.toLowerCase() + model.slice(1)
  ]!;
  // keys sorted at every depth: jsonb hands objects back in its own key order
  const key = (row: object) =>
    JSON.stringify(row, (_k, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
    );
  return (await delegate.findMany()).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Each table's rows as text, to show a database was not touched. */
async function snapshot(name: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    out[t] = await server.psql(
      `SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${t}" x`,
      name,
    );
  }
  return out;
}

describe("npm run db:copy-to-postgres", () => {
  it("copies every table: the same rows through both engines, counts compared, audit chain intact and extendable", async () => {
    const { url } = await target("ok");
    const counts = await copyToPostgres({ sqliteFile, targetUrl: url, batchSize: 3 });
    expect(counts.map((c) => c.table).sort()).toEqual([...TABLES].sort());
    for (const c of counts) expect(c.target, c.table).toBe(c.source);
    const count = (t: string) => counts.find((c) => c.table === t)!.target;
    expect(count("CardRegistration")).toBe(3);
    expect(count("AgencyRegistration")).toBeGreaterThan(3);
    expect(count("AuditLog")).toBeGreaterThan(10);

    const pg = createPrismaClient(url);
    try {
      for (const t of TABLES) expect(await rowsOf(pg, t), t).toEqual(await rowsOf(sqlite, t));
      // the self-reference: the old card points at its successor
      const old = await pg.cardRegistration.findFirstOrThrow({ where: { status: "replaced" } });
      expect(old.replacedById).toBeTruthy();

      const rows = await sqlite.auditLog.count();
      expect(await verifyAuditChain(pg)).toEqual({ ok: true, rows });
      // a terminal on the copy appends after the copied head, and the chain still holds
      useClient(pg);
      await audit({ action: "copy.after", outcome: "ok" });
      expect(await verifyAuditChain(pg)).toEqual({ ok: true, rows: rows + 1 });
    } finally {
      useClient(sqlite);
      await pg.$disconnect();
    }
  }, 120_000);

  it("refuses a target that already holds data, naming the table, and leaves it as it was", async () => {
    const { url, name } = await target("used");
    await migratePostgres(url);
    await server.psql(`INSERT INTO "Terminal" ("id") VALUES ('KIOSK-09')`, name);
    const before = await snapshot(name);
    await expect(copyToPostgres({ sqliteFile, targetUrl: url })).rejects.toThrow(
      /already holds data \(table Terminal\)/,
    );
    expect(await snapshot(name)).toEqual(before);
  }, 60_000);

  it("leaves the target empty when a row fails halfway through", async () => {
    // a receipt whose JSON SQLite kept but jsonb refuses, in the second of the file's receipts
    const broken = path.join(tmp, "broken.db");
    const copy = new Database(sqliteFile, { readonly: true });
    await copy.backup(broken);
    copy.close();
    const file = new Database(broken);
    file
      .prepare(
        `UPDATE "Receipt" SET "data" = '{broken' WHERE rowid = (SELECT rowid FROM "Receipt" ORDER BY rowid LIMIT 1 OFFSET 1)`,
      )
      .run();
    file.close();

    const { url, name } = await target("broken");
    await expect(copyToPostgres({ sqliteFile: broken, targetUrl: url, batchSize: 1 })).rejects.toThrow(
      /table Receipt, rows after rowid [1-9]\d*: /,
    );
    const left = await snapshot(name);
    for (const t of TABLES) expect(left[t], t).toMatch(t === "AuditChainHead" ? /^1:/ : /^0:$/);
    expect(await server.psql(`SELECT "seq" || '|' || "hash" FROM "AuditChainHead"`, name)).toBe("0|");
  }, 60_000);

  it("as a command: prints the counts, and never the target's password", async () => {
    const { url } = await target("cli");
    const withPassword = new URL(url);
    withPassword.password = "s3cret-pw";
    const env = {
      ...process.env,
      DATABASE_URL: `file:${sqliteFile}`,
      TARGET_DATABASE_URL: withPassword.toString(),
    };
    const done = await run("npx", ["tsx", "prisma/copy-to-postgres.ts"], { cwd: ROOT, env });
    expect(done.stdout).toMatch(/Agency\s+5\s+5/);
    expect(done.stdout).toMatch(/件数はすべて一致/);
    expect(done.stdout + done.stderr).not.toContain("s3cret-pw");

    const again = await run("npx", ["tsx", "prisma/copy-to-postgres.ts"], { cwd: ROOT, env }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(again?.code).toBe(1);
    expect(again?.stderr).toMatch(/コピーできませんでした.*table Agency/);
    expect(again!.stdout + again!.stderr).not.toContain("s3cret-pw");
  }, 120_000);
});

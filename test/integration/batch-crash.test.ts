// Crash safety of the nightly batch (R21): 20,000 pending tasks, `npm run batch:nightly`'s script
// run as a child process and SIGKILLed once some (not all) chunks have committed, then run again
// with a short BATCH_STALE_SECONDS: the dead run is taken over (abandoned), every task is applied
// exactly once and no AgencyRegistration row is duplicated or missing.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { insertPropagationFixture, type PropagationFixture } from "../bench/propagation-fixture";
import { insertPropagationFixturePg } from "../bench/propagation-fixture-pg";
import { freshDatabase } from "../support/db";

const ROOT = path.resolve(__dirname, "../..");
const CLI = "app/_server/cli/batch-nightly.ts";

let env: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: env.url, TERMINAL_ID: "BAT-CRASH", ...extra };
}

/** The pending work written straight into this run's database, SQLite file or PostgreSQL. */
async function pendingWork(opts: {
  registrations: number;
  agencyIds: string[];
  prefix: string;
}): Promise<PropagationFixture> {
  if (env.url.startsWith("file:")) {
    const sqlite = new Database(env.file);
    try {
      return insertPropagationFixture(sqlite, opts);
    } finally {
      sqlite.close();
    }
  }
  const client = new Client({ connectionString: env.url });
  await client.connect();
  try {
    return await insertPropagationFixturePg(client, opts);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("nightly batch: killed mid-run, then re-run", () => {
  it("resumes without duplicates: every task applied once, the killed run abandoned", async () => {
    const agencies = (await env.prisma.agency.findMany({ orderBy: { code: "asc" } })).map((a) => a.id);
    expect(agencies).toHaveLength(5);
    const fixture = await pendingWork({ registrations: 5000, agencyIds: agencies, prefix: "crash" });
    expect(fixture.tasks).toBe(20_000);
    const applied = () => env.prisma.propagationTask.count({ where: { status: "applied" } });

    // its own process group, so the kill reaches tsx's node process too
    const child = spawn("npx", ["tsx", CLI], {
      cwd: ROOT,
      env: childEnv({ BATCH_CHUNK_SIZE: "25" }),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      seen = await applied();
      if (seen >= 500 || child.exitCode !== null) break;
      await sleep(5);
    }
    expect(child.exitCode, `the batch finished before it could be killed: ${output}`).toBeNull();
    process.kill(-child.pid!, "SIGKILL");
    await exited;

    const atKill = await applied();
    console.log(`killed at ${atKill} of ${fixture.tasks}`);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(fixture.tasks);
    const dead = await env.prisma.batchRun.findFirstOrThrow({ where: { trigger: "cli" } });
    expect(dead).toMatchObject({ status: "running", runKey: "nightly", applied: atKill });
    // what committed is whole: one target row per applied task, besides the 5000 source rows
    expect(await env.prisma.agencyRegistration.count()).toBe(fixture.registrations + atKill);
    expect(await env.prisma.propagationTask.count({ where: { batchRunId: dead.id } })).toBe(atKill);

    // a fresh heartbeat holds the lock: the second runner refuses (exit 1, both languages)
    const refused = spawnSync("npx", ["tsx", CLI], { cwd: ROOT, env: childEnv({}), encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("夜間反映は既に実行中です");
    expect(refused.stderr).toContain("already running");

    await sleep(1200);
    const rerun = spawnSync("npx", ["tsx", CLI], {
      cwd: ROOT,
      env: childEnv({ BATCH_STALE_SECONDS: "1", BATCH_CHUNK_SIZE: "1000" }),
      encoding: "utf8",
    });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${fixture.tasks - atKill} applied`);
    expect(rerun.stdout).toContain(`took over the abandoned run ${dead.id}`);

    expect(await applied()).toBe(fixture.tasks);
    expect(await env.prisma.propagationTask.count({ where: { status: "pending" } })).toBe(0);
    const runs = await env.prisma.batchRun.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.status)).toEqual(["abandoned", "done"]);
    expect(runs[0]).toMatchObject({ id: dead.id, runKey: null, applied: atKill });
    expect(runs[1]).toMatchObject({ runKey: null, applied: fixture.tasks - atKill });
    // exactly once: each task carries the run that applied it, and the runs' counts add up
    expect(await env.prisma.propagationTask.count({ where: { batchRunId: runs[1]!.id } })).toBe(
      fixture.tasks - atKill,
    );
    expect(await env.prisma.agencyRegistration.count()).toBe(fixture.rowsWhenApplied);
    const [pairs] = await env.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM (SELECT DISTINCT "cardRegistrationId", "agencyId" FROM "AgencyRegistration") d`,
    );
    expect(Number(pairs!.n)).toBe(fixture.rowsWhenApplied);
    // every task's row holds its receipt
    const [mismatched] = await env.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM "PropagationTask" t LEFT JOIN "AgencyRegistration" a
       ON a."cardRegistrationId" = t."cardRegistrationId" AND a."agencyId" = t."targetAgencyId"
       WHERE a."receiptId" IS NULL OR a."receiptId" <> t."receiptId"`,
    );
    expect(Number(mismatched!.n)).toBe(0);

    // idempotent at this size too
    const again = spawnSync("npx", ["tsx", CLI], { cwd: ROOT, env: childEnv({}), encoding: "utf8" });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(" 0 applied");
  }, 180_000);
});

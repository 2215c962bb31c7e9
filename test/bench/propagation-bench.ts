// (d) SQLite and (f) PostgreSQL: the nightly propagation (R21, R22) of 100,000 registrations across
// 5 agencies: runNightlyBatch (the service: run lock, chunked transactions through Prisma's
// $executeRaw, heartbeat, audit row) vs. the same rows written by the plain driver in ONE
// transaction (INSERT … SELECT … ON CONFLICT into AgencyRegistration, UPDATE of the tasks). Both
// start from identical copies of one fixture in every run (a copied SQLite file; a database made
// from a template database on a throwaway PostgreSQL cluster, propagation-pg.ts); medians of
// BENCH_PROPAGATION_RUNS (default 3, ≥ 3) runs, alternating which side goes first. Not a test, but
// it checks that both sides produced the same rows. Options: BENCH_PROPAGATION_ROWS (default
// 100000), BENCH_PROPAGATION_CHUNK (default: the service's default chunk size).
// `npm run bench` starts it as a process of its own (run.ts); `tsx test/bench/propagation-bench.ts` too.
import "./allow-server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { runNightlyBatch } from "@/app/_server/batch/propagation";
import { config } from "@/app/_server/config";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { applyMigrations } from "@/test/support/db";
import { startBenchPostgres, stopOnSignal } from "./bench-postgres";
import {
  BENCH_AGENCIES as AGENCIES,
  insertPropagationFixture,
  sqliteDate,
  type PropagationFixture,
} from "./propagation-fixture";
import { benchPropagationPostgres } from "./propagation-pg";
import { median, medianRatio, printTable, runPair } from "./stats";

function intFromEnv(name: string, fallback: number, min: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return value;
}

/** A migrated file with the 5 agencies and the pending work of `registrations` registrations. */
function buildTemplate(dir: string, registrations: number): { file: string; fixture: PropagationFixture } {
  const file = path.join(dir, "template.db");
  applyMigrations(file);
  const sqlite = new Database(file);
  const stamp = sqliteDate(Date.parse("2026-04-01T00:00:00Z"));
  const insert = sqlite.prepare(
    `INSERT INTO "Agency" ("id","code","name","goods","sortOrder","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)`,
  );
  AGENCIES.forEach(([code, name, goods], i) =>
    insert.run(`agency-${code}`, code, name, goods, i, stamp, stamp),
  );
  const fixture = insertPropagationFixture(sqlite, {
    registrations,
    agencyIds: AGENCIES.map(([code]) => `agency-${code}`),
    prefix: "b",
  });
  sqlite.close();
  return { file, fixture };
}

function fresh(template: string, name: string): string {
  const file = path.join(path.dirname(template), name);
  fs.rmSync(file, { force: true });
  fs.copyFileSync(template, file);
  return file;
}

type Outcome = { rows: number; applied: number; pending: number };

/** What a side produced: rows, tasks applied by a run, tasks left pending. */
function outcome(file: string): Outcome {
  const sqlite = new Database(file, { readonly: true });
  try {
    const n = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
    return {
      rows: n(`SELECT count(*) AS n FROM "AgencyRegistration"`),
      applied: n(
        `SELECT count(*) AS n FROM "PropagationTask" WHERE "status" = 'applied' AND "batchRunId" IS NOT NULL`,
      ),
      pending: n(`SELECT count(*) AS n FROM "PropagationTask" WHERE "status" = 'pending'`),
    };
  } finally {
    sqlite.close();
  }
}

/** Rows of one side with no identical row (card, agency, receipt, ended or not) in the other. */
function rowsDiffer(ours: string, raw: string): number {
  const sqlite = new Database(ours, { readonly: true });
  try {
    sqlite.prepare("ATTACH DATABASE ? AS raw").run(raw);
    const oneWay = (a: string, b: string) =>
      (
        sqlite
          .prepare(
            `SELECT count(*) AS n FROM ${a}."AgencyRegistration" x LEFT JOIN ${b}."AgencyRegistration" y
             ON y."cardRegistrationId" = x."cardRegistrationId" AND y."agencyId" = x."agencyId"
             WHERE y."agencyId" IS NULL OR y."receiptId" IS NOT x."receiptId"
               OR (y."endedAt" IS NULL) <> (x."endedAt" IS NULL)`,
          )
          .get() as { n: number }
      ).n;
    return oneWay("main", "raw") + oneWay("raw", "main");
  } finally {
    sqlite.close();
  }
}

/** The baseline: the same rows and task updates in one better-sqlite3 transaction. */
function rawPropagation(sqlite: Database.Database): void {
  const now = sqliteDate(Date.now());
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `INSERT INTO "BatchRun" ("id","trigger","startedAt","heartbeatAt","status","applied","runKey")
         VALUES ('raw-run','cli',?,?,'running',0,'nightly')`,
      )
      .run(now, now);
    sqlite
      .prepare(
        `INSERT INTO "AgencyRegistration" ("cardRegistrationId","agencyId","reflectedAt","receiptId","endedAt")
         SELECT t."cardRegistrationId", t."targetAgencyId", ?, t."receiptId", NULL
         FROM "PropagationTask" t WHERE t."status" = 'pending'
         ON CONFLICT ("cardRegistrationId","agencyId") DO UPDATE
         SET "receiptId" = excluded."receiptId", "reflectedAt" = excluded."reflectedAt"`,
      )
      .run(now);
    const applied = sqlite
      .prepare(
        `UPDATE "PropagationTask" SET "status" = 'applied', "appliedAt" = ?, "batchRunId" = 'raw-run'
         WHERE "status" = 'pending'`,
      )
      .run(now).changes;
    sqlite
      .prepare(
        `UPDATE "BatchRun" SET "status" = 'done', "applied" = ?, "finishedAt" = ?, "runKey" = NULL WHERE "id" = 'raw-run'`,
      )
      .run(applied, now);
  })();
}

export type PropagationBench = {
  registrations: number;
  tasks: number;
  runs: number;
  chunkSize: number | null;
  oursMs: number;
  rawMs: number;
  ratio: number;
  buildMs: number;
};

export async function benchPropagation(
  registrations: number,
  runs: number,
  chunkSize?: number,
): Promise<PropagationBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-bench-propagation-"));
  const holder = globalThis as unknown as { kioskPrisma?: PrismaClient };
  try {
    const built = Date.now();
    const { file: template, fixture } = buildTemplate(dir, registrations);
    const buildMs = Date.now() - built;
    const expected = { rows: fixture.rowsWhenApplied, applied: fixture.tasks, pending: 0 };

    let ourFile = "";
    let rawFile = "";
    let raw: Database.Database | null = null;
    const prepareOurs = async () => {
      ourFile = fresh(template, "ours.db");
      holder.kioskPrisma = createPrismaClient(`file:${ourFile}`);
      await holder.kioskPrisma.agency.count(); // connected before the clock starts
    };
    const prepareRaw = () => {
      rawFile = fresh(template, "raw.db");
      raw = new Database(rawFile);
    };
    const checkBoth = async () => {
      await holder.kioskPrisma?.$disconnect();
      delete holder.kioskPrisma;
      raw?.close();
      raw = null;
      const ours = outcome(ourFile);
      const baseline = outcome(rawFile);
      for (const [side, got] of [
        ["runNightlyBatch", ours],
        ["raw SQL", baseline],
      ] as const) {
        if (got.rows !== expected.rows || got.applied !== expected.applied || got.pending !== 0) {
          throw new Error(`${side} produced ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
        }
      }
      const differing = rowsDiffer(ourFile, rawFile);
      if (differing > 0) throw new Error(`the two sides differ in ${differing} AgencyRegistration rows`);
    };

    const pair = { ours: [] as number[], baseline: [] as number[] };
    for (let run = 0; run < runs; run++) {
      await prepareOurs();
      prepareRaw();
      const one = await runPair(
        run,
        async () => {
          const result = await runNightlyBatch({ trigger: "cli", chunkSize });
          if (!result.ok) throw new Error(`runNightlyBatch: ${result.code} ${result.message}`);
        },
        async () => rawPropagation(raw!),
      );
      pair.ours.push(one.ours);
      pair.baseline.push(one.baseline);
      await checkBoth();
    }
    return {
      registrations,
      tasks: fixture.tasks,
      runs,
      chunkSize: chunkSize ?? null,
      oursMs: median(pair.ours),
      rawMs: median(pair.baseline),
      ratio: medianRatio(pair),
      buildMs,
    };
  } finally {
    await holder.kioskPrisma?.$disconnect();
    delete holder.kioskPrisma;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const registrations = intFromEnv("BENCH_PROPAGATION_ROWS", 100_000, 100);
  const runs = intFromEnv("BENCH_PROPAGATION_RUNS", 3, 3);
  const chunk = process.env.BENCH_PROPAGATION_CHUNK
    ? intFromEnv("BENCH_PROPAGATION_CHUNK", 1000, 1)
    : undefined;
  process.env.TERMINAL_ID ??= "BENCH-01";
  console.log(
    `\n(d, f) nightly propagation: ${registrations.toLocaleString("en")} registrations across ${AGENCIES.length} agencies ` +
      `(${(registrations * (AGENCIES.length - 1)).toLocaleString("en")} pending tasks), ${runs} runs per engine\n`,
  );
  const results: [string, PropagationBench][] = [
    ["SQLite", await benchPropagation(registrations, runs, chunk)],
  ];
  const pg = await startBenchPostgres("propagation");
  if ("missing" in pg) {
    console.log(`(f) PostgreSQL skipped: ${pg.missing}\n`);
  } else {
    const release = stopOnSignal(pg.stop);
    try {
      results.push([
        `PostgreSQL ${pg.version}`,
        await benchPropagationPostgres(pg, registrations, runs, chunk),
      ]);
    } finally {
      await pg.stop();
      release();
    }
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  printTable(
    ["median", "engine", "runNightlyBatch", "raw INSERT…SELECT", "ratio", "goal", "result"],
    results.map(([engine, r]) => [
      `apply ${r.tasks.toLocaleString("en")} tasks`,
      engine,
      s(r.oursMs),
      s(r.rawMs),
      `${r.ratio.toFixed(2)}×`,
      "≤ 2×",
      r.ratio <= 2 ? "ok" : "OVER GOAL",
    ]),
  );
  const [, first] = results[0]!;
  console.log(
    `\nfixture built in ${results.map(([engine, r]) => `${s(r.buildMs)} (${engine})`).join(", ")}; ` +
      `chunk size ${first.chunkSize ?? `${config().BATCH_CHUNK_SIZE} (BATCH_CHUNK_SIZE)`}; ` +
      "both sides checked: same AgencyRegistration rows, every task applied" +
      (results.length > 1
        ? "; PostgreSQL: a private cluster under test-results/bench-postgres/, stopped"
        : ""),
  );
}

// started directly (run.ts spawns it), not when a test imports the fixture helpers
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

// (d) on PostgreSQL: runNightlyBatch through the pg adapter vs. the same rows written by plain pg
// in ONE transaction, each run on two fresh databases copied from one template database
// (CREATE DATABASE … TEMPLATE, the PostgreSQL counterpart of copying the SQLite file).
import { Client } from "pg";
import { runNightlyBatch } from "@/app/_server/batch/propagation";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import type { BenchPostgres } from "./bench-postgres";
import { BENCH_AGENCIES } from "./propagation-fixture";
import { insertPropagationFixturePg } from "./propagation-fixture-pg";
import type { PropagationBench } from "./propagation-bench";
import { median, medianRatio, runPair } from "./stats";

const TEMPLATE = "bench_propagation_template";

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function buildTemplate(pg: BenchPostgres, registrations: number) {
  const url = await pg.migratedDatabase(TEMPLATE);
  const fixture = await withClient(url, async (client) => {
    for (const [i, [code, name, goods]] of BENCH_AGENCIES.entries()) {
      await client.query(
        `INSERT INTO "Agency" ("id","code","name","goods","sortOrder","createdAt","updatedAt")
         VALUES ($1,$2,$3,$4,$5,$6,$6)`,
        [`agency-${code}`, code, name, goods === 1, i, new Date("2026-04-01T00:00:00Z")],
      );
    }
    const made = await insertPropagationFixturePg(client, {
      registrations,
      agencyIds: BENCH_AGENCIES.map(([code]) => `agency-${code}`),
      prefix: "b",
    });
    // statistics as a database that has lived a while would have them, for both sides alike
    await client.query("VACUUM ANALYZE");
    return made;
  });
  return fixture;
}

/** A fresh copy of the template (which must have no connections open). */
async function fresh(pg: BenchPostgres, name: string): Promise<string> {
  await pg.psql([
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE}"`,
  ]);
  return pg.adminUrl(name);
}

/** The baseline: the same rows and task updates as rawPropagation (SQLite) in one pg transaction. */
async function rawPropagation(client: Client): Promise<void> {
  const now = new Date();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "BatchRun" ("id","trigger","startedAt","heartbeatAt","status","applied","runKey")
     VALUES ('raw-run','cli',$1,$1,'running',0,'nightly')`,
    [now],
  );
  await client.query(
    `INSERT INTO "AgencyRegistration" ("cardRegistrationId","agencyId","reflectedAt","receiptId","endedAt")
     SELECT t."cardRegistrationId", t."targetAgencyId", $1, t."receiptId", NULL
     FROM "PropagationTask" t WHERE t."status" = 'pending'
     ON CONFLICT ("cardRegistrationId","agencyId") DO UPDATE
     SET "receiptId" = excluded."receiptId", "reflectedAt" = excluded."reflectedAt"`,
    [now],
  );
  const applied = await client.query(
    `UPDATE "PropagationTask" SET "status" = 'applied', "appliedAt" = $1, "batchRunId" = 'raw-run'
     WHERE "status" = 'pending'`,
    [now],
  );
  await client.query(
    `UPDATE "BatchRun" SET "status" = 'done', "applied" = $1, "finishedAt" = $2, "runKey" = NULL
     WHERE "id" = 'raw-run'`,
    [applied.rowCount, now],
  );
  await client.query("COMMIT");
}

type Outcome = { rows: number; applied: number; pending: number; digest: string };

/** What a side produced, with a digest of every row (card, agency, receipt, ended or not). */
function outcome(url: string): Promise<Outcome> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ rows: string; digest: string; applied: string; pending: string }>(
      `SELECT (SELECT count(*) FROM "AgencyRegistration") AS "rows",
         (SELECT md5(string_agg(concat_ws('|', "cardRegistrationId", "agencyId", "receiptId", "endedAt" IS NULL),
            ',' ORDER BY "cardRegistrationId", "agencyId")) FROM "AgencyRegistration") AS "digest",
         (SELECT count(*) FROM "PropagationTask" WHERE "status" = 'applied' AND "batchRunId" IS NOT NULL) AS "applied",
         (SELECT count(*) FROM "PropagationTask" WHERE "status" = 'pending') AS "pending"`,
    );
    const r = rows[0]!;
    return { rows: Number(r.rows), applied: Number(r.applied), pending: Number(r.pending), digest: r.digest };
  });
}

export async function benchPropagationPostgres(
  pg: BenchPostgres,
  registrations: number,
  runs: number,
  chunkSize?: number,
): Promise<PropagationBench> {
  const holder = globalThis as unknown as { kioskPrisma?: PrismaClient };
  const built = Date.now();
  const fixture = await buildTemplate(pg, registrations);
  const buildMs = Date.now() - built;
  const expected = { rows: fixture.rowsWhenApplied, applied: fixture.tasks, pending: 0 };

  const pair = { ours: [] as number[], baseline: [] as number[] };
  try {
    for (let run = 0; run < runs; run++) {
      const oursUrl = await fresh(pg, "bench_propagation_ours");
      const rawUrl = await fresh(pg, "bench_propagation_raw");
      holder.kioskPrisma = createPrismaClient(oursUrl);
      await holder.kioskPrisma.agency.count(); // connected before the clock starts
      const raw = new Client({ connectionString: rawUrl });
      await raw.connect();
      try {
        const one = await runPair(
          run,
          async () => {
            const result = await runNightlyBatch({ trigger: "cli", chunkSize });
            if (!result.ok) throw new Error(`runNightlyBatch: ${result.code} ${result.message}`);
          },
          () => rawPropagation(raw),
        );
        pair.ours.push(one.ours);
        pair.baseline.push(one.baseline);
      } finally {
        await raw.end();
        await holder.kioskPrisma.$disconnect();
        delete holder.kioskPrisma;
      }
      const [ours, baseline] = [await outcome(oursUrl), await outcome(rawUrl)];
      for (const [side, got] of [
        ["runNightlyBatch", ours],
        ["raw SQL", baseline],
      ] as const) {
        if (got.rows !== expected.rows || got.applied !== expected.applied || got.pending !== 0) {
          throw new Error(`${side} produced ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
        }
      }
      if (ours.digest !== baseline.digest) throw new Error("the two sides differ in AgencyRegistration rows");
    }
  } finally {
    await holder.kioskPrisma?.$disconnect();
    delete holder.kioskPrisma;
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
}

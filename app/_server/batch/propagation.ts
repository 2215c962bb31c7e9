import "server-only";
import { Prisma } from "@/prisma/client";
import { audit } from "../audit/append";
import { config } from "../config";
import { db, type Tx } from "../db";
import {
  DONE_TONIGHT_MESSAGE,
  LockLost,
  RUN_KEY,
  SCHEDULED_RUN_COVERS_MS,
  renewHeartbeat,
  scheduledRunSince,
  takeLock,
  type BatchAlreadyRunning,
  type BatchTrigger,
} from "./lock";
import { queueRenewalReminders } from "./reminders";
import { pruneSignInCounters } from "./signin-counters";

export { ALREADY_RUNNING_MESSAGE, RUN_KEY, type BatchAlreadyRunning, type BatchTrigger } from "./lock";

// The nightly propagation batch (R21, R22): every pending PropagationTask applied to its target
// agency's AgencyRegistration row. One runner at a time (BatchRun.runKey is unique while running);
// tasks are applied in chunks, each ONE transaction that writes the rows, marks its tasks applied
// and renews the run's heartbeat, so a crash loses at most the chunk in flight and the next run
// resumes where the last commit left off (the lock and heartbeat: ./lock.ts). Plain SQL valid on
// SQLite and PostgreSQL alike.

export type AgencyCount = { agencyId: string; code: string; name: string; applied: number };

export type BatchSuccess = {
  ok: true;
  runId: string;
  applied: number;
  perAgency: AgencyCount[];
  /** renewal reminder emails queued (issue 13 item 4) */
  reminders: number;
  seconds: number;
  /** the crashed run this one took over, if any */
  tookOver: string | null;
};

export type BatchFailed = { ok: false; code: "failed"; message: string; runId: string };

/** The schedule's run when another server's timer already ran tonight's (every server has one). */
export type BatchDoneTonight = { ok: false; code: "doneTonight"; message: string; runId: string };

export type BatchResult = BatchSuccess | BatchAlreadyRunning | BatchFailed | BatchDoneTonight;

export async function runNightlyBatch(options: {
  trigger: BatchTrigger;
  /** the run's clock starts here (tests); time keeps moving from it */
  now?: Date;
  chunkSize?: number;
  /** the staff member who pressed 今すぐ実行 (manual) */
  staffLogin?: string | null;
}): Promise<BatchResult> {
  const started = Date.now();
  const base = options.now?.getTime() ?? started;
  const clock = () => new Date(base + (Date.now() - started));
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? config().BATCH_CHUNK_SIZE));

  if (options.trigger === "schedule") {
    const done = await scheduledRunSince(new Date(clock().getTime() - SCHEDULED_RUN_COVERS_MS));
    if (done) return { ok: false, code: "doneTonight", message: DONE_TONIGHT_MESSAGE, runId: done };
  }
  const lock = await takeLock(options.trigger, clock);
  if (!lock.ok) return lock;
  const runId = lock.runId;

  let applied = 0;
  try {
    const plan = await planRun();
    for (;;) {
      const chunk = await retryingSerializationFailures(() =>
        db().$transaction((tx) => applyChunk(tx, runId, chunkSize, plan, clock()), {
          isolationLevel: Prisma.TransactionIsolationLevel.Serializable,
          timeout: 120_000,
          maxWait: 30_000,
        }),
      );
      applied += chunk.applied;
      if (chunk.last) break;
    }
    const perAgency = await agencyCounts(runId);
    // the second step: reminders before cards expire (./reminders.ts), after the propagation
    const reminders = await queueRenewalReminders({ now: clock(), runId });
    // the third: sign-in counters that no longer count (./signin-counters.ts)
    const signInCountersPruned = await pruneSignInCounters(clock());
    await db().$transaction(async (tx) => {
      await tx.batchRun.update({
        where: { id: runId },
        data: { status: "done", finishedAt: clock(), heartbeatAt: clock(), runKey: null, reminders },
      });
      await audit(
        {
          action: "batch.run",
          outcome: "ok",
          staffLogin: options.trigger === "manual" ? (options.staffLogin ?? null) : null,
          detail: {
            runId,
            trigger: options.trigger,
            applied,
            agencies: Object.fromEntries(perAgency.map((a) => [a.code, a.applied])),
            reminders,
            signInCountersPruned,
            ...(lock.tookOver ? { tookOver: lock.tookOver } : {}),
          },
        },
        tx,
      );
    });
    return {
      ok: true,
      runId,
      applied,
      perAgency,
      reminders,
      seconds: (Date.now() - started) / 1000,
      tookOver: lock.tookOver,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof LockLost) {
      // another runner declared this one dead and took over: it owns the run's record now
      return { ok: false, code: "failed", message, runId };
    }
    await db().$transaction(async (tx) => {
      await tx.batchRun.updateMany({
        where: { id: runId, runKey: RUN_KEY },
        data: { status: "failed", error: message.slice(0, 2000), finishedAt: clock(), runKey: null },
      });
      await audit(
        {
          action: "batch.run",
          outcome: "error",
          staffLogin: options.trigger === "manual" ? (options.staffLogin ?? null) : null,
          detail: { runId, trigger: options.trigger, applied, error: message.slice(0, 500) },
        },
        tx,
      );
    });
    return { ok: false, code: "failed", message, runId };
  }
}

/**
 * PostgreSQL may abort a serializable chunk (P2034) when a kiosk's submit wrote tasks beside it;
 * nothing of the chunk committed, so it is simply run again. SQLite never answers this.
 */
async function retryingSerializationFailures<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== "P2034" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

type Plan = {
  /** only 登録 tasks were pending at the start, up to this createdAt: no key repeats in a chunk */
  registerOnlyUpTo: Date | null;
};

/** One look at the pending work before the first chunk: is any of it 変更 or 更新? */
async function planRun(): Promise<Plan> {
  const [{ others }] = await db().$queryRaw<[{ others: number | bigint }]>`
    SELECT count(*) AS "others" FROM "PropagationTask" WHERE "status" = 'pending' AND "operation" <> 'register'`;
  if (Number(others) > 0) return { registerOnlyUpTo: null };
  const [latest] = await db().$queryRaw<{ createdAt: Date }[]>`
    SELECT "createdAt" FROM "PropagationTask" WHERE "status" = 'pending' ORDER BY "createdAt" DESC LIMIT 1`;
  return { registerOnlyUpTo: latest?.createdAt ?? null };
}

/**
 * One chunk in one transaction: the next pending tasks in (createdAt, id) order — `chunkSize` of
 * them, plus any sharing the last one's createdAt — applied and marked, the run's heartbeat and
 * count renewed. The chunk is a range on the (status, createdAt) index, so no statement carries
 * thousands of ids; the transaction is serializable, so every statement sees the same tasks.
 */
async function applyChunk(
  tx: Tx,
  runId: string,
  chunkSize: number,
  plan: Plan,
  now: Date,
): Promise<{ applied: number; last: boolean }> {
  const [boundary] = await tx.$queryRaw<{ createdAt: Date }[]>`
    SELECT "createdAt" FROM "PropagationTask" WHERE "status" = 'pending'
    ORDER BY "createdAt" LIMIT 1 OFFSET ${chunkSize - 1}`;
  // the chunk: pending tasks created up to the boundary (all of them on the last chunk)
  const upTo = boundary?.createdAt ?? null;
  const inChunk = (t: string) =>
    upTo
      ? Prisma.sql`${Prisma.raw(t)}."status" = 'pending' AND ${Prisma.raw(t)}."createdAt" <= ${upTo}`
      : Prisma.sql`${Prisma.raw(t)}."status" = 'pending'`;

  // register / change / renewal: the card is in force at the target with this operation's
  // receipt; a row already holding a later receipt is left alone (never backwards).
  const newer = Prisma.sql`
    ON CONFLICT ("cardRegistrationId", "agencyId") DO UPDATE
    SET "receiptId" = excluded."receiptId", "reflectedAt" = excluded."reflectedAt"
    WHERE "AgencyRegistration"."receiptId" IS NULL
      OR EXISTS (
        SELECT 1 FROM "Receipt" inc, "Receipt" cur
        WHERE inc."id" = excluded."receiptId"
          AND cur."id" = "AgencyRegistration"."receiptId"
          AND (inc."createdAt" > cur."createdAt"
            OR (inc."createdAt" = cur."createdAt" AND inc."number" > cur."number"))
      )`;
  const registerOnly = plan.registerOnlyUpTo !== null && upTo !== null && upTo <= plan.registerOnlyUpTo;
  if (registerOnly) {
    // a card is registered once: one task per card and agency, nothing to choose between
    await tx.$executeRaw`
      INSERT INTO "AgencyRegistration" ("cardRegistrationId", "agencyId", "reflectedAt", "receiptId")
      SELECT t."cardRegistrationId", t."targetAgencyId", ${now}, t."receiptId"
      FROM "PropagationTask" t
      WHERE ${inChunk("t")}
      ${newer}`;
  } else {
    // several operations of one card for one agency may share the chunk: the latest receipt wins
    // (one row per key, as PostgreSQL's ON CONFLICT requires)
    await tx.$executeRaw`
      INSERT INTO "AgencyRegistration" ("cardRegistrationId", "agencyId", "reflectedAt", "receiptId")
      SELECT "cardRegistrationId", "targetAgencyId", ${now}, "receiptId"
      FROM (
        SELECT t."cardRegistrationId", t."targetAgencyId", t."receiptId",
          ROW_NUMBER() OVER (
            PARTITION BY t."cardRegistrationId", t."targetAgencyId"
            ORDER BY r."createdAt" DESC, r."number" DESC
          ) AS "rank"
        FROM "PropagationTask" t
        JOIN "Receipt" r ON r."id" = t."receiptId"
        WHERE ${inChunk("t")}
      ) latest
      WHERE "rank" = 1
      ${newer}`;

    // renewal: the old card (the one the new card replaced) ends at the target; its row stays
    await tx.$executeRaw`
      UPDATE "AgencyRegistration" SET "endedAt" = ${now}
      WHERE "endedAt" IS NULL
        AND ("cardRegistrationId", "agencyId") IN (
          SELECT prev."id", t."targetAgencyId" FROM "PropagationTask" t
          JOIN "CardRegistration" prev ON prev."replacedById" = t."cardRegistrationId"
          WHERE ${inChunk("t")} AND t."operation" = 'renewal'
        )`;
  }

  const marked = await tx.$executeRaw`
    UPDATE "PropagationTask" SET "status" = 'applied', "appliedAt" = ${now}, "batchRunId" = ${runId}
    WHERE ${inChunk('"PropagationTask"')}`;
  await renewHeartbeat(tx, runId, now, marked);
  return { applied: marked, last: upTo === null };
}

/** Tasks this run applied, per target agency. */
async function agencyCounts(runId: string): Promise<AgencyCount[]> {
  const rows = await db().$queryRaw<{ targetAgencyId: string; applied: number | bigint }[]>`
    SELECT "targetAgencyId", count(*) AS "applied" FROM "PropagationTask"
    WHERE "batchRunId" = ${runId} GROUP BY "targetAgencyId"`;
  const counts = new Map(rows.map((r) => [r.targetAgencyId, Number(r.applied)]));
  const agencies = await db().agency.findMany({
    where: { id: { in: [...counts.keys()] } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return agencies.map((a) => ({ agencyId: a.id, code: a.code, name: a.name, applied: counts.get(a.id)! }));
}

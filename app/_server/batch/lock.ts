import "server-only";
import { config } from "../config";
import { db, isUniqueViolation, type Tx } from "../db";

// The nightly batch's one-runner lock (R21, R22, R34: every terminal's server schedules a run, one
// runs): a BatchRun row holding runKey "nightly" (unique while running), kept alive by the
// heartbeat each chunk renews; a holder whose heartbeat stopped crashed and is taken over.

export type BatchTrigger = "schedule" | "manual" | "cli";

export type BatchAlreadyRunning = {
  ok: false;
  code: "alreadyRunning";
  message: string;
  runId: string | null;
  since: Date | null;
};

export const RUN_KEY = "nightly";

export const ALREADY_RUNNING_MESSAGE =
  "夜間反映は別の処理で実行中です。終わってからもう一度お試しください。 (Another nightly batch is already running.)";

/** Thrown inside a chunk whose run was declared dead meanwhile: the chunk must not commit. */
export class LockLost extends Error {}

// A scheduled run that finished this long ago still counts for tonight: far more than the spread
// of the servers' clocks, far less than a day.
export const SCHEDULED_RUN_COVERS_MS = 12 * 60 * 60 * 1000;
export const DONE_TONIGHT_MESSAGE =
  "今夜の夜間反映は別のサーバで済んでいます。 (Tonight's run is already done.)";

/** The id of a scheduled run that finished successfully since `since`, if any. */
export async function scheduledRunSince(since: Date): Promise<string | null> {
  const run = await db().batchRun.findFirst({
    where: { trigger: "schedule", status: "done", startedAt: { gte: since } },
    select: { id: true },
  });
  return run?.id ?? null;
}

type Lock = { ok: true; runId: string; tookOver: string | null } | BatchAlreadyRunning;

/**
 * Creates the run with runKey "nightly": the unique index lets exactly one runner hold it. A
 * holder whose heartbeat is older than BATCH_STALE_SECONDS crashed: it is marked abandoned (and
 * its key released) and the lock is taken again, once.
 */
export async function takeLock(trigger: BatchTrigger, clock: () => Date): Promise<Lock> {
  let tookOver: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = clock();
    try {
      const run = await db().batchRun.create({
        data: { trigger, runKey: RUN_KEY, startedAt: now, heartbeatAt: now },
      });
      return { ok: true, runId: run.id, tookOver };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const holder = await db().batchRun.findUnique({ where: { runKey: RUN_KEY } });
    if (!holder) continue; // it finished in between: try again
    const cutoff = new Date(now.getTime() - config().BATCH_STALE_SECONDS * 1000);
    if (attempt === 0 && holder.heartbeatAt < cutoff) {
      // the condition re-checked in the write: of two runners taking over, one wins
      const taken = await db().batchRun.updateMany({
        where: { id: holder.id, runKey: RUN_KEY, heartbeatAt: { lt: cutoff } },
        data: {
          status: "abandoned",
          runKey: null,
          finishedAt: now,
          error: `no heartbeat since ${holder.heartbeatAt.toISOString()}: taken over`,
        },
      });
      if (taken.count === 1) tookOver = holder.id;
      continue;
    }
    return {
      ok: false,
      code: "alreadyRunning",
      message: ALREADY_RUNNING_MESSAGE,
      runId: holder.id,
      since: holder.startedAt,
    };
  }
  return { ok: false, code: "alreadyRunning", message: ALREADY_RUNNING_MESSAGE, runId: null, since: null };
}

/**
 * In a chunk's transaction: renews the run's heartbeat and adds the chunk's count — only while the
 * run still holds the lock. A runner declared dead (no heartbeat) must not commit behind its
 * successor's back, so then it throws LockLost and the chunk rolls back.
 */
export async function renewHeartbeat(tx: Tx, runId: string, now: Date, applied: number): Promise<void> {
  const beat = await tx.$executeRaw`
    UPDATE "BatchRun" SET "heartbeatAt" = ${now}, "applied" = "applied" + ${applied}
    WHERE "id" = ${runId} AND "runKey" = ${RUN_KEY}`;
  if (beat !== 1) throw new LockLost("this batch run was taken over by another runner (no heartbeat)");
}

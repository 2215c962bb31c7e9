import "server-only";
import { db } from "../db";
import { nextScheduledRun } from "./scheduler";

// What staff (and the receipt's verification page) see of the nightly propagation.

export type AgencyTaskStatus = {
  agency: { code: string; name: string };
  status: "applied" | "pending";
  appliedAt: Date | null;
};

/** Per target agency of one receipt's operation: reflected yet, and when (R21, R22). */
export async function agencyStatusForReceipt(receiptId: string): Promise<AgencyTaskStatus[]> {
  const tasks = await db().propagationTask.findMany({
    where: { receiptId },
    include: { targetAgency: true },
  });
  return tasks
    .sort(
      (a, b) =>
        a.targetAgency.sortOrder - b.targetAgency.sortOrder ||
        a.targetAgency.code.localeCompare(b.targetAgency.code),
    )
    .map((t) => ({
      agency: { code: t.targetAgency.code, name: t.targetAgency.name },
      status: t.status === "applied" ? "applied" : "pending",
      appliedAt: t.appliedAt,
    }));
}

export type BatchRunView = {
  id: string;
  trigger: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  heartbeatAt: Date;
  applied: number;
  /** renewal reminder emails the run queued */
  reminders: number;
  error: string | null;
};

export type AgencyBatchCounts = {
  code: string;
  name: string;
  pending: number;
  appliedToday: number;
  appliedTotal: number;
};

export type BatchOverview = {
  runs: BatchRunView[];
  agencies: AgencyBatchCounts[];
  pendingTotal: number;
  /** null when BATCH_SCHEDULE=off */
  nextRun: Date | null;
};

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 Asia/Tokyo of `now`'s Tokyo day. */
export function startOfTokyoDay(now: Date): Date {
  const tokyo = now.getTime() + TOKYO_OFFSET_MS;
  return new Date(Math.floor(tokyo / DAY_MS) * DAY_MS - TOKYO_OFFSET_MS);
}

/** The console's page: the last 20 runs, per-agency pending / applied counts, the next run. */
export async function batchOverview(now: Date = new Date()): Promise<BatchOverview> {
  const prisma = db();
  const [runs, agencies, pending, today, total] = await Promise.all([
    prisma.batchRun.findMany({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: 20 }),
    prisma.agency.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    prisma.propagationTask.groupBy({ by: ["targetAgencyId"], where: { status: "pending" }, _count: true }),
    prisma.propagationTask.groupBy({
      by: ["targetAgencyId"],
      where: { status: "applied", appliedAt: { gte: startOfTokyoDay(now) } },
      _count: true,
    }),
    prisma.propagationTask.groupBy({ by: ["targetAgencyId"], where: { status: "applied" }, _count: true }),
  ]);
  const countOf = (rows: { targetAgencyId: string; _count: number }[], id: string) =>
    rows.find((r) => r.targetAgencyId === id)?._count ?? 0;
  return {
    runs: runs.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      status: r.status,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      heartbeatAt: r.heartbeatAt,
      applied: r.applied,
      reminders: r.reminders,
      error: r.error,
    })),
    agencies: agencies.map((a) => ({
      code: a.code,
      name: a.name,
      pending: countOf(pending, a.id),
      appliedToday: countOf(today, a.id),
      appliedTotal: countOf(total, a.id),
    })),
    pendingTotal: pending.reduce((sum, r) => sum + r._count, 0),
    nextRun: nextScheduledRun(now),
  };
}

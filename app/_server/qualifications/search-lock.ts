import "server-only";
import { config } from "../config";
import { db } from "../db";

// R11: at most SEARCH_MAX_FAILURES failed searches per user ID and per terminal within
// SEARCH_WINDOW_MINUTES; after that the search is refused until the oldest failure ages out.

export type LockState = { locked: false } | { locked: true; retryAt: Date };

export async function searchLock(userId: string, terminalId: string, now: Date): Promise<LockState> {
  const { SEARCH_MAX_FAILURES: max, SEARCH_WINDOW_MINUTES: minutes } = config();
  const since = new Date(now.getTime() - minutes * 60_000);
  const recent = (where: { userId: string } | { terminalId: string }) =>
    db().searchAttempt.findMany({
      where: { ...where, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    });
  const [byUser, byTerminal] = await Promise.all([recent({ userId }), recent({ terminalId })]);
  const retryAts = [byUser, byTerminal]
    .filter((rows) => rows.length >= max)
    // the lock lifts when the max-th most recent failure leaves the window
    .map((rows) => new Date(rows[max - 1]!.createdAt.getTime() + minutes * 60_000));
  if (retryAts.length === 0) return { locked: false };
  return { locked: true, retryAt: new Date(Math.max(...retryAts.map((d) => d.getTime()))) };
}

export async function recordSearch(userId: string, terminalId: string, succeeded: boolean, now: Date) {
  await db().searchAttempt.create({ data: { userId, terminalId, succeeded, createdAt: now } });
}

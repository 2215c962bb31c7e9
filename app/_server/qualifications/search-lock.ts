import "server-only";
import { config } from "../config";
import { db, serializeInTransaction, type Tx } from "../db";

// R11: at most SEARCH_MAX_FAILURES failed searches per user ID and per terminal within
// SEARCH_WINDOW_MINUTES; after that the search is refused until the oldest failure ages out.
// Atomic across terminals: an attempt is counted as a failure before its password is checked (and
// turned into a success after), inside one step that searches for the same user ID take in turn —
// so ten terminals trying one user ID at the same moment get SEARCH_MAX_FAILURES tries between
// them, not ten.

export type LockState = { locked: false } | { locked: true; retryAt: Date };
export type Claim = { locked: false; attemptId: string } | { locked: true; retryAt: Date };

/** Rolls the claim back: the attempt was locked out and is not recorded. */
class LockedOut extends Error {
  constructor(readonly lock: Claim & { locked: true }) {
    super("search locked");
  }
}

/** Refuses the attempt when locked; otherwise records it as a failure and returns its row. */
export async function claimSearchAttempt(userId: string, terminalId: string, now: Date): Promise<Claim> {
  try {
    return await db().$transaction(async (tx) => {
      await serializeInTransaction(tx, "searchAttempts", userId);
      // written before anything is read: on SQLite the transaction holds the write lock from its
      // first statement, instead of upgrading a read lock another process may be waiting behind
      const row = await tx.searchAttempt.create({
        data: { userId, terminalId, succeeded: false, createdAt: now },
        select: { id: true },
      });
      const lock = await lockState(tx, { userId, terminalId, now, besides: row.id });
      if (lock.locked) throw new LockedOut(lock);
      return { locked: false, attemptId: row.id };
    });
  } catch (error) {
    if (error instanceof LockedOut) return error.lock;
    throw error;
  }
}

/** The claimed attempt's credentials matched: it no longer counts towards the lock. */
export async function markSearchSucceeded(attemptId: string): Promise<void> {
  await db().searchAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** The lock as the failures before this attempt (`besides`) leave it. */
async function lockState(
  tx: Tx,
  { userId, terminalId, now, besides }: { userId: string; terminalId: string; now: Date; besides: string },
): Promise<LockState> {
  const { SEARCH_MAX_FAILURES: max, SEARCH_WINDOW_MINUTES: minutes } = config();
  const since = new Date(now.getTime() - minutes * 60_000);
  const recent = (where: { userId: string } | { terminalId: string }) =>
    tx.searchAttempt.findMany({
      where: { ...where, id: { not: besides }, succeeded: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: max,
      select: { createdAt: true },
    });
  const byUser = await recent({ userId });
  const byTerminal = await recent({ terminalId });
  const retryAts = [byUser, byTerminal]
    .filter((rows) => rows.length >= max)
    // the lock lifts when the max-th most recent failure leaves the window
    .map((rows) => new Date(rows[max - 1]!.createdAt.getTime() + minutes * 60_000));
  if (retryAts.length === 0) return { locked: false };
  return { locked: true, retryAt: new Date(Math.max(...retryAts.map((d) => d.getTime()))) };
}

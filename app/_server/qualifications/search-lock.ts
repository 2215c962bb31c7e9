import "server-only";
import { config } from "../config";
import { db, serializeInTransaction, type Tx } from "../db";

// R11's limits, counted from SearchAttempt rows:
// - per user ID: SEARCH_MAX_FAILURES failures within SEARCH_WINDOW_MINUTES lock that user ID until
//   the oldest of them ages out, or until staff lift the lock (only failures after the lift count);
// - per visit: the visit ends after SEARCH_MAX_FAILURES failures. The terminal itself is never
//   locked — the next bidder must not pay for the last one; staff see an alarm instead
//   (app/_server/console/search-alarm.ts).
// Atomic across terminals and parallel requests: an attempt is counted as a failure before its
// password is checked (and turned into a success after), inside one step that searches for the
// same visit and the same user ID take in turn — so ten terminals trying one user ID at the same
// moment get SEARCH_MAX_FAILURES tries between them, not ten.

export type Claim =
  | { locked: false; attemptId: string; lastInVisit: boolean }
  | { locked: true; retryAt: Date }
  | { visitSpent: true };

type Refusal = Exclude<Claim, { locked: false }>;

/** Rolls the claim back: the attempt was refused and is not recorded. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super("search refused");
  }
}

const MINUTE = 60_000;

/**
 * Refuses the attempt when the visit has used its failures or the user ID is locked; otherwise
 * records it as a failure and returns its row, and whether a failure now ends the visit.
 */
export async function claimSearchAttempt(
  userId: string,
  terminalId: string,
  kioskSessionId: string,
  now: Date,
): Promise<Claim> {
  try {
    return await db().$transaction(async (tx) => {
      // always the visit first, then the user ID: one order, so two claims never wait on each other
      await serializeInTransaction(tx, "searchVisit", kioskSessionId);
      await serializeInTransaction(tx, "searchAttempts", userId);
      // written before anything is read: on SQLite the transaction holds the write lock from its
      // first statement, instead of upgrading a read lock another process may be waiting behind
      const row = await tx.searchAttempt.create({
        data: { userId, terminalId, kioskSessionId, succeeded: false, createdAt: now },
        select: { id: true },
      });
      const max = config().SEARCH_MAX_FAILURES;
      const inVisit = await tx.searchAttempt.count({
        where: { kioskSessionId, succeeded: false, id: { not: row.id } },
      });
      if (inVisit >= max) throw new Refused({ visitSpent: true });
      const lock = await userLock(tx, userId, now, row.id);
      if (lock) throw new Refused({ locked: true, retryAt: lock });
      return { locked: false, attemptId: row.id, lastInVisit: inVisit + 1 >= max };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/** The claimed attempt's credentials matched: it no longer counts towards either limit. */
export async function markSearchSucceeded(attemptId: string): Promise<void> {
  await db().searchAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** When the user ID's lock lifts, as the failures before this attempt (`besides`) leave it; null: not locked. */
async function userLock(tx: Tx, userId: string, now: Date, besides?: string): Promise<Date | null> {
  const { SEARCH_MAX_FAILURES: max, SEARCH_WINDOW_MINUTES: minutes } = config();
  const windowStart = new Date(now.getTime() - minutes * MINUTE);
  const lift = await tx.searchLockLift.findFirst({
    where: { userId, liftedAt: { gt: windowStart } },
    orderBy: { liftedAt: "desc" },
    select: { liftedAt: true },
  });
  const rows = await tx.searchAttempt.findMany({
    where: {
      userId,
      ...(besides ? { id: { not: besides } } : {}),
      succeeded: false,
      createdAt: { gt: lift?.liftedAt ?? windowStart },
    },
    orderBy: { createdAt: "desc" },
    take: max,
    select: { createdAt: true },
  });
  if (rows.length < max) return null;
  // the lock lifts when the max-th most recent failure leaves the window
  return new Date(rows[max - 1]!.createdAt.getTime() + minutes * MINUTE);
}

/** The user IDs locked now, with when each lock lifts by itself: the staff console's list. */
export async function lockedUserIds(now: Date = new Date()): Promise<{ userId: string; retryAt: Date }[]> {
  const windowStart = new Date(now.getTime() - config().SEARCH_WINDOW_MINUTES * MINUTE);
  const candidates = await db().searchAttempt.groupBy({
    by: ["userId"],
    where: { succeeded: false, createdAt: { gt: windowStart } },
    _count: { _all: true },
    having: { userId: { _count: { gte: config().SEARCH_MAX_FAILURES } } },
  });
  const locked = [];
  for (const { userId } of candidates) {
    const retryAt = await userLock(db(), userId, now);
    if (retryAt) locked.push({ userId, retryAt });
  }
  return locked.sort((a, b) => a.userId.localeCompare(b.userId));
}

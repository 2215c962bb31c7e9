import "server-only";
import { config } from "../config";
import { db, serializeInTransaction, type Tx } from "../db";

// STAFF_SIGNIN_MAX_FAILURES failed sign-ins per login within STAFF_SIGNIN_WINDOW_MINUTES, counted
// since that login's last success. Atomic like the search lock (R11, R33's spirit): an attempt is
// recorded as a failure before its password is checked, in a step attempts for one login take in
// turn, so a burst of 31 wrong passwords checks at most the limit, not whatever slipped between
// reading the count and writing the refusal.

const MINUTE = 60_000;

export type SignInClaim = { throttled: false; attemptId: string } | { throttled: true };

/** Rolls the claim back: a throttled attempt is not recorded and does not extend the lock. */
class Throttled extends Error {}

export async function claimSignInAttempt(login: string, now: Date): Promise<SignInClaim> {
  try {
    return await db().$transaction(async (tx) => {
      await serializeInTransaction(tx, "staffSignIn", login);
      // written before anything is read: on SQLite the transaction holds the write lock from its
      // first statement (see claimSearchAttempt)
      const row = await tx.staffSignInAttempt.create({
        data: { login, succeeded: false, createdAt: now },
        select: { id: true },
      });
      if ((await failuresBefore(tx, login, now, row.id)) >= config().STAFF_SIGNIN_MAX_FAILURES) {
        throw new Throttled();
      }
      return { throttled: false, attemptId: row.id };
    });
  } catch (error) {
    if (error instanceof Throttled) return { throttled: true };
    throw error;
  }
}

/** The password matched: the attempt is a success, and the count starts again after it. */
export async function markSignInSucceeded(attemptId: string): Promise<void> {
  await db().staffSignInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

async function failuresBefore(tx: Tx, login: string, now: Date, besides: string): Promise<number> {
  const windowStart = new Date(now.getTime() - config().STAFF_SIGNIN_WINDOW_MINUTES * MINUTE);
  const lastSuccess = await tx.staffSignInAttempt.findFirst({
    where: { login, succeeded: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return tx.staffSignInAttempt.count({
    where: {
      login,
      succeeded: false,
      id: { not: besides },
      createdAt: { gt: lastSuccess?.createdAt ?? windowStart },
    },
  });
}

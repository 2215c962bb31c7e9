import "server-only";
import type { Prisma } from "@/prisma/client";
import { keyedDigest } from "../audit/key";
import { config } from "../config";
import { db, serializeInTransaction, type Tx } from "../db";
import { UNKNOWN_SOURCE } from "./signin-source";

// Staff sign-in throttle (issue 12 item 5): one StaffSignInCounter row per login and per source
// address, read and written once per attempt (O(1), no count over history). Atomic like the
// search lock (R11, R33's spirit): an attempt is counted as a failure before its password is
// checked, in a step the attempts for one key take in turn, so a burst of 31 wrong passwords
// checks at most the limit, not whatever slipped between reading the count and writing it.

const MINUTE = 60_000;
const LOGIN_PREFIX = "login:";
const SOURCE_PREFIX = "source:";

/** Whose attempt: the typed login, and the staff member's id when that login exists. */
export type SignInWho = { login: string; staffUserId: string | null };

export type SignInClaim =
  | { throttled: false; who: SignInWho; source: string; priorFailures: number }
  | { throttled: true; priorFailures: number };

type Limit = { key: string; max: number };

/** Rolls the claim back: a throttled attempt is not counted and does not extend a lock. */
class Throttled extends Error {
  constructor(readonly priorFailures: number) {
    super("throttled");
  }
}

/**
 * A login's counter key. A staff member's is their id, the same on every server sharing the
 * database. Any other typed text gets a keyed hash, not the text, since a password typed into
 * ログイン名 would otherwise sit in the table (issue 12 Why): the audit key's hash, kept outside the
 * database and shared by every server on it, so an unknown login counts the same everywhere.
 * Unknown logins get counters too, so "throttled" does not tell which logins exist.
 */
export function loginKey(who: SignInWho): string {
  if (who.staffUserId) return `user:${who.staffUserId}`;
  return `${LOGIN_PREFIX}${keyedDigest(who.login)}`;
}

export function sourceKey(source: string): string {
  return `${SOURCE_PREFIX}${source}`;
}

function limitsFor(who: SignInWho, source: string): Limit[] {
  const settings = config();
  const limits: Limit[] = [{ key: loginKey(who), max: settings.STAFF_SIGNIN_MAX_FAILURES }];
  // An unknown source is every client at once: limiting it would let one guesser lock the
  // console for all staff, so only named addresses are limited (see signin-source.ts).
  if (source !== UNKNOWN_SOURCE) {
    limits.push({ key: sourceKey(source), max: settings.STAFF_SIGNIN_SOURCE_MAX_FAILURES });
  }
  return limits;
}

type Counter = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/** The counter as it stands at `now`: a passed window or an expired lock starts afresh. */
function current(row: Counter, now: Date): Counter {
  const windowEnd = row.windowStartedAt.getTime() + config().STAFF_SIGNIN_WINDOW_MINUTES * MINUTE;
  const lockOver = row.lockedUntil !== null && row.lockedUntil <= now;
  if (lockOver || (row.lockedUntil === null && windowEnd <= now.getTime())) {
    return { failures: 0, windowStartedAt: now, lockedUntil: null };
  }
  return row;
}

/**
 * The rows current() would start afresh at `now` — an expired lock, or no lock and a passed
 * window — as a query. Deleting one changes nothing: the next attempt creates the same fresh row.
 */
export function staleCounterWhere(now: Date): Prisma.StaffSignInCounterWhereInput {
  const windowStart = new Date(now.getTime() - config().STAFF_SIGNIN_WINDOW_MINUTES * MINUTE);
  return {
    OR: [{ lockedUntil: { lte: now } }, { lockedUntil: null, windowStartedAt: { lte: windowStart } }],
  };
}

async function counterFor(tx: Tx, key: string, now: Date): Promise<Counter> {
  // Written before anything is read: on SQLite the transaction holds the write lock from its
  // first statement (see claimSearchAttempt); on PostgreSQL the advisory lock orders the keys'
  // attempts. A login's lock is always taken before a source's, so two attempts never wait on
  // each other in a circle.
  await serializeInTransaction(tx, "staffSignIn", key);
  return tx.staffSignInCounter.upsert({
    where: { key },
    create: { key, failures: 0, windowStartedAt: now, updatedAt: now },
    update: { updatedAt: now },
    select: { failures: true, windowStartedAt: true, lockedUntil: true },
  });
}

/**
 * Counts this attempt as a failure of its login and its source, unless either is locked (then
 * nothing changes). `priorFailures` — the most failures either had before this attempt — sets
 * the progressive delay (signInDelayMs).
 */
export async function claimSignInAttempt(who: SignInWho, source: string, now: Date): Promise<SignInClaim> {
  const limits = limitsFor(who, source);
  try {
    return await db().$transaction(async (tx) => {
      const states: Counter[] = [];
      for (const limit of limits) states.push(current(await counterFor(tx, limit.key, now), now));
      const priorFailures = Math.max(...states.map((s) => s.failures));
      limits.forEach((limit, i) => {
        const state = states[i]!;
        if ((state.lockedUntil !== null && state.lockedUntil > now) || state.failures >= limit.max) {
          throw new Throttled(priorFailures);
        }
      });
      const lockEnd = new Date(now.getTime() + config().STAFF_SIGNIN_WINDOW_MINUTES * MINUTE);
      for (const [i, limit] of limits.entries()) {
        const failures = states[i]!.failures + 1;
        await tx.staffSignInCounter.update({
          where: { key: limit.key },
          data: {
            failures,
            windowStartedAt: states[i]!.windowStartedAt,
            lockedUntil: failures >= limit.max ? lockEnd : null,
          },
        });
      }
      return { throttled: false, who, source, priorFailures };
    });
  } catch (error) {
    if (error instanceof Throttled) return { throttled: true, priorFailures: error.priorFailures };
    throw error;
  }
}

/**
 * The password matched: the login's count starts again (its lock, if this attempt set it, goes),
 * and the source gets back the failure its claim counted in advance.
 */
export async function markSignInSucceeded(
  claim: Extract<SignInClaim, { throttled: false }>,
  now: Date,
): Promise<void> {
  const [loginLimit, sourceLimit] = limitsFor(claim.who, claim.source);
  await db().$transaction(async (tx) => {
    await serializeInTransaction(tx, "staffSignIn", loginLimit!.key);
    await tx.staffSignInCounter.updateMany({
      where: { key: loginLimit!.key },
      data: { failures: 0, windowStartedAt: now, lockedUntil: null, updatedAt: now },
    });
    if (!sourceLimit) return;
    const state = current(await counterFor(tx, sourceLimit.key, now), now);
    const failures = Math.max(0, state.failures - 1);
    await tx.staffSignInCounter.update({
      where: { key: sourceLimit.key },
      data: {
        failures,
        windowStartedAt: state.windowStartedAt,
        lockedUntil: failures >= sourceLimit.max ? state.lockedUntil : null,
      },
    });
  });
}

/** An admin's unlock: the member's count starts again at once. True when it was locked. */
export async function unlockLogin(tx: Tx, staffUserId: string, now: Date): Promise<boolean> {
  const key = loginKey({ login: "", staffUserId });
  await serializeInTransaction(tx, "staffSignIn", key);
  const { count } = await tx.staffSignInCounter.updateMany({
    where: { key, lockedUntil: { gt: now } },
    data: { failures: 0, windowStartedAt: now, lockedUntil: null, updatedAt: now },
  });
  return count > 0;
}

/** Which of these staff members are locked at `now`, and until when (one read for the console). */
export async function lockedMembers(staffUserIds: string[], now: Date): Promise<Map<string, Date>> {
  const byKey = new Map(staffUserIds.map((id) => [loginKey({ login: "", staffUserId: id }), id]));
  const rows = await db().staffSignInCounter.findMany({
    where: { key: { in: [...byKey.keys()] }, lockedUntil: { gt: now } },
    select: { key: true, lockedUntil: true },
  });
  return new Map(rows.map((row) => [byKey.get(row.key)!, row.lockedUntil!]));
}

/** The console lists at most this many locked addresses (each lasts one window). */
const LISTED_SOURCES = 100;

/** The source addresses refused at `now`, and until when, soonest end first (for the console). */
export async function lockedSources(now: Date): Promise<{ source: string; lockedUntil: Date }[]> {
  const rows = await db().staffSignInCounter.findMany({
    where: { key: { startsWith: SOURCE_PREFIX }, lockedUntil: { gt: now } },
    orderBy: { lockedUntil: "asc" },
    take: LISTED_SOURCES,
    select: { key: true, lockedUntil: true },
  });
  return rows.map((row) => ({ source: row.key.slice(SOURCE_PREFIX.length), lockedUntil: row.lockedUntil! }));
}

/** How many logins no staff member has are locked at `now`: only their keyed hash is stored. */
export async function lockedUnknownLogins(now: Date): Promise<number> {
  return db().staffSignInCounter.count({
    where: { key: { startsWith: LOGIN_PREFIX }, lockedUntil: { gt: now } },
  });
}

/** An admin's unlock of a source address: its count starts again at once. True when it was locked. */
export async function unlockSource(tx: Tx, source: string, now: Date): Promise<boolean> {
  const key = sourceKey(source);
  await serializeInTransaction(tx, "staffSignIn", key);
  const { count } = await tx.staffSignInCounter.updateMany({
    where: { key, lockedUntil: { gt: now } },
    data: { failures: 0, windowStartedAt: now, lockedUntil: null, updatedAt: now },
  });
  return count > 0;
}

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

/**
 * The wait before an attempt is answered, after n earlier failures of its login or source in
 * the window: 0.5 s × 2^(n-1), at most 8 s. Taken before the password is checked, so a client
 * cannot learn the answer early by the argon2 time and hang up.
 */
export function signInDelayMs(priorFailures: number): number {
  if (!(priorFailures > 0)) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(priorFailures - 1, 30));
}

type Pause = (ms: number) => Promise<void>;
const realPause: Pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let pause: Pause = realPause;

export async function pauseBeforeAnswer(ms: number): Promise<void> {
  if (ms > 0) await pause(ms);
}

/** Tests record the delays instead of waiting them out (undefined: the real timer again). */
export function setSignInPauseForTests(replacement: Pause | undefined): void {
  pause = replacement ?? realPause;
}

// Issue 12 leftover 2 (done in issue 13): StaffSignInCounter rows that no longer count are pruned
// by the nightly batch's third step — an expired lock, or no lock and a passed window — while a
// counter in a live window or with a live lock stays and keeps refusing. The rows are made by
// real sign-in attempts at past times (made-up logins and source addresses), then the batch runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runNightlyBatch, type BatchResult } from "@/app/_server/batch/propagation";
import { pruneSignInCounters } from "@/app/_server/batch/signin-counters";
import { resetConfigForTests } from "@/app/_server/config";
import { claimSignInAttempt, loginKey, sourceKey, type SignInWho } from "@/app/_server/staff/signin-throttle";
import { freshDatabase } from "@/test/support/db";

const MINUTE = 60_000;
const NOW = new Date("2026-12-09T03:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

let database: Awaited<ReturnType<typeof freshDatabase>>;

const made = (login: string): SignInWho => ({ login, staffUserId: null });

/** `times` failed attempts of `who` from `source` at `at`. */
async function fail(who: SignInWho, source: string, at: Date, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await claimSignInAttempt(who, source, at);
}

async function keys(): Promise<string[]> {
  const rows = await database.prisma.staffSignInCounter.findMany({ select: { key: true } });
  return rows.map((r) => r.key).sort();
}

beforeAll(async () => {
  database = await freshDatabase();
  resetConfigForTests();
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.prisma.staffSignInCounter.deleteMany();
});

/**
 * With the defaults (a 15-minute window, 5 per login, 20 per source):
 * - old-made-up: one try 16 minutes ago, never locked — its window has ended (and 10.0.0.1's)
 * - edge-made-up: one try exactly 15 minutes ago — its window ends now (and 10.0.0.2's)
 * - lapsed: locked 30 minutes ago, the lock ended 15 minutes later (10.0.0.8 never locked)
 * - live: three tries 5 minutes ago from 10.0.0.9 — both windows run 10 more minutes
 * - locked: four tries 16 minutes ago and a fifth 2 minutes ago lock it for 13 more minutes; its
 *   window has ended, its lock has not. 10.0.0.3's window has ended and it never locked.
 * - 10.0.0.7: twenty made-up logins 5 minutes ago lock the address for 10 more minutes; each
 *   spray-N login has one try in a live window
 */
async function seedCounters() {
  await fail(made("old-made-up"), "10.0.0.1", ago(16));
  await fail(made("edge-made-up"), "10.0.0.2", ago(15));
  await fail(made("lapsed"), "10.0.0.8", ago(30), 5);
  await fail(made("live"), "10.0.0.9", ago(5), 3);
  await fail(made("locked"), "10.0.0.3", ago(16), 4);
  await fail(made("locked"), "10.0.0.3", ago(2), 1);
  for (let i = 0; i < 20; i++) await fail(made(`spray-${i}`), "10.0.0.7", ago(5));
}

// functions: a made-up login's key is keyed by the audit key, known once the database exists
const gone = () => [
  loginKey(made("old-made-up")),
  loginKey(made("edge-made-up")),
  loginKey(made("lapsed")),
  sourceKey("10.0.0.1"),
  sourceKey("10.0.0.2"),
  sourceKey("10.0.0.8"),
  sourceKey("10.0.0.3"),
];

const kept = () =>
  [
    loginKey(made("live")),
    sourceKey("10.0.0.9"),
    loginKey(made("locked")),
    sourceKey("10.0.0.7"),
    ...Array.from({ length: 20 }, (_, i) => loginKey(made(`spray-${i}`))),
  ].sort();

function ok(result: BatchResult) {
  if (!result.ok) throw new Error(`batch failed: ${result.message}`);
  return result;
}

describe("issue 12 leftover 2: pruning sign-in counters", () => {
  it("the batch deletes counters whose window or lock has ended and keeps live windows and live locks", async () => {
    await seedCounters();
    const before = await keys();
    // the rows to go exist, so the test cannot pass on an empty table
    expect(before).toEqual([...gone(), ...kept()].sort());
    const locked = await database.prisma.staffSignInCounter.findUniqueOrThrow({
      where: { key: loginKey(made("locked")) },
    });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(NOW.getTime());

    ok(await runNightlyBatch({ trigger: "cli", now: NOW }));
    expect(await keys()).toEqual(kept());

    const audit = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "batch.run" },
      orderBy: { seq: "desc" },
    });
    expect((audit.detail as { signInCountersPruned?: number }).signInCountersPruned).toBe(gone().length);
  });

  it("what stays still counts: the live lock refuses, the live window keeps its failures", async () => {
    await seedCounters();
    await pruneSignInCounters(NOW);
    expect(await claimSignInAttempt(made("locked"), "10.0.0.4", NOW)).toMatchObject({ throttled: true });
    expect(await claimSignInAttempt(made("live"), "10.0.0.5", NOW)).toMatchObject({
      throttled: false,
      priorFailures: 3,
    });
    expect(await claimSignInAttempt(made("anyone"), "10.0.0.7", NOW)).toMatchObject({ throttled: true });
  });

  it("a pruned login answers as if it had been kept: no earlier failures, no delay", async () => {
    await seedCounters();
    const unpruned = await claimSignInAttempt(made("old-made-up"), "10.0.0.6", NOW);
    await database.prisma.staffSignInCounter.deleteMany();
    await seedCounters();
    expect(await pruneSignInCounters(NOW)).toBeGreaterThan(0);
    const pruned = await claimSignInAttempt(made("old-made-up"), "10.0.0.6", NOW);
    expect(pruned).toEqual(unpruned);
    expect(pruned).toMatchObject({ throttled: false, priorFailures: 0 });
  });

  it("prunes in chunks until none is left", async () => {
    const rows = Array.from({ length: 4_500 }, (_, i) => ({
      key: `source:192.0.2.${i}`,
      failures: 1,
      windowStartedAt: ago(60),
      updatedAt: ago(60),
    }));
    await database.prisma.staffSignInCounter.createMany({ data: rows });
    await fail(made("live"), "10.0.0.9", ago(5));
    expect(await pruneSignInCounters(NOW)).toBe(4_500);
    expect(await keys()).toEqual([loginKey(made("live")), sourceKey("10.0.0.9")].sort());
  });
});

import "server-only";
import { db } from "../db";
import { staleCounterWhere } from "../staff/signin-throttle";

// The nightly batch's third step (issue 12 leftover 2, done in issue 13): StaffSignInCounter rows
// that no longer count — an expired lock, or no lock and a passed window — are deleted, so a
// made-up login or a source address that tried once does not keep a row forever. Here rather
// than at sign-in: a sign-in stays one counter row read and written (issue 12 item 5), and a
// flood of made-up logins between two nights is bounded by argon2's cost per attempt, a few
// rows each of a few dozen bytes.

/** Keys deleted per statement: one statement never holds SQLite's write lock for long. */
const CHUNK = 500;

/** Deletes the stale counters at `now`; returns how many went. */
export async function pruneSignInCounters(now: Date): Promise<number> {
  let pruned = 0;
  for (;;) {
    const stale = await db().staffSignInCounter.findMany({
      where: staleCounterWhere(now),
      select: { key: true },
      take: CHUNK,
    });
    if (stale.length === 0) return pruned;
    // asked again in the delete: a sign-in may have counted on one of these rows since the read
    const { count } = await db().staffSignInCounter.deleteMany({
      where: { AND: [{ key: { in: stale.map((row) => row.key) } }, staleCounterWhere(now)] },
    });
    pruned += count;
    if (stale.length < CHUNK) return pruned;
  }
}

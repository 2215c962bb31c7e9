import "server-only";
import { config } from "../config";
import { db } from "../db";

// R11: repeated failed searches at one terminal never lock it (the next bidder must not pay for
// the last one); they raise an alarm on the staff console instead, so staff can step in.

/** Failed searches at one terminal within SEARCH_WINDOW_MINUTES that raise the alarm. */
export const TERMINAL_ALARM_FAILURES = 10;

export type SearchAlarm = { terminalId: string; failures: number; since: Date };

export async function terminalSearchAlarms(now: Date = new Date()): Promise<SearchAlarm[]> {
  const since = new Date(now.getTime() - config().SEARCH_WINDOW_MINUTES * 60_000);
  const rows = await db().searchAttempt.groupBy({
    by: ["terminalId"],
    where: { succeeded: false, createdAt: { gt: since, lte: now } },
    _count: { _all: true },
    having: { terminalId: { _count: { gte: TERMINAL_ALARM_FAILURES } } },
    orderBy: { terminalId: "asc" },
  });
  return rows.map((row) => ({ terminalId: row.terminalId, failures: row._count._all, since }));
}

import "server-only";
import { ensureDailyAnchor } from "../audit/anchor";
import { auditKeyStartProblem } from "../audit/key";
import { ensureBatchScheduler } from "../batch/scheduler";
import { db } from "../db";
import { databaseStartProblem, dataFilesStartProblem } from "./checks";

/**
 * What the Node.js server does once when it starts, before it answers a request
 * (instrumentation.ts): a setting that cannot work stops it here, where whoever starts it reads
 * the one line; then the audit anchor and the nightly batch's timer start.
 */
export async function startServer(): Promise<void> {
  // files and key first: the database check opens (and on SQLite would create) the file
  const problem = dataFilesStartProblem() ?? auditKeyStartProblem() ?? (await databaseStartProblem());
  if (problem) {
    console.error(`[kiosk] cannot start: ${problem}`);
    process.exit(1);
  }
  // the audit chain's head, written outside the database once a Tokyo day (issue 12 item 4)
  ensureDailyAnchor(db());
  // the nightly propagation (R21, R22), once per process; BATCH_SCHEDULE=off schedules nothing
  ensureBatchScheduler();
}

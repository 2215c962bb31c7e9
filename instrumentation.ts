// Next.js calls register() once when a server starts, before it answers a request: work that
// belongs to the server process, not to a page, starts here. Next calls it in every runtime; only
// the Node.js server holds timers and reaches the database, and the scheduler is server-only, so it
// is imported inside the check rather than at the top.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // should `next build` ever call it (to prerender), a build must not start a nightly run
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { databaseStartProblem, dataFilesStartProblem } = await import("./app/_server/startup");
  const { auditKeyStartProblem } = await import("./app/_server/audit/key");
  // files and key first: the database check opens (and on SQLite would create) the file
  const problem = dataFilesStartProblem() ?? auditKeyStartProblem() ?? (await databaseStartProblem());
  if (problem) {
    // the one line whoever starts the server must see; the process stops
    console.error(`[kiosk] cannot start: ${problem}`);
    process.exit(1);
  }
  const { ensureDailyAnchor } = await import("./app/_server/audit/anchor");
  const { db } = await import("./app/_server/db");
  // the audit chain's head, written outside the database once a Tokyo day (issue 12 item 4)
  ensureDailyAnchor(db());
  const { ensureBatchScheduler } = await import("./app/_server/batch/scheduler");
  // the nightly propagation (R21, R22), once per process; BATCH_SCHEDULE=off schedules nothing
  ensureBatchScheduler();
}

// Next.js calls register() once when a server starts, before it answers a request: work that
// belongs to the server process, not to a page, starts here. Next calls it in every runtime; only
// the Node.js server holds timers and reaches the database, and the scheduler is server-only, so it
// is imported inside the check rather than at the top.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // should `next build` ever call it (to prerender), a build must not start a nightly run
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureBatchScheduler } = await import("./app/_server/batch/scheduler");
  // the nightly propagation (R21, R22), once per process; BATCH_SCHEDULE=off schedules nothing
  ensureBatchScheduler();
}

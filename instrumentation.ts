// Next.js calls register() once when a server starts, before it answers a request: work that
// belongs to the server process, not to a page, starts here. Next calls it in every runtime and
// compiles it for each; only the Node.js server holds timers and reaches the database, so that
// work is a module imported inside the runtime check (app/_server/start/server.ts), which the
// other runtimes' builds leave out.
export async function register(): Promise<void> {
  // should `next build` ever call it (to prerender), a build must not start a nightly run
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./app/_server/start/server");
    await startServer();
  }
}

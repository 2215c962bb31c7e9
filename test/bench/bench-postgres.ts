// PostgreSQL for a benchmark process: a private throwaway cluster (test/support/postgres.ts) under
// test-results/bench-postgres/<name>, started for the process and stopped by it at the end. The
// benchmarks assume Debian's `postgresql` package is installed (npm test installs it as root);
// without it they say so and run their SQLite half only, rather than fail the whole bench.
import path from "node:path";
import { migratePostgres } from "@/prisma/migrate";
import { findPostgresBinDir, startPostgres, type PrivatePostgres } from "@/test/support/postgres";

const ROOT = path.resolve(__dirname, "../../test-results/bench-postgres");

export type BenchPostgres = PrivatePostgres & {
  /** a new database `name` with the committed PostgreSQL migrations applied; resolves to its URL */
  migratedDatabase(name: string): Promise<string>;
};

/** The cluster, or why there is none (binaries missing). Start failures are thrown, not hidden. */
export async function startBenchPostgres(name: string): Promise<BenchPostgres | { missing: string }> {
  try {
    findPostgresBinDir();
  } catch (error) {
    return { missing: (error as Error).message };
  }
  const server = await startPostgres({ dir: path.join(ROOT, name) });
  return {
    ...server,
    async migratedDatabase(db) {
      const url = await server.createDatabase(db);
      await migratePostgres(url);
      return url;
    },
  };
}

/** Stops the cluster on Ctrl-C too: a benchmark takes minutes and is often interrupted. */
export function stopOnSignal(stop: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.kill(process.pid, signal));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

import path from "node:path";

// DATABASE_URL chooses the engine (issue 10): `file:…` is the embedded SQLite file (the default),
// `postgresql://…` or `postgres://…` a shared PostgreSQL server for several terminals.

export type Database = { engine: "sqlite"; url: string } | { engine: "postgresql"; url: string };

const DEFAULT_URL = "file:./.data/kiosk.db";

/** The database DATABASE_URL names; a URL of neither kind stops here, naming the variable. */
export function databaseFromEnv(env: Record<string, string | undefined> = process.env): Database {
  const raw = (env.DATABASE_URL ?? "").trim() || DEFAULT_URL;
  if (raw.startsWith("file:")) {
    // with the driver adapter the path is ours to resolve: relative to the working directory
    // (not to prisma/); run-time location, so keep Next's file tracer from pulling in the project
    return {
      engine: "sqlite",
      url: `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw.slice(5))}`,
    };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    let host: string;
    try {
      host = new URL(raw).hostname;
    } catch {
      throw new Error(
        "DATABASE_URL is not a valid postgresql:// URL (postgresql://user:password@host:5432/db)",
      );
    }
    if (!host) throw new Error("DATABASE_URL names no host (postgresql://user:password@host:5432/db)");
    return { engine: "postgresql", url: raw };
  }
  throw new Error(
    `DATABASE_URL must be a SQLite file: URL or a postgresql:// URL (got "${raw.split(":")[0]}:")`,
  );
}

/** pg's Pool default: the most connections one server process opens to PostgreSQL. */
export const DEFAULT_POOL_MAX = 10;

/**
 * The pg pool for a PostgreSQL URL: at most `connection_limit` connections (Prisma's name for it,
 * which the pg adapter does not read itself), else pg's default of 10. The parameter is taken out
 * of the URL so the driver never sees a setting it does not know.
 */
export function postgresPool(url: string): { connectionString: string; max: number } {
  const u = new URL(url);
  const limit = u.searchParams.get("connection_limit");
  if (limit === null) return { connectionString: url, max: DEFAULT_POOL_MAX };
  const max = Number(limit);
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new Error(`DATABASE_URL: connection_limit must be a whole number from 1 to 1000 (got "${limit}")`);
  }
  u.searchParams.delete("connection_limit");
  return { connectionString: u.toString(), max };
}

/** host[:port]/db of a PostgreSQL URL, for messages: never the user's password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "(unreadable URL)";
  }
}

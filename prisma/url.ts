import path from "node:path";

/** The SQLite file the kiosk uses. With the driver adapter the path is ours to resolve (relative
 * to the working directory, not to prisma/), so every caller goes through here. */
export function sqliteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL ?? "file:./.data/kiosk.db";
  if (!raw.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file: URL for now (got "${raw.split(":")[0]}:")`);
  }
  const file = raw.slice("file:".length);
  // run-time location: keep Next's file tracer from pulling the whole project into the build
  return `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), file)}`;
}

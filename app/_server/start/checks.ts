import "server-only";
import { sqliteFilesProblem } from "@/prisma/data-files";
import { databaseFromEnv, describeUrl } from "@/prisma/url";
import { databaseReachable, isDatabaseUnreachable } from "../db";

/**
 * Why this server cannot start on its database, or null when it can: a DATABASE_URL of no known
 * kind, or a database that does not answer. The message names the variable and the host, never a
 * password. Once running, an outage is the kiosk's unavailable screen instead (it recovers by
 * itself); at start a wrong setting is better stopped where the person starting it sees it.
 */
export async function databaseStartProblem(): Promise<string | null> {
  let where: string;
  try {
    const database = databaseFromEnv();
    where = database.engine === "postgresql" ? describeUrl(database.url) : database.url.slice("file:".length);
  } catch (error) {
    return (error as Error).message;
  }
  try {
    if (await databaseReachable()) return null;
  } catch (error) {
    if (!isDatabaseUnreachable(error)) {
      const code = (error as { code?: unknown }).code;
      return `DATABASE_URL: the database at ${where} refused the first query (${(error as Error).name}${typeof code === "string" ? ` ${code}` : ""})`;
    }
  }
  return `DATABASE_URL: no database answers at ${where} (is the server running and reachable from this terminal?)`;
}

/**
 * Why this server must not start with its database files (issue 12 item 6), or null: a SQLite
 * database, journal or folder others can read (the message gives the chmod). Not for PostgreSQL.
 */
export function dataFilesStartProblem(): string | null {
  try {
    const database = databaseFromEnv();
    return database.engine === "sqlite" ? sqliteFilesProblem(database.url.slice("file:".length)) : null;
  } catch (error) {
    return (error as Error).message;
  }
}

import { createSqliteFile } from "./data-files";
import { PrismaClient } from "./generated/client";
import { KioskPrismaPg } from "./pg-adapter";
import { PrismaClient as PostgresPrismaClient } from "./postgres/generated/client";
import { KioskPrismaBetterSQLite3 } from "./sqlite-adapter";
import { databaseFromEnv, postgresPool, type Database } from "./url";

export { Prisma, PrismaClient } from "./generated/client";

/**
 * A client on the database DATABASE_URL names (or the given URL): the SQLite file through
 * better-sqlite3, or PostgreSQL through pg. One data layer: both clients are generated from the
 * one model (prisma/postgres/schema.prisma is derived from schema.prisma), so the rest of the code
 * sees one PrismaClient type whichever engine runs below it.
 */
export function createPrismaClient(url?: string): PrismaClient {
  const database: Database = url === undefined ? databaseFromEnv() : databaseFromEnv({ DATABASE_URL: url });
  if (database.engine === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new KioskPrismaPg(postgresPool(database.url)) });
    return client as unknown as PrismaClient;
  }
  // born 0700 / 0600 (issue 12 item 6); SQLite's journals take the file's mode
  createSqliteFile(database.url.slice("file:".length));
  return new PrismaClient({ adapter: new KioskPrismaBetterSQLite3({ url: database.url }) });
}

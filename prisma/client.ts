import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { sqliteUrl } from "./url";

export { Prisma, PrismaClient } from "./generated/client";

/** Builds a client on the SQLite file named by DATABASE_URL (or the given URL). */
export function createPrismaClient(url: string = sqliteUrl()): PrismaClient {
  fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

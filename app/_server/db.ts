import "server-only";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { databaseFromEnv } from "@/prisma/url";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { kioskPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.kioskPrisma ??= createPrismaClient();
  return globalForPrisma.kioskPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A write refused by a unique index (P2002), optionally on an index naming `field`. The rules'
 * uniqueness lives in the database (R1, one opening per terminal, one batch runner), so callers
 * turn this into their refusal. Duck-typed: the client on globalThis may come from another server
 * chunk than this module's copy of the generated Prisma namespace, so instanceof would miss it.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  const known = error as { name?: string; code?: string; meta?: unknown } | null;
  if (known?.name !== "PrismaClientKnownRequestError" || known.code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify(known.meta ?? {}).includes(field);
}

// pg_advisory_xact_lock classes: arbitrary, fixed; the (class, key) form never meets
// prisma/migrate.ts's one-number migration lock
const SERIAL_LOCKS = { receiptNumber: 7301, searchAttempts: 7302 } as const;

/**
 * Until `tx` ends, no other transaction passes this point for the same `what` (and `key`): for a
 * read-then-write no row lock covers — the day's last receipt number, a user ID's recent failed
 * searches. PostgreSQL: a transaction-scoped advisory lock, released by commit or rollback, so a
 * killed server holds nothing. SQLite needs none: it lets one writer at a time in already.
 */
export async function serializeInTransaction(
  tx: Tx,
  what: keyof typeof SERIAL_LOCKS,
  key = "",
): Promise<void> {
  if (databaseFromEnv().engine !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SERIAL_LOCKS[what]}::int, hashtext(${key}))`;
}

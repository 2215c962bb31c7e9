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
const SERIAL_LOCKS = {
  receiptNumber: 7301,
  searchAttempts: 7302,
  searchVisit: 7303,
  staffSignIn: 7304,
} as const;

/**
 * Until `tx` ends, no other transaction passes this point for the same `what` (and `key`): for a
 * read-then-write no row lock covers — the day's last receipt number, a user ID's recent failed
 * searches, a visit's failed searches, a staff login's failed sign-ins. PostgreSQL: a
 * transaction-scoped advisory lock, released by commit or rollback, so a killed server holds nothing. SQLite needs none: it lets one writer at a time in already.
 */
export async function serializeInTransaction(
  tx: Tx,
  what: keyof typeof SERIAL_LOCKS,
  key = "",
): Promise<void> {
  if (databaseFromEnv().engine !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SERIAL_LOCKS[what]}::int, hashtext(${key}))`;
}

// Prisma's codes for "the database could not be reached": P1001 can't reach, P1002 timed out,
// P1008 socket timeout, P1017 the server closed the connection, P2024 no pooled connection in time.
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The pg adapter's DriverAdapterError kinds for the same (its P2010 raw-query errors carry them).
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
// Node's socket errors, as pg throws them before the adapter maps them.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EPIPE",
]);
// PostgreSQL's own: 08xxx connection exceptions; 57P01–57P03 the server shutting down, crashed
// or still starting (what a stopped or restarting server answers a live connection).
const UNREACHABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
// pg's plain Errors for a connection that died under it (no code, only the message).
const UNREACHABLE_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "timeout exceeded when trying to connect",
];

type ErrorShape = {
  name?: unknown;
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  kind?: unknown;
  originalCode?: unknown;
};

/**
 * True when `error` says the database server could not be reached or dropped the connection, as
 * opposed to a query that failed. Shapes seen with PostgreSQL stopped under a running client
 * (test/integration/database-down.test.ts): PrismaClientKnownRequestError P1001 with
 * meta.driverAdapterError (cause.kind DatabaseNotReachable); P2010 from a raw query killed by the
 * shutdown (cause.code 57P01); a plain Error "Client has encountered a connection error…" for a
 * transaction whose connection died. Duck-typed, as isUniqueViolation is, and it follows `cause`
 * and the adapter error a few levels down.
 */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== "object") return false;
  const e = error as ErrorShape;
  const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : "";
  if (UNREACHABLE_CODES.has(code) || SOCKET_CODES.has(code)) return true;
  if (typeof e.kind === "string") {
    if (UNREACHABLE_KINDS.has(e.kind)) return true;
    const sqlstate = typeof e.originalCode === "string" ? e.originalCode : code;
    if (e.kind === "postgres" && UNREACHABLE_SQLSTATE.test(sqlstate)) return true;
  }
  const message = typeof e.message === "string" ? e.message : "";
  if (UNREACHABLE_MESSAGES.some((m) => message.includes(m))) return true;
  return (
    isDatabaseUnreachable(e.meta?.driverAdapterError, depth + 1) || isDatabaseUnreachable(e.cause, depth + 1)
  );
}

/** The health check's question: does the database answer a trivial query now? */
export async function databaseReachable(): Promise<boolean> {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return true;
  } catch (error) {
    if (isDatabaseUnreachable(error)) return false;
    throw error;
  }
}

import "server-only";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";

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

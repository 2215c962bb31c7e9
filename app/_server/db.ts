import "server-only";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { kioskPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.kioskPrisma ??= createPrismaClient();
  return globalForPrisma.kioskPrisma;
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

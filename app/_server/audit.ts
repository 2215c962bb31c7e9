import "server-only";
import type { Prisma } from "@/prisma/client";
import { config } from "./config";
import { db, type Tx } from "./db";

export type AuditEntry = {
  action: string;
  outcome: "ok" | "refused" | "error";
  kioskSessionId?: string | null;
  userId?: string | null;
  /** facts only: never a PIN, a password or anything the bidder typed into those fields (R30) */
  detail?: Prisma.InputJsonValue;
};

/** Writes one audit row, inside the caller's transaction when one is given. */
export async function audit(entry: AuditEntry, tx: Tx = db()): Promise<void> {
  await tx.auditLog.create({
    data: {
      terminalId: config().TERMINAL_ID,
      action: entry.action,
      outcome: entry.outcome,
      kioskSessionId: entry.kioskSessionId ?? null,
      userId: entry.userId ?? null,
      detail: entry.detail,
    },
  });
}

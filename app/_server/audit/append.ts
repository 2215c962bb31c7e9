import "server-only";
import type { Prisma } from "@/prisma/client";
import { auditHmac } from "./chain";
import { auditKeyring } from "./key";
import { config } from "../config";
import { db, type Tx } from "../db";

export type AuditEntry = {
  action: string;
  outcome: "ok" | "refused" | "error";
  kioskSessionId?: string | null;
  userId?: string | null;
  /** the staff member who acted, for staff actions */
  staffLogin?: string | null;
  /** facts only: never a PIN, a password or anything the bidder typed into those fields (R30) */
  detail?: Prisma.InputJsonValue;
};

/**
 * Appends one row to the audit chain, inside the caller's transaction when one is given (so the
 * row exists exactly when the change it records does). Bumping the head row first takes its lock,
 * which serializes appends across terminals sharing one database.
 */
export async function audit(entry: AuditEntry, tx?: Tx): Promise<void> {
  if (tx) return append(tx, entry);
  await db().$transaction((t) => append(t, entry));
}

async function append(tx: Tx, entry: AuditEntry): Promise<void> {
  // before the head's lock: a missing key must not leave a transaction waiting on a file
  const key = auditKeyring().current;
  const head = await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: { increment: 1 } } });
  const row = {
    seq: head.seq,
    prevHash: head.hash,
    createdAt: new Date(),
    terminalId: config().TERMINAL_ID,
    kioskSessionId: entry.kioskSessionId ?? null,
    staffLogin: entry.staffLogin ?? null,
    action: entry.action,
    outcome: entry.outcome,
    userId: entry.userId ?? null,
  };
  const hash = auditHmac({ ...row, detail: entry.detail ?? null }, key);
  await tx.auditLog.create({ data: { ...row, detail: entry.detail, hash, keyId: key.id } });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { hash } });
}

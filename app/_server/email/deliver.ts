import "server-only";
import { config } from "@/app/_server/config";
import { db } from "@/app/_server/db";
import { transportFromConfig, type EmailTransport, type OutgoingEmail, type SendOutcome } from "./transport";

export type DispatchOptions = {
  now?: Date;
  /** undefined: from the configuration; null: no transport, messages stay pending. */
  transport?: EmailTransport | null;
  limit?: number;
};

export type DispatchSummary = { sent: number; retried: number; failed: number; skipped: number };

const MINUTE = 60_000;
// A claimed row is invisible to other dispatchers until this passes; if the claiming process dies
// mid-send the row becomes due again. It must outlast the transport's timeout.
export const CLAIM_LEASE_MS = 5 * MINUTE;
const MAX_ERROR_LENGTH = 500;

/** Wait before the next attempt after `attempts` failures: 1, 2, 4, 8… minutes. */
export function retryDelayMs(attempts: number): number {
  return MINUTE * 2 ** Math.max(0, attempts - 1);
}

/** A transport that throws is treated like one that reports an error: the row is retried. */
async function sendSafely(transport: EmailTransport, email: OutgoingEmail): Promise<SendOutcome> {
  try {
    return await transport.send(email);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : "send failed" };
  }
}

/**
 * Delivers due outbox emails (R40). Each row is claimed with one guarded UPDATE (same status and
 * attempt count as read), so of two dispatchers racing for a row exactly one sends it; Resend's
 * Idempotency-Key covers the remaining gap of a send whose answer was lost.
 */
export async function dispatchDueEmails(options: DispatchOptions = {}): Promise<DispatchSummary> {
  const summary: DispatchSummary = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const transport = options.transport === undefined ? transportFromConfig() : options.transport;
  if (!transport) return summary;
  const now = options.now ?? new Date();
  const { EMAIL_MAX_ATTEMPTS, EMAIL_FROM } = config();
  const prisma = db();

  const due = await prisma.outboxEmail.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 20,
    select: { id: true, attempts: true },
  });

  for (const row of due) {
    const attempt = row.attempts + 1;
    const claimed = await prisma.outboxEmail.updateMany({
      where: { id: row.id, status: "pending", attempts: row.attempts, nextAttemptAt: { lte: now } },
      data: { attempts: attempt, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (claimed.count !== 1) {
      summary.skipped += 1;
      continue;
    }
    const email = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } });
    const outcome = await sendSafely(transport, {
      from: EMAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      idempotencyKey: email.idempotencyKey,
    });

    // Guarded by the attempt we claimed: a dispatcher that took over after our lease ran out wins.
    const mine = { id: row.id, status: "pending", attempts: attempt };
    if (outcome.ok) {
      await prisma.outboxEmail.updateMany({
        where: mine,
        data: { status: "sent", providerMessageId: outcome.messageId, sentAt: new Date(), lastError: null },
      });
      summary.sent += 1;
    } else if (attempt >= EMAIL_MAX_ATTEMPTS) {
      await prisma.outboxEmail.updateMany({
        where: mine,
        data: { status: "failed", lastError: outcome.error.slice(0, MAX_ERROR_LENGTH) },
      });
      summary.failed += 1;
    } else {
      await prisma.outboxEmail.updateMany({
        where: mine,
        data: {
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempt)),
          lastError: outcome.error.slice(0, MAX_ERROR_LENGTH),
        },
      });
      summary.retried += 1;
    }
  }
  return summary;
}

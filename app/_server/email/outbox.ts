import "server-only";
import type { Tx } from "@/app/_server/db";

export type EnqueueEmailInput = {
  to: string;
  subject: string;
  text: string;
  html: string;
  receiptId: string | null;
  /** Stable per message (e.g. `receipt:<number>:department`): Resend drops a repeated send. */
  idempotencyKey: string;
};

/**
 * Queues an email inside the caller's business transaction (R40): if the operation rolls back,
 * so does the email, and once it commits the dispatcher will deliver it.
 */
export async function enqueueEmail(tx: Tx, input: EnqueueEmailInput): Promise<{ id: string }> {
  return tx.outboxEmail.create({
    data: {
      to: input.to,
      subject: input.subject,
      text: input.text,
      html: input.html,
      receiptId: input.receiptId,
      idempotencyKey: input.idempotencyKey,
    },
    select: { id: true },
  });
}

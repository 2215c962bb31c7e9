import "server-only";
import { audit } from "@/app/_server/audit/append";
import { db } from "@/app/_server/db";
import type { ReceiptData } from "@/app/_shared/contracts";
import { RECORD_ID } from "@/app/_shared/text-policy";
// A pending row that changed within the dispatcher's claim lease may be in its hands right now
// (claimed, the send under way), so hurrying it could send it twice.
import { CLAIM_LEASE_MS } from "./deliver";

export type RetryEmailResult =
  { ok: true; id: string } | { ok: false; code: "invalid" | "conflict"; message: string };

/**
 * 再送 by staff: a failed (given up) or waiting email becomes due now; one never tried is refused
 * (the dispatcher sends it in turn — there is nothing to send again). The attempt count keeps
 * counting every try, so a given-up email gets exactly one more try per 再送 (the dispatcher gives
 * up again at EMAIL_MAX_ATTEMPTS). A sent email is refused: sending it again would be a second
 * email (R40). The change is guarded by the row's state as read, like the dispatcher's claim, and
 * audited (email.retry) in the same transaction, refusals included.
 */
export async function retryEmail(
  staff: { login: string },
  emailId: string,
  now: Date = new Date(),
): Promise<RetryEmailResult> {
  if (!RECORD_ID.test(emailId)) {
    return { ok: false, code: "invalid", message: "指定されたメールは見つかりません。" };
  }
  return db().$transaction(async (tx) => {
    const row = await tx.outboxEmail.findUnique({
      where: { id: emailId },
      select: {
        id: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        updatedAt: true,
        receipt: { select: { number: true, data: true } },
      },
    });
    if (!row) return { ok: false, code: "invalid", message: "指定されたメールは見つかりません。" } as const;
    const userId = (row.receipt?.data as Partial<ReceiptData> | null)?.userId ?? null;
    const detail = {
      email: row.id,
      status: row.status,
      attempts: row.attempts,
      receipt: row.receipt?.number ?? null,
    };
    const refuse = async (message: string) => {
      await audit({ action: "email.retry", outcome: "refused", staffLogin: staff.login, userId, detail }, tx);
      return { ok: false, code: "conflict", message } as const;
    };

    if (row.status === "sent") {
      return refuse("送信済みのメールは再送できません。再送すると同じメールが二度届きます。");
    }
    if (row.attempts === 0) {
      return refuse("まだ送信していないメールです。順次送信されます。");
    }
    const inFlight =
      row.status === "pending" &&
      row.nextAttemptAt > now &&
      row.updatedAt.getTime() > now.getTime() - CLAIM_LEASE_MS;
    if (inFlight) {
      return refuse("このメールは送信処理中の可能性があります。5分ほど待ってから再送してください。");
    }
    const updated = await tx.outboxEmail.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt },
      data: { status: "pending", nextAttemptAt: now },
    });
    if (updated.count !== 1) {
      return refuse("メールの状態が変わりました。画面を更新してから操作してください。");
    }
    await audit({ action: "email.retry", outcome: "ok", staffLogin: staff.login, userId, detail }, tx);
    return { ok: true, id: row.id } as const;
  });
}

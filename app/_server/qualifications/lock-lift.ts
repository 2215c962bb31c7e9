import "server-only";
import type { StaffFailure } from "@/app/_shared/staff-contracts";
import { readTextField } from "@/app/_shared/text-field";
import { audit } from "../audit/append";
import { db } from "../db";

// R11: staff lift a user ID's search lock (the bidder is beside them, with the right password at
// hand). The lock then counts only failures after the lift; who and why go to the audit log in the
// same transaction as the lift.

export const LIFT_REASON_MAX = 200;

export type LiftResult = { ok: true; userId: string } | StaffFailure;

function invalid(field: "userId" | "reason", message: string): StaffFailure {
  return { ok: false, code: "invalid", message, fieldErrors: { [field]: message } };
}

export async function liftSearchLock(
  staff: { login: string },
  input: { userId: unknown; reason: unknown },
  now: Date = new Date(),
): Promise<LiftResult> {
  // both pass the text policy first (issue 12 item 2); the reason is a textarea
  const typedUserId = readTextField("ユーザID", input.userId ?? "", { required: false });
  if (!typedUserId.ok) return invalid("userId", typedUserId.message);
  const userId = typedUserId.value;
  if (!/^\d{10}$/.test(userId)) return invalid("userId", "ユーザIDは半角数字10桁で入力してください。");
  const typedReason = readTextField("理由", input.reason ?? "", {
    multiline: true,
    max: LIFT_REASON_MAX,
    emptyMessage: "解除の理由を入力してください。",
    maxMessage: `理由は${LIFT_REASON_MAX}文字以内で入力してください。`,
  });
  if (!typedReason.ok) return invalid("reason", typedReason.message);
  const reason = typedReason.value;
  await db().$transaction(async (tx) => {
    await tx.searchLockLift.create({ data: { userId, staffLogin: staff.login, reason, liftedAt: now } });
    await audit(
      { action: "search.unlock", outcome: "ok", staffLogin: staff.login, userId, detail: { reason } },
      tx,
    );
  });
  return { ok: true, userId };
}

import "server-only";
import { z } from "@/app/_shared/zod";
import { invalidAnswer } from "@/app/_shared/schemas";
import { textField } from "@/app/_shared/text-field";
import { RECORD_ID } from "@/app/_shared/text-policy";
import { audit } from "../audit/append";
import { db } from "../db";
import type { AccountResult } from "./accounts";
import type { StaffIdentity } from "./sessions";
import { unlockLogin } from "./signin-throttle";

// ロック解除 (issue 12 item 5): anyone who reaches the sign-in page can lock a login with wrong
// passwords, so an admin can end the lock at once instead of the member waiting the window out.
// Who and why go to the audit log in the same transaction as the unlock.

export const UNLOCK_REASON_MAX = 200;

const unlockSchema = z.object({
  staffUserId: z
    .string({ error: "対象の職員が見つかりません。" })
    .regex(RECORD_ID, "対象の職員が見つかりません。"),
  reason: textField("理由", {
    max: UNLOCK_REASON_MAX,
    emptyMessage: "解除の理由を入力してください。",
    maxMessage: `理由は${UNLOCK_REASON_MAX}文字以内で入力してください。`,
  }),
});

export async function unlockStaffSignIn(
  actor: StaffIdentity,
  input: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AccountResult> {
  const parsed = unlockSchema.safeParse(input);
  if (!parsed.success) return invalidAnswer(parsed.error, "入力内容を確認してください。");
  const user = await db().staffUser.findUnique({ where: { id: parsed.data.staffUserId } });
  if (!user) return { ok: false, code: "invalid", message: "対象の職員が見つかりません。" };
  const unlocked = await db().$transaction(async (tx) => {
    if (!(await unlockLogin(tx, user.id, now))) return false;
    await audit(
      {
        action: "staff.signin.unlock",
        outcome: "ok",
        staffLogin: actor.login,
        detail: { login: user.login, reason: parsed.data.reason },
      },
      tx,
    );
    return true;
  });
  return unlocked
    ? { ok: true, message: `「${user.login}」のサインインのロックを解除しました。` }
    : { ok: true, message: `「${user.login}」はロックされていません。` };
}

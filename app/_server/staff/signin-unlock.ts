import "server-only";
import net from "node:net";
import { z } from "@/app/_shared/zod";
import { invalidAnswer } from "@/app/_shared/schemas";
import { textField } from "@/app/_shared/text-field";
import { RECORD_ID } from "@/app/_shared/text-policy";
import { audit } from "../audit/append";
import { db } from "../db";
import type { AccountResult } from "./accounts";
import type { StaffIdentity } from "./sessions";
import { unlockLogin, unlockSource } from "./signin-throttle";

// ロック解除 (issue 12 item 5): anyone who reaches the sign-in page can lock a login with wrong
// passwords, so an admin can end the lock at once instead of the member waiting the window out.
// Who and why go to the audit log in the same transaction as the unlock. A source address locked
// by twenty failures (a shared office NAT, say) is unlocked the same way.

export const UNLOCK_REASON_MAX = 200;

const reason = textField("理由", {
  max: UNLOCK_REASON_MAX,
  emptyMessage: "解除の理由を入力してください。",
  maxMessage: `理由は${UNLOCK_REASON_MAX}文字以内で入力してください。`,
});

const unlockSchema = z.object({
  staffUserId: z
    .string({ error: "対象の職員が見つかりません。" })
    .regex(RECORD_ID, "対象の職員が見つかりません。"),
  reason,
});

const sourceSchema = z.object({
  // what signInSource stores: an IP address, IPv6 in lower case
  source: z
    .string({ error: "対象の接続元が見つかりません。" })
    .max(64, "対象の接続元が見つかりません。")
    .refine((value) => net.isIP(value) !== 0, "対象の接続元が見つかりません。"),
  reason,
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

/** ロック解除 of a source address (issue 12 leftover 3): its twenty-failure lock ends at once. */
export async function unlockSignInSource(
  actor: StaffIdentity,
  input: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AccountResult> {
  const parsed = sourceSchema.safeParse(input);
  if (!parsed.success) return invalidAnswer(parsed.error, "入力内容を確認してください。");
  const { source } = parsed.data;
  const unlocked = await db().$transaction(async (tx) => {
    if (!(await unlockSource(tx, source, now))) return false;
    await audit(
      {
        action: "staff.signin.unlockSource",
        outcome: "ok",
        staffLogin: actor.login,
        detail: { source, reason: parsed.data.reason },
      },
      tx,
    );
    return true;
  });
  return unlocked
    ? { ok: true, message: `接続元 ${source} のサインインのロックを解除しました。` }
    : { ok: true, message: `接続元 ${source} はロックされていません。` };
}

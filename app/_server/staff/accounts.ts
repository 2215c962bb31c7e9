import "server-only";
import { z } from "@/app/_shared/zod";
import { invalidAnswer } from "@/app/_shared/schemas";
import { textField } from "@/app/_shared/text-field";
import { charLength, RECORD_ID } from "@/app/_shared/text-policy";
import type { StaffFailure, StaffRole } from "@/app/_shared/staff-contracts";
import { audit } from "../audit/append";
import { db } from "../db";
import { hashPassword } from "./passwords";
import { isStaffRole, revokeAllSessions, type StaffIdentity } from "./sessions";
import { lockedMembers } from "./signin-throttle";

// 職員アカウント (admin only): create, change role, disable / enable, reset password. Bad input
// writes nothing and answers Japanese messages by field; every change is audited with the acting
// admin's login in the same transaction. Passwords exist here only long enough to be hashed.

export type StaffAccountRow = {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  disabledAt: Date | null;
  /** the newest StaffSession's start */
  lastSignInAt: Date | null;
  /** live sessions right now */
  activeSessions: number;
  /** refused sign-ins until then (failed passwords), or null */
  signInLockedUntil: Date | null;
};

export type AccountResult = { ok: true; message: string } | StaffFailure;

export const LOGIN_PATTERN = /^[a-z0-9_-]{3,32}$/;
export const MIN_PASSWORD = 12;
const MAX_PASSWORD = 256;

// every typed text passes the text policy first (issue 12 item 2)
const login = textField("ログイン名").refine(
  (v) => LOGIN_PATTERN.test(v),
  "ログイン名は半角の英小文字・数字・「-」「_」で3〜32文字にしてください。",
);
const displayName = textField("氏名", { max: 50, maxMessage: "氏名は50文字以内にしてください。" });
const role = z.enum(["staff", "admin"], { error: "権限を「職員」か「管理者」から選んでください。" });
const password = textField("パスワード", {
  keepAsTyped: true,
  max: MAX_PASSWORD,
  maxMessage: `パスワードは${MAX_PASSWORD}文字以内にしてください。`,
}).refine((p) => charLength(p) >= MIN_PASSWORD, `パスワードは${MIN_PASSWORD}文字以上にしてください。`);
// a row id (cuid) is all the form sends: anything else, a lone surrogate too, is no such member
const target = z
  .string({ error: "対象の職員が見つかりません。" })
  .regex(RECORD_ID, "対象の職員が見つかりません。");

const createSchema = z.object({ login, displayName, role, password });
const roleSchema = z.object({ staffUserId: target, role });
const disabledSchema = z.object({
  staffUserId: target,
  disabled: z.enum(["true", "false"], { error: "操作を選んでください。" }),
});
const passwordSchema = z.object({ staffUserId: target, password });

function invalid(error: z.ZodError): StaffFailure {
  return invalidAnswer(error, "入力内容を確認してください。");
}

const NOT_FOUND: StaffFailure = { ok: false, code: "invalid", message: "対象の職員が見つかりません。" };
const NOT_YOURSELF: StaffFailure = {
  ok: false,
  code: "conflict",
  message: "自分自身の権限の変更や無効化はできません。別の管理者に依頼してください。",
};

export async function listStaffAccounts(now: Date = new Date()): Promise<StaffAccountRow[]> {
  const users = await db().staffUser.findMany({ orderBy: { login: "asc" } });
  const latest = await db().staffSession.groupBy({
    by: ["staffUserId"],
    _max: { createdAt: true },
  });
  const live = await db().staffSession.groupBy({
    by: ["staffUserId"],
    where: { revokedAt: null, expiresAt: { gt: now } },
    _count: { _all: true },
  });
  const lastBy = new Map(latest.map((r) => [r.staffUserId, r._max.createdAt]));
  const liveBy = new Map(live.map((r) => [r.staffUserId, r._count._all]));
  const locked = await lockedMembers(
    users.map((u) => u.id),
    now,
  );
  return users.map((u) => ({
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    role: isStaffRole(u.role) ? u.role : "staff",
    disabledAt: u.disabledAt,
    lastSignInAt: lastBy.get(u.id) ?? null,
    activeSessions: u.disabledAt ? 0 : (liveBy.get(u.id) ?? 0),
    signInLockedUntil: locked.get(u.id) ?? null,
  }));
}

export async function createStaffAccount(
  actor: StaffIdentity,
  input: Record<string, unknown>,
): Promise<AccountResult> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;
  const taken = await db().staffUser.findUnique({ where: { login: data.login } });
  if (taken) return taken_(data.login);
  const passwordHash = await hashPassword(data.password);
  try {
    await db().$transaction(async (tx) => {
      await tx.staffUser.create({
        data: { login: data.login, displayName: data.displayName, role: data.role, passwordHash },
      });
      await audit(
        {
          action: "staff.account.create",
          outcome: "ok",
          staffLogin: actor.login,
          detail: { login: data.login, role: data.role },
        },
        tx,
      );
    });
  } catch (error) {
    // two admins creating the same login at once: the unique index decides
    if ((error as { code?: unknown }).code === "P2002") return taken_(data.login);
    throw error;
  }
  return { ok: true, message: `職員「${data.login}」を作成しました。` };
}

function taken_(loginName: string): StaffFailure {
  return {
    ok: false,
    code: "conflict",
    message: "入力内容を確認してください。",
    fieldErrors: { login: `ログイン名「${loginName}」は既に使われています。` },
  };
}

export async function changeStaffRole(
  actor: StaffIdentity,
  input: Record<string, unknown>,
): Promise<AccountResult> {
  const parsed = roleSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { staffUserId, role: newRole } = parsed.data;
  if (staffUserId === actor.id) return NOT_YOURSELF;
  const user = await db().staffUser.findUnique({ where: { id: staffUserId } });
  if (!user) return NOT_FOUND;
  if (user.role === newRole) return { ok: true, message: `「${user.login}」の権限は変わりません。` };
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { role: newRole } });
    await audit(
      {
        action: "staff.account.role",
        outcome: "ok",
        staffLogin: actor.login,
        detail: { login: user.login, from: user.role, to: newRole },
      },
      tx,
    );
  });
  return {
    ok: true,
    message: `「${user.login}」の権限を${newRole === "admin" ? "管理者" : "職員"}にしました。`,
  };
}

/** Disabling revokes every session of that member in the same transaction: it counts at once. */
export async function setStaffDisabled(
  actor: StaffIdentity,
  input: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AccountResult> {
  const parsed = disabledSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const disable = parsed.data.disabled === "true";
  if (parsed.data.staffUserId === actor.id) return NOT_YOURSELF;
  const user = await db().staffUser.findUnique({ where: { id: parsed.data.staffUserId } });
  if (!user) return NOT_FOUND;
  if (Boolean(user.disabledAt) === disable) {
    return { ok: true, message: `「${user.login}」は既に${disable ? "無効" : "有効"}です。` };
  }
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { disabledAt: disable ? now : null } });
    const revoked = disable ? await revokeAllSessions(tx, user.id, now) : 0;
    await audit(
      {
        action: disable ? "staff.account.disable" : "staff.account.enable",
        outcome: "ok",
        staffLogin: actor.login,
        detail: disable ? { login: user.login, revokedSessions: revoked } : { login: user.login },
      },
      tx,
    );
  });
  return {
    ok: true,
    message: disable
      ? `「${user.login}」を無効にしました。サインイン中の画面も使えなくなりました。`
      : `「${user.login}」を有効にしました。`,
  };
}

/** A new password for a member (e.g. forgotten): their sessions end, they sign in with it. */
export async function resetStaffPassword(
  actor: StaffIdentity,
  input: Record<string, unknown>,
  now: Date = new Date(),
): Promise<AccountResult> {
  const parsed = passwordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const user = await db().staffUser.findUnique({ where: { id: parsed.data.staffUserId } });
  if (!user) return NOT_FOUND;
  const passwordHash = await hashPassword(parsed.data.password);
  await db().$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash } });
    const revoked = await revokeAllSessions(tx, user.id, now);
    await audit(
      {
        action: "staff.account.password",
        outcome: "ok",
        staffLogin: actor.login,
        detail: { login: user.login, revokedSessions: revoked },
      },
      tx,
    );
  });
  return {
    ok: true,
    message:
      user.id === actor.id
        ? "パスワードを再設定しました。新しいパスワードでサインインし直してください。"
        : `「${user.login}」のパスワードを再設定しました。サインイン中の画面は使えなくなりました。`,
  };
}

"use client";

import type { StaffRole } from "@/app/_shared/staff-contracts";
import {
  changeStaffRoleAction,
  resetStaffPasswordAction,
  setStaffDisabledAction,
  unlockStaffSignInAction,
} from "../_actions/accounts";
import { useRowAction } from "./useRowAction";
import "./accounts.css";

type Account = { id: string; login: string; role: StaffRole; disabled: boolean; locked: boolean };

/** One member's role, enable/disable, password reset and sign-in unlock, each answering next to the row. */
export function AccountRowActions({
  account,
  self,
  minPassword,
}: {
  account: Account;
  self: boolean;
  minPassword: number;
}) {
  const { answer, busy, hydrated, run } = useRowAction();
  const base = `account-${account.login}`;

  const passwordError = answer && !answer.ok ? answer.fieldErrors?.password : undefined;
  const roleError = answer && !answer.ok ? answer.fieldErrors?.role : undefined;
  const reasonError = answer && !answer.ok ? answer.fieldErrors?.reason : undefined;

  return (
    <div className="account-actions">
      {account.locked && (
        <form
          method="post"
          onSubmit={run(unlockStaffSignInAction)}
          className="account-inline"
          aria-label={`${account.login}のロック解除`}
        >
          <input type="hidden" name="staffUserId" value={account.id} />
          <label htmlFor={`${base}-unlock-reason`}>解除の理由</label>
          <input
            id={`${base}-unlock-reason`}
            name="reason"
            type="text"
            maxLength={200}
            required
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${base}-unlock-reason-error` : undefined}
          />
          <button type="submit" className="staff-button" disabled={busy || !hydrated}>
            ロック解除
          </button>
          {reasonError && (
            <p className="field-error" id={`${base}-unlock-reason-error`}>
              {reasonError}
            </p>
          )}
        </form>
      )}
      {!self && (
        <>
          <form
            method="post"
            onSubmit={run(changeStaffRoleAction)}
            className="account-inline"
            aria-label={`${account.login}の権限`}
          >
            <input type="hidden" name="staffUserId" value={account.id} />
            <label htmlFor={`${base}-role`}>権限</label>
            <select
              id={`${base}-role`}
              name="role"
              defaultValue={account.role}
              aria-invalid={roleError ? true : undefined}
              aria-describedby={roleError ? `${base}-role-error` : undefined}
            >
              <option value="staff">職員</option>
              <option value="admin">管理者</option>
            </select>
            <button type="submit" className="staff-button secondary" disabled={busy || !hydrated}>
              権限を変更
            </button>
            {roleError && (
              <p className="field-error" id={`${base}-role-error`}>
                {roleError}
              </p>
            )}
          </form>
          <form method="post" onSubmit={run(setStaffDisabledAction)} className="account-inline">
            <input type="hidden" name="staffUserId" value={account.id} />
            <input type="hidden" name="disabled" value={account.disabled ? "false" : "true"} />
            <button
              type="submit"
              className={account.disabled ? "staff-button secondary" : "staff-button danger"}
              disabled={busy || !hydrated}
            >
              {account.disabled ? `${account.login}を有効にする` : `${account.login}を無効にする`}
            </button>
          </form>
        </>
      )}
      <form
        method="post"
        onSubmit={run(resetStaffPasswordAction)}
        className="account-inline"
        aria-label={`${account.login}のパスワード再設定`}
      >
        <input type="hidden" name="staffUserId" value={account.id} />
        <label htmlFor={`${base}-password`}>新しいパスワード</label>
        <input
          id={`${base}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          maxLength={256}
          placeholder={`${minPassword}文字以上`}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? `${base}-password-error` : undefined}
        />
        <button type="submit" className="staff-button secondary" disabled={busy || !hydrated}>
          再設定
        </button>
        {passwordError && (
          <p className="field-error" id={`${base}-password-error`}>
            {passwordError}
          </p>
        )}
      </form>
      {answer && (
        <p className={answer.ok ? "account-answer" : "account-answer account-answer-error"}>
          {answer.message}
        </p>
      )}
    </div>
  );
}

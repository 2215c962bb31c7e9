"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { createStaffAccountAction } from "../_actions/accounts";
import { useHydrated } from "../_components/useHydrated";

type Errors = Record<string, string | undefined>;

export function CreateAccountForm({ minPassword }: { minPassword: number }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await createStaffAccountAction(new FormData(event.currentTarget)).catch(() => null);
    setBusy(false);
    if (!result) {
      setMessage({ ok: false, text: "処理できませんでした。もう一度お試しください。" });
      return;
    }
    if (result.ok) {
      setErrors({});
      setMessage({ ok: true, text: result.message });
      formRef.current?.reset();
      router.refresh();
    } else {
      setErrors(result.fieldErrors ?? {});
      setMessage({ ok: false, text: result.message });
    }
  }

  const field = (name: string) => ({
    id: `new-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [`new-${name}-hint`, errors[name] ? `new-${name}-error` : ""]
      .filter(Boolean)
      .join(" "),
  });
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`new-${name}-error`}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      className="staff-form"
      method="post"
      onSubmit={submit}
      noValidate
      aria-label="職員を追加"
    >
      {message && (
        <div className={message.ok ? "staff-notice" : "staff-error"}>
          <p>{message.text}</p>
        </div>
      )}
      <div className="staff-field">
        <label htmlFor="new-login">ログイン名</label>
        <input
          {...field("login")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={32}
        />
        <small className="staff-hint" id="new-login-hint">
          半角の英小文字・数字・「-」「_」で3〜32文字
        </small>
        {error("login")}
      </div>
      <div className="staff-field">
        <label htmlFor="new-displayName">氏名</label>
        <input {...field("displayName")} maxLength={50} />
        <small className="staff-hint" id="new-displayName-hint">
          画面の右上と監査ログに表示されます
        </small>
        {error("displayName")}
      </div>
      <div className="staff-field">
        <label htmlFor="new-role">権限</label>
        <select {...field("role")} defaultValue="staff">
          <option value="staff">職員</option>
          <option value="admin">管理者</option>
        </select>
        <small className="staff-hint" id="new-role-hint">
          管理者は職員アカウントと調達機関の物品設定も変更できます
        </small>
        {error("role")}
      </div>
      <div className="staff-field">
        <label htmlFor="new-password">初期パスワード</label>
        <input {...field("password")} type="password" autoComplete="new-password" maxLength={256} />
        <small className="staff-hint" id="new-password-hint">
          {minPassword}文字以上。本人に直接伝えてください
        </small>
        {error("password")}
      </div>
      <div className="staff-actions">
        <button type="submit" className="staff-button" disabled={busy || !hydrated}>
          追加する
        </button>
      </div>
    </form>
  );
}

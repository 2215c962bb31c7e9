"use client";

import { useState, type FormEvent } from "react";
import { useHydrated } from "../_components/useHydrated";

type Props = {
  callbackUrl: string;
  initialError: string | null;
  invalidMessage: string | null;
  throttleMessage: string | null;
};

/**
 * Signs in through next-auth's own endpoints (what next-auth/react's signIn does, without its
 * absolute-URL assumptions): the CSRF token, then the credentials callback with json=true, which
 * sets the session cookie and answers where to go or which error.
 */
export function SignInForm({ callbackUrl, initialError, invalidMessage, throttleMessage }: Props) {
  const [error, setError] = useState<string | null>(initialError);
  const [missing, setMissing] = useState<{ login?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = String(form.get("login") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const empty = {
      login: login ? undefined : "ログイン名を入力してください。",
      password: password ? undefined : "パスワードを入力してください。",
    };
    setMissing(empty);
    if (empty.login || empty.password) return;
    setBusy(true);
    setError(null);
    try {
      const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as {
        csrfToken: string;
      };
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: csrf.csrfToken, login, password, callbackUrl, json: "true" }),
      });
      const data = (await response.json().catch(() => ({}))) as { url?: string };
      const next = data.url ? new URL(data.url, window.location.href) : null;
      const code = next?.searchParams.get("error");
      // a CSRF mismatch is answered with next-auth's own sign-in address and no error code
      const signedIn = response.ok && next !== null && !code && !next.pathname.startsWith("/api/auth/");
      if (!signedIn) {
        setError(
          code === "throttled"
            ? throttleMessage
            : code === "CredentialsSignin"
              ? invalidMessage
              : "サインインできませんでした。もう一度お試しください。",
        );
        setBusy(false);
        return;
      }
      // a full load, so the layout renders with the new session
      window.location.assign(callbackUrl);
    } catch {
      setError("サインインできませんでした。通信を確認して、もう一度お試しください。");
      setBusy(false);
    }
  }

  return (
    <form className="staff-form" method="post" onSubmit={submit} noValidate>
      {error && (
        <div className="staff-error" id="signin-error">
          <p>{error}</p>
        </div>
      )}
      <div className="staff-field">
        <label htmlFor="login">ログイン名</label>
        <input
          id="login"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          aria-invalid={missing.login ? true : undefined}
          aria-describedby={missing.login ? "login-error" : undefined}
        />
        {missing.login && (
          <p className="field-error" id="login-error">
            {missing.login}
          </p>
        )}
      </div>
      <div className="staff-field">
        <label htmlFor="password">パスワード</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={256}
          aria-invalid={missing.password ? true : undefined}
          aria-describedby={missing.password ? "password-error" : undefined}
        />
        {missing.password && (
          <p className="field-error" id="password-error">
            {missing.password}
          </p>
        )}
      </div>
      <div className="staff-actions">
        <button type="submit" className="staff-button" disabled={busy || !hydrated}>
          {busy ? "確認しています…" : "サインイン"}
        </button>
      </div>
    </form>
  );
}

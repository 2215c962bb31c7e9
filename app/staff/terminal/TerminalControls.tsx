"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import { signOutAction } from "@/app/staff/_actions/session";
import {
  closeTerminalAction,
  openTerminalAction,
  type TerminalActionState,
} from "@/app/staff/_actions/terminal";

export type TerminalControlsProps = {
  /** an opening exists that was not closed */
  open: boolean;
  acceptsWalkIns: boolean;
  inHours: boolean;
  overrideMinutes: number;
  reasonMax: number;
};

/** 受付を開始 (with the reason outside hours), 受付を終了, and the way back to the kiosk screen. */
export function TerminalControls({
  open,
  acceptsWalkIns,
  inHours,
  overrideMinutes,
  reasonMax,
}: TerminalControlsProps) {
  const router = useRouter();
  const [opened, openAction, opening] = useActionState<TerminalActionState, FormData>(
    openTerminalAction,
    null,
  );
  const [closed, closeAction, closing] = useActionState<TerminalActionState, FormData>(
    closeTerminalAction,
    null,
  );
  const [leaving, setLeaving] = useState(false);
  const reasonId = useId();
  const reasonErrorId = useId();
  useEffect(() => {
    if (opened?.ok || closed?.ok) router.refresh();
  }, [opened, closed, router]);
  const reasonError = opened && !opened.ok ? opened.fieldErrors?.reason : undefined;

  return (
    <div className="terminal-controls">
      {!acceptsWalkIns ? (
        <form action={openAction} className="staff-form">
          {!inHours ? (
            <div>
              <label htmlFor={reasonId}>受付時間外に開始する理由（必須、{reasonMax}文字以内）</label>
              <textarea
                id={reasonId}
                name="reason"
                rows={3}
                maxLength={reasonMax}
                required
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={reasonError ? reasonErrorId : undefined}
              />
              {reasonError ? (
                <p id={reasonErrorId} className="field-error">
                  {reasonError}
                </p>
              ) : null}
              <p className="terminal-hint">
                受付時間外に開始すると、受付を終了するか{overrideMinutes}分たつまで来庁者の受付ができます。
              </p>
            </div>
          ) : null}
          <button type="submit" className="staff-button" disabled={opening}>
            {opening ? "開始しています…" : "受付を開始"}
          </button>
        </form>
      ) : null}
      {open ? (
        <form action={closeAction}>
          <button type="submit" className="staff-button secondary" disabled={closing}>
            {closing ? "終了しています…" : "受付を終了"}
          </button>
        </form>
      ) : null}
      {[opened, closed].map((state, i) =>
        state && !(state.ok === false && state.fieldErrors) ? (
          <p key={i} className={state.ok ? "staff-notice" : "staff-error"} aria-live="polite">
            {state.message}
          </p>
        ) : null,
      )}
      {acceptsWalkIns ? (
        <div className="terminal-to-kiosk">
          <p>この端末をキオスクとして使うときは、サインアウトしてキオスク画面に戻ります。</p>
          <button
            type="button"
            className="staff-button"
            disabled={leaving}
            onClick={async () => {
              setLeaving(true);
              try {
                // the kiosk must not keep a staff session in its browser
                await signOutAction();
              } finally {
                window.location.assign("/");
              }
            }}
          >
            キオスク画面へ（サインアウト）
          </button>
        </div>
      ) : null}
    </div>
  );
}

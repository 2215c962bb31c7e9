"use client";

import { unlockSignInSourceAction } from "../_actions/accounts";
import { useRowAction } from "./useRowAction";
import "./accounts.css";

/** ロック解除 of one locked source address, with a reason, answering next to the row. */
export function SourceUnlockForm({ source, index }: { source: string; index: number }) {
  const { answer, busy, hydrated, run } = useRowAction();
  // an IPv6 address has colons, which an id may hold but a CSS selector would need escaped
  const base = `source-${index}`;

  const reasonError = answer && !answer.ok ? answer.fieldErrors?.reason : undefined;
  return (
    <div className="account-actions">
      <form
        method="post"
        onSubmit={run(unlockSignInSourceAction)}
        className="account-inline"
        aria-label={`接続元 ${source} のロック解除`}
      >
        <input type="hidden" name="source" value={source} />
        <label htmlFor={`${base}-reason`}>解除の理由</label>
        <input
          id={`${base}-reason`}
          name="reason"
          type="text"
          maxLength={200}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${base}-reason-error` : undefined}
        />
        <button type="submit" className="staff-button" disabled={busy || !hydrated}>
          ロック解除
        </button>
        {reasonError && (
          <p className="field-error" id={`${base}-reason-error`}>
            {reasonError}
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

"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { liftSearchLockAction, type LiftActionState } from "@/app/staff/_actions/search-locks";

/** 検索ロックを解除: the user ID and why (both required); the errors at their fields. */
export function LiftForm({ userId, reasonMax }: { userId?: string; reasonMax: number }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<LiftActionState, FormData>(liftSearchLockAction, null);
  const userIdId = useId();
  const reasonId = useId();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="staff-form">
      <div>
        <label htmlFor={userIdId}>ユーザID（半角数字10桁）</label>
        <input
          id={userIdId}
          name="userId"
          inputMode="numeric"
          defaultValue={userId}
          required
          aria-invalid={errors.userId ? true : undefined}
          aria-describedby={errors.userId ? `${userIdId}-error` : undefined}
        />
        {errors.userId ? (
          <p id={`${userIdId}-error`} className="field-error">
            {errors.userId}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={reasonId}>解除の理由（必須、{reasonMax}文字以内）</label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          maxLength={reasonMax}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
        />
        {errors.reason ? (
          <p id={`${reasonId}-error`} className="field-error">
            {errors.reason}
          </p>
        ) : null}
      </div>
      <button type="submit" className="staff-button" disabled={pending}>
        {pending ? "解除しています…" : "検索ロックを解除"}
      </button>
      {state && !(state.ok === false && state.fieldErrors) ? (
        <p className={state.ok ? "staff-notice" : "staff-error"} aria-live="polite">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { runBatchNowAction, type RunBatchState } from "@/app/staff/_actions/batch";

/** 「今すぐ実行」: runs the nightly propagation now; the answer (or "already running") is shown below. */
export function RunBatchButton() {
  const [state, action, pending] = useActionState<RunBatchState, FormData>(runBatchNowAction, null);
  const router = useRouter();
  const messageId = useId();
  useEffect(() => {
    if (state) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="batch-run-now">
      <button
        type="submit"
        className="staff-button"
        disabled={pending}
        aria-describedby={state ? messageId : undefined}
      >
        {pending ? "実行中…" : "今すぐ実行"}
      </button>
      {state ? (
        <p id={messageId} className={state.ok ? "staff-notice" : "staff-error"} aria-live="polite">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

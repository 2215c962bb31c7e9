"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { retryEmailAction, type RetryEmailState } from "@/app/staff/_actions/outbox";

/** 「再送」 for one outbox email; the answer is shown beside the button. */
export function ConsoleRetryButton({ emailId, subject }: { emailId: string; subject: string }) {
  const [state, action, pending] = useActionState<RetryEmailState, FormData>(retryEmailAction, null);
  const router = useRouter();
  const messageId = useId();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="console-retry">
      <input type="hidden" name="emailId" value={emailId} />
      <button
        type="submit"
        className="staff-button secondary"
        disabled={pending}
        aria-label={`再送: ${subject}`}
        aria-describedby={state ? messageId : undefined}
      >
        {pending ? "再送中…" : "再送"}
      </button>
      {state ? (
        <p id={messageId} className={state.ok ? "console-retry-ok" : "field-error"} aria-live="polite">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

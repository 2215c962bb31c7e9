"use client";
// 「係員を呼ぶ」 on every kiosk screen (issue 11 item 6): records a call for the staff console with
// the screen and the last error shown, then keeps 「係員をお呼びしました」 until staff mark it handled.
import { useEffect, useState } from "react";
import { callStaff } from "@/app/actions";
import { useT } from "./i18n/useT";
import { useKioskScreen } from "./useKioskScreen";
import "./styles/staff-call.css";

/** How often the notice asks whether staff have handled the call. */
const POLL_MS = 2000;

type CallState = "idle" | "calling" | "waiting" | "failed";

export function StaffCallButton() {
  const { screen, lastError } = useKioskScreen();
  const [state, setState] = useState<CallState>("idle");
  const [failure, setFailure] = useState<string | null>(null);
  const t = useT();

  async function call() {
    setState("calling");
    try {
      const result = await callStaff({ screen, lastError: lastError.current });
      if (result.ok) {
        setState("waiting");
        return;
      }
      setFailure(result.message);
    } catch {
      setFailure(null);
    }
    setState("failed");
  }

  useEffect(() => {
    if (state !== "waiting") return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch("/api/call", { cache: "no-store" });
        if (!response.ok) return;
        const { open } = (await response.json()) as { open: boolean };
        if (!open) setState("idle");
      } catch {
        // the notice stays; the next poll asks again
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [state]);

  return (
    <div className="staff-call">
      <button
        type="button"
        className="staff-call-button"
        onClick={call}
        disabled={state === "calling" || state === "waiting"}
      >
        {t("係員を呼ぶ")}
      </button>
      <p className="staff-call-notice" role="status">
        {state === "waiting" ? t("係員をお呼びしました。そのままお待ちください。") : null}
        {state === "failed"
          ? failure
            ? t(failure)
            : t("係員を呼び出せませんでした。お近くの係員にお声がけください。")
          : null}
      </p>
    </div>
  );
}

"use client";
// 係員呼び出し: the kiosks' open 「係員を呼ぶ」 calls, on every console page, within a second or
// two of the press; 対応済みにする closes one (audited with who) and the kiosk's notice clears.
import { useState } from "react";
import type { OpenCallView } from "@/app/_shared/assist-contracts";
import { handleCallAction } from "@/app/staff/_actions/calls";
import { agoText, usePolled } from "./usePolled";
import "./StaffCalls.css";

/** "At once": the console asks every second. */
const POLL_MS = 1000;

export function StaffCalls() {
  const { data, reload } = usePolled<{ calls: OpenCallView[] }>("/api/staff/calls", POLL_MS);
  const [message, setMessage] = useState<string | null>(null);
  const calls = data?.calls ?? [];

  async function handle(id: string) {
    const result = await handleCallAction(id);
    setMessage(result.ok ? null : result.message);
    reload();
  }

  return (
    <section
      className="staff-calls"
      aria-labelledby="staff-calls-heading"
      hidden={calls.length === 0 && !message}
    >
      <h2 id="staff-calls-heading">係員呼び出し（{calls.length}件）</h2>
      <ul aria-live="polite">
        {calls.map((call) => (
          <li key={call.id} className="staff-call-item">
            <p className="staff-call-head">
              <strong>端末 {call.terminalId}</strong>
              <span>{call.screenLabel}</span>
              <span>{agoText(call.waitingSeconds)}</span>
            </p>
            {call.reason ? <p className="staff-call-reason">呼び出しの理由: {call.reason}</p> : null}
            <p className="staff-call-hint">画面の説明: {call.hint}</p>
            <p className="staff-call-error">最後のエラー表示: {call.lastError ?? "なし"}</p>
            <button
              type="button"
              className="staff-button"
              onClick={() => void handle(call.id)}
              aria-label={`対応済みにする: 端末 ${call.terminalId}`}
            >
              対応済みにする
            </button>
          </li>
        ))}
      </ul>
      {message ? <p className="field-error">{message}</p> : null}
    </section>
  );
}

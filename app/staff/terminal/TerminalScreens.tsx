"use client";
// 各端末の画面: the step each terminal's kiosk shows now, as it reported on its last screen change.
import type { TerminalScreenView } from "@/app/_shared/assist-contracts";
import { agoText, usePolled } from "../_components/usePolled";

const POLL_MS = 1000;

export function TerminalScreens() {
  const { data, failed } = usePolled<{ terminals: TerminalScreenView[] }>("/api/staff/terminals", POLL_MS);
  const terminals = data?.terminals ?? [];
  return (
    <section aria-labelledby="terminal-screens">
      <h2 id="terminal-screens">各端末の画面（自動更新）</h2>
      {failed ? <p className="field-error">最新の状態を取得できません。再試行しています。</p> : null}
      {data === null ? (
        <p>読み込み中…</p>
      ) : terminals.length === 0 ? (
        <p>画面を報告した端末はまだありません。</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">端末</th>
              <th scope="col">現在の画面</th>
              <th scope="col">画面が変わった時刻</th>
            </tr>
          </thead>
          <tbody>
            {terminals.map((t) => (
              <tr key={t.terminalId}>
                <td>{t.terminalId}</td>
                <td>{t.screenLabel}</td>
                <td>{agoText(t.sinceSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

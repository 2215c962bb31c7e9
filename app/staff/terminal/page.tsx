import type { Metadata } from "next";
import { config } from "@/app/_server/config";
import { hoursSettings, hoursText, tokyoDateTimeText } from "@/app/_server/visit/hours";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { REASON_MAX, recentOpenings, terminalStatus, type ClosedReason } from "@/app/_server/visit/terminals";
import { formatDateTime } from "../_components/ConsoleFormat";
import { TerminalControls } from "./TerminalControls";
import { TerminalScreens } from "./TerminalScreens";
import "./terminal.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "端末の開始・終了 — 職員コンソール" };

const CLOSED_LABELS: Record<ClosedReason, string> = {
  notOpened: "受付停止中（受付を開始してください）",
  outsideHours: "受付停止中（受付時間外）",
  closedDay: "受付停止中（本日は受付日ではありません）",
};

/** 端末の開始・終了: this terminal (the server's TERMINAL_ID) opened or closed for walk-ins (R23). */
export default async function TerminalPage() {
  await requireStaffPage("staff");
  // a card left in a reader (R32) is a 係員呼び出し, shown with the others on every console page
  const [status, openings] = await Promise.all([terminalStatus(), recentOpenings(10)]);
  const settings = hoursSettings(config());
  const { opening } = status;
  return (
    <div className="terminal-page">
      <h1>端末の開始・終了</h1>
      <dl className="terminal-state">
        <dt>端末</dt>
        <dd>{status.terminalId}</dd>
        <dt>状態</dt>
        <dd>
          {status.acceptsWalkIns ? (
            <span className="status-badge status-open">受付中</span>
          ) : (
            <span className="status-badge status-closed">
              {CLOSED_LABELS[status.closedReason ?? "notOpened"]}
            </span>
          )}
        </dd>
        {opening ? (
          <>
            <dt>開始した職員</dt>
            <dd>
              {opening.openedBy.displayName}（{opening.openedBy.login}）{formatDateTime(opening.openedAt)}
            </dd>
            {opening.overrideReason ? (
              <>
                <dt>時間外の理由</dt>
                <dd>{opening.overrideReason}</dd>
              </>
            ) : null}
            {status.acceptsUntil ? (
              <>
                <dt>受付できる時刻</dt>
                <dd>{formatDateTime(status.acceptsUntil)} まで</dd>
              </>
            ) : (
              <>
                <dt>注意</dt>
                <dd>前回の開始は期限が切れています。受付を開始し直してください。</dd>
              </>
            )}
          </>
        ) : null}
        <dt>受付時間</dt>
        <dd>
          {hoursText(settings)}（土日祝日・休業日を除く）
          {status.hours.inHours ? " — 現在は受付時間内です" : " — 現在は受付時間外です"}
        </dd>
        <dt>次の受付開始</dt>
        <dd>{status.hours.nextOpening ? tokyoDateTimeText(status.hours.nextOpening) : "—"}</dd>
      </dl>

      <TerminalControls
        open={status.open}
        acceptsWalkIns={status.acceptsWalkIns}
        inHours={status.hours.inHours}
        overrideMinutes={config().OVERRIDE_MINUTES}
        reasonMax={REASON_MAX}
      />

      <TerminalScreens />

      <section aria-labelledby="terminal-openings">
        <h2 id="terminal-openings">最近の開始・終了（最新10件）</h2>
        {openings.length === 0 ? (
          <p>この端末はまだ開始されていません。</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">開始</th>
                <th scope="col">開始した職員</th>
                <th scope="col">時間外の理由</th>
                <th scope="col">終了</th>
                <th scope="col">終了した職員</th>
                <th scope="col">受付件数</th>
              </tr>
            </thead>
            <tbody>
              {openings.map((o) => (
                <tr key={o.id}>
                  <td>{formatDateTime(o.openedAt)}</td>
                  <td>{o.openedBy.displayName}</td>
                  <td>{o.overrideReason ?? "—"}</td>
                  <td>{o.closedAt ? formatDateTime(o.closedAt) : "（開始中）"}</td>
                  <td>{o.closedBy?.displayName ?? "—"}</td>
                  <td>{o.sessions}件</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { readAnchors } from "@/app/_server/audit/anchor";
import { terminalSearchAlarms } from "@/app/_server/console/search-alarm";
import { todayOverview, type TerminalDay } from "@/app/_server/console/today";
import { outboxSummary } from "@/app/_server/email/list";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { formatDate, formatTime, kindLabel, operationLabel } from "./_components/ConsoleFormat";
import { SearchAlarmNotice } from "./_components/SearchAlarmNotice";
import "./today.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "本日の受付 — 職員コンソール" };

function TerminalSection({ terminal }: { terminal: TerminalDay }) {
  const headingId = `terminal-${terminal.terminalId}`;
  return (
    <section className="today-terminal" aria-labelledby={headingId}>
      <h2 id={headingId}>端末 {terminal.terminalId}</h2>
      <dl className="today-counts">
        <div>
          <dt>登録</dt>
          <dd>{terminal.counts.register}件</dd>
        </div>
        <div>
          <dt>変更</dt>
          <dd>{terminal.counts.change}件</dd>
        </div>
        <div>
          <dt>ICカード更新</dt>
          <dd>{terminal.counts.renewal}件</dd>
        </div>
        <div>
          <dt>拒否・失敗</dt>
          <dd>
            {terminal.refused + terminal.errors}件
            {terminal.refused + terminal.errors > 0 ? (
              <>
                {" "}
                <Link href={`/staff/audit?terminal=${encodeURIComponent(terminal.terminalId)}`}>
                  監査ログ
                </Link>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {terminal.operations.length === 0 ? (
        <p>本日の受付はまだありません。</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">時刻</th>
              <th scope="col">受付番号</th>
              <th scope="col">ユーザID</th>
              <th scope="col">区分</th>
              <th scope="col">操作</th>
              <th scope="col">調達機関</th>
              <th scope="col">端末を開始した職員</th>
            </tr>
          </thead>
          <tbody>
            {terminal.operations.map((op) => (
              <tr key={op.number}>
                <td>{formatTime(op.createdAt)}</td>
                <td>
                  <Link href={`/staff/receipts/${encodeURIComponent(op.number)}`}>{op.number}</Link>
                </td>
                <td>{op.userId}</td>
                <td>{kindLabel(op.kind)}</td>
                <td>{operationLabel(op.operation)}</td>
                <td>{op.agencyName}</td>
                <td>{op.openedBy ? `${op.openedBy.displayName}（${op.openedBy.login}）` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** 本日の受付: the Tokyo day's operations by terminal, refused attempts, and the outbox at a glance. */
export default async function TodayPage() {
  await requireStaffPage("staff", "/staff");
  const [today, outbox, alarms] = await Promise.all([
    todayOverview(),
    outboxSummary(),
    terminalSearchAlarms(),
  ]);
  // the head as last written outside the database (issue 12 item 4): for the day report
  const anchor = readAnchors().at(-1);
  return (
    <div className="today-page">
      <h1>本日の受付</h1>
      <p>
        {formatDate(new Date(`${today.day}T12:00:00+09:00`))} の受付（登録 {today.totals.register}件、変更{" "}
        {today.totals.change}件、ICカード更新 {today.totals.renewal}件）
      </p>
      <SearchAlarmNotice alarms={alarms} />
      <div className="today-boxes">
        <section className="staff-notice" aria-labelledby="today-outbox">
          <h2 id="today-outbox">メール送信状況</h2>
          <p>
            送信待ち {outbox.pending}件・送信失敗 {outbox.failed}件
          </p>
          <p>
            <Link href="/staff/outbox">メール送信状況を見る</Link>
            {outbox.failed > 0 ? (
              <>
                {" / "}
                <Link href="/staff/outbox?status=failed">送信失敗のメール</Link>
              </>
            ) : null}
          </p>
        </section>
        <section className="staff-notice" aria-labelledby="today-anchor">
          <h2 id="today-anchor">監査ログのアンカー</h2>
          {anchor ? (
            <p>
              {formatDate(new Date(anchor.at))} {formatTime(new Date(anchor.at))} 時点: seq {anchor.seq}
              ・ハッシュ <code>{anchor.hash.slice(0, 16) || "（空）"}</code>
            </p>
          ) : (
            <p>まだ記録されていません。</p>
          )}
        </section>
        <nav className="staff-notice" aria-label="よく使う操作">
          <ul>
            <li>
              <Link href="/staff/terminal">端末の開始・終了</Link>
            </li>
            <li>
              <Link href="/staff/registrations">登録の検索</Link>
            </li>
            <li>
              <Link href="/staff/audit">監査ログ</Link>
            </li>
          </ul>
        </nav>
      </div>
      {today.terminals.length === 0 ? (
        <p>本日の受付はまだありません。</p>
      ) : (
        today.terminals.map((t) => <TerminalSection key={t.terminalId} terminal={t} />)
      )}
    </div>
  );
}

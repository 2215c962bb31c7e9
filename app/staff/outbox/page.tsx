import type { Metadata } from "next";
import Link from "next/link";
import { config } from "@/app/_server/config";
import { isEmailStatus, listOutbox, outboxSummary, type EmailStatus } from "@/app/_server/email/list";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { ConsoleField } from "../_components/ConsoleField";
import { EMAIL_STATUS_LABELS, formatDateTime } from "../_components/ConsoleFormat";
import { firstValues, type SearchParams } from "../_components/ConsoleParams";
import { ConsoleRetryButton } from "../_components/ConsoleRetryButton";
import { ConsoleStatusBadge } from "../_components/ConsoleStatusBadge";
import "./outbox.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "メール送信状況 — 職員コンソール" };

/** The email outbox (R40) for staff: what was queued, what went out, what is still retrying; 再送. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("staff", "/staff/outbox");
  const input = firstValues(await searchParams);
  const statusInput = (input.status ?? "").trim();
  const statusError =
    statusInput && !isEmailStatus(statusInput)
      ? "状態は 送信待ち・送信済み・送信失敗 から選んでください。"
      : undefined;
  const status: EmailStatus | undefined = isEmailStatus(statusInput) ? statusInput : undefined;
  const [rows, summary] = await Promise.all([
    statusError ? Promise.resolve([]) : listOutbox({ status }),
    outboxSummary(),
  ]);
  const transportConfigured = Boolean(config().RESEND_API_KEY);
  return (
    <div className="outbox-page">
      <h1>メール送信状況</h1>
      {transportConfigured ? (
        <p>メールは順次送信されます。送信に失敗したメールは時間をおいて再送されます。</p>
      ) : (
        <p role="note" className="staff-notice">
          メール送信サービス（RESEND_API_KEY）が設定されていないため、メールは送信されずにこの一覧に保管されています。
        </p>
      )}
      <p>
        送信待ち {summary.pending}件・送信済み {summary.sent}件・送信失敗 {summary.failed}件
      </p>
      <form method="get" className="staff-form outbox-filter" aria-label="状態で絞り込み">
        <ConsoleField name="status" label="状態" defaultValue={status ?? ""} error={statusError}>
          <option value="">すべて</option>
          <option value="pending">送信待ち</option>
          <option value="sent">送信済み</option>
          <option value="failed">送信失敗</option>
        </ConsoleField>
        <div>
          <button type="submit" className="staff-button secondary">
            絞り込む
          </button>
        </div>
      </form>
      {statusError ? null : rows.length === 0 ? (
        <p>メールはありません。</p>
      ) : (
        <table className="staff-table outbox-table">
          <thead>
            <tr>
              <th scope="col">作成日時</th>
              <th scope="col">状態</th>
              <th scope="col">宛先</th>
              <th scope="col">件名・本文</th>
              <th scope="col">送信試行回数</th>
              <th scope="col">最後のエラー</th>
              <th scope="col">次回送信予定</th>
              <th scope="col">受付番号</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDateTime(row.createdAt)}</td>
                <td>
                  <ConsoleStatusBadge status={row.status} labels={EMAIL_STATUS_LABELS} />
                </td>
                <td>{row.to}</td>
                <td>
                  <details>
                    <summary>{row.subject}</summary>
                    <pre className="outbox-body">{row.text}</pre>
                  </details>
                </td>
                <td className="outbox-number">{row.attempts}</td>
                <td>{row.lastError ?? ""}</td>
                <td>{row.status === "pending" ? formatDateTime(row.nextAttemptAt) : ""}</td>
                <td>
                  {row.receiptNumber ? (
                    <Link href={`/staff/receipts/${encodeURIComponent(row.receiptNumber)}`}>
                      {row.receiptNumber}
                    </Link>
                  ) : (
                    ""
                  )}
                </td>
                <td>
                  {row.status === "sent" ? (
                    formatDateTime(row.sentAt)
                  ) : row.attempts === 0 ? (
                    // never tried: the dispatcher sends it in turn, there is nothing to send again
                    "未送信（順次送信されます）"
                  ) : (
                    <ConsoleRetryButton emailId={row.id} subject={row.subject} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { config } from "@/app/_server/config";
import { listOutbox } from "@/app/_server/email/list";
import "./outbox.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "送信待ちメール一覧 — 埼玉県電子入札共同システム" };

const STATUS_LABELS: Record<string, string> = { pending: "送信待ち", sent: "送信済み", failed: "送信失敗" };

const tokyo = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The email outbox (R40) for staff: what was queued, what went out, what is still retrying. */
export default async function OutboxPage() {
  const rows = await listOutbox();
  const transportConfigured = Boolean(config().RESEND_API_KEY);
  return (
    <main className="outbox-page">
      <h1>送信待ちメール一覧</h1>
      {transportConfigured ? (
        <p>メールは順次送信されます。送信に失敗したメールは時間をおいて再送されます。</p>
      ) : (
        <p role="note" className="outbox-notice">
          メール送信サービス（RESEND_API_KEY）が設定されていないため、メールは送信されずにこの一覧に保管されています。
        </p>
      )}
      {rows.length === 0 ? (
        <p>メールはありません。</p>
      ) : (
        <table className="outbox-table">
          <thead>
            <tr>
              <th scope="col">作成日時</th>
              <th scope="col">宛先</th>
              <th scope="col">件名</th>
              <th scope="col">状態</th>
              <th scope="col">送信試行回数</th>
              <th scope="col">最後のエラー</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{tokyo.format(row.createdAt)}</td>
                <td>{row.to}</td>
                <td>{row.subject}</td>
                <td>{STATUS_LABELS[row.status] ?? row.status}</td>
                <td className="outbox-number">{row.attempts}</td>
                <td>{row.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

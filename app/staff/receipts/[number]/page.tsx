import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { receiptView } from "@/app/_server/console/receipt";
import { requireStaffPage } from "@/app/_server/staff/auth";
import {
  AGENCY_STATUS_LABELS,
  EMAIL_STATUS_LABELS,
  formatDateTime,
  operationLabel,
} from "../../_components/ConsoleFormat";
import { ConsoleRows } from "../../_components/ConsoleRows";
import { ConsoleStatusBadge } from "../../_components/ConsoleStatusBadge";
import "./receipt.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "受付票の確認 — 職員コンソール" };

/** A receipt's verification page: the stored snapshot, who and where, its emails, where it went. */
export default async function ReceiptPage({ params }: { params: Promise<{ number: string }> }) {
  await requireStaffPage("staff", `/staff/receipts/${encodeURIComponent((await params).number)}`);
  const { number } = await params;
  const r = await receiptView(number);
  if (!r) notFound();
  const pdfHref = `/receipts/${encodeURIComponent(r.number)}`;
  return (
    <div className="receipt-page">
      <h1>
        受付票の確認: {r.number}（{operationLabel(r.operation)}）
      </h1>
      <p className="receipt-actions">
        <a href={pdfHref} target="_blank" rel="noopener" className="staff-button">
          受付票を再印刷
        </a>{" "}
        <Link href={`/staff/registrations/${encodeURIComponent(r.cardRegistrationId)}`}>
          このICカードの登録を見る
        </Link>
      </p>

      <section aria-labelledby="receipt-where">
        <h2 id="receipt-where">受付の状況</h2>
        <ConsoleRows
          className="receipt-rows"
          rows={[
            ["受付日時", formatDateTime(r.createdAt)],
            ["端末", r.terminalId],
            [
              "端末を開始した職員",
              r.opening
                ? `${r.opening.openedBy.displayName}（${r.opening.openedBy.login}）${formatDateTime(r.opening.openedAt)} 開始`
                : "記録なし",
            ],
            ...(r.opening?.overrideReason
              ? ([["時間外に開始した理由", r.opening.overrideReason]] as const)
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="receipt-agencies">
        <h2 id="receipt-agencies">調達機関ごとの反映状況</h2>
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">調達機関</th>
              <th scope="col">状態</th>
              <th scope="col">日時</th>
            </tr>
          </thead>
          <tbody>
            {r.agencies.map((a) => (
              <tr key={a.agency.id}>
                <td>{a.agency.name}</td>
                <td>
                  <ConsoleStatusBadge status={a.status} labels={AGENCY_STATUS_LABELS} />
                </td>
                <td>{formatDateTime(a.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="receipt-emails">
        <h2 id="receipt-emails">メール</h2>
        {r.emails.length === 0 ? (
          <p>この受付のメールはありません。</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">状態</th>
                <th scope="col">宛先</th>
                <th scope="col">件名</th>
                <th scope="col">送信試行回数</th>
                <th scope="col">送信日時</th>
                <th scope="col">最後のエラー</th>
              </tr>
            </thead>
            <tbody>
              {r.emails.map((e) => (
                <tr key={e.id}>
                  <td>
                    <ConsoleStatusBadge status={e.status} labels={EMAIL_STATUS_LABELS} />
                  </td>
                  <td>{e.to}</td>
                  <td>{e.subject}</td>
                  <td>{e.attempts}</td>
                  <td>{formatDateTime(e.sentAt)}</td>
                  <td>{e.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <Link href="/staff/outbox">メール送信状況（再送）</Link>
        </p>
      </section>

      <section aria-labelledby="receipt-data">
        <h2 id="receipt-data">受付票の内容（{r.layout.title}）</h2>
        <ConsoleRows className="receipt-rows" rows={r.layout.header} />
        {r.layout.sections.map((section) => (
          <div key={section.heading}>
            <h3>{section.heading}</h3>
            <ConsoleRows className="receipt-rows" rows={section.rows} />
          </div>
        ))}
        <p>{r.layout.propagation}</p>
      </section>
    </div>
  );
}

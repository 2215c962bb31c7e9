import type { Metadata } from "next";
import { expiringCards, EXPIRING_WITHIN_DAYS, type ReminderState } from "@/app/_server/console/expiring";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { formatDate, formatDateTime, kindLabel } from "../_components/ConsoleFormat";
import "./expiring.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "有効期限が近いICカード — 職員コンソール" };

function reminderText(r: ReminderState): string {
  return r.state === "emailed"
    ? `${r.threshold}日前: 送信（${formatDateTime(r.at)}）`
    : `${r.threshold}日前: 送信なし（より近い案内を送信）`;
}

/** Issue 13 item 4: active cards expiring within 60 days and the renewal reminders sent for each. */
export default async function ExpiringPage() {
  await requireStaffPage("staff", "/staff/expiring");
  const cards = await expiringCards();
  return (
    <div className="expiring-page">
      <h1>有効期限が近いICカード</h1>
      <p>
        有効期限まで{EXPIRING_WITHIN_DAYS}
        日以内の登録済みICカードです。夜間反映のときに、60日前・30日前・7日前の案内メール（ICカード更新のご案内）を代表窓口へ送ります。有効期限を過ぎるとICカード更新はできず、新しいICカードの登録が必要です。
      </p>
      {cards.length === 0 ? (
        <p>有効期限が{EXPIRING_WITHIN_DAYS}日以内のICカードはありません。</p>
      ) : (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">ユーザID</th>
              <th scope="col">企業名称</th>
              <th scope="col">ICカード取得者氏名</th>
              <th scope="col">証明書シリアル番号</th>
              <th scope="col">有効期限</th>
              <th scope="col">残り日数</th>
              <th scope="col">案内メール</th>
            </tr>
          </thead>
          <tbody>
            {cards.map((card) => (
              <tr key={card.cardRegistrationId}>
                <td>
                  {card.userId}（{kindLabel(card.kind)}）{card.lapsed ? "　失効" : ""}
                </td>
                <td>{card.companyName}</td>
                <td>{card.holderName}</td>
                <td>{card.serialDecimal}</td>
                <td>{formatDate(card.notAfter)}</td>
                <td className={card.daysLeft <= 7 ? "expiring-number expiring-soon" : "expiring-number"}>
                  {card.daysLeft === 0 ? "本日まで" : `${card.daysLeft}日`}
                </td>
                <td>
                  {card.lapsed
                    ? "ユーザIDが失効しているため送信しません"
                    : card.reminders.length === 0
                      ? "未送信"
                      : card.reminders.map((r) => <div key={r.threshold}>{reminderText(r)}</div>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

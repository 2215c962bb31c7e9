import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cardAgencyStatus, type CardAgencyStatus } from "@/app/_server/console/agency-status";
import {
  registrationDetail,
  type CardLink,
  type RegistrationDetail,
} from "@/app/_server/console/registrations";
import { requireStaffPage } from "@/app/_server/staff/auth";
import {
  AGENCY_STATUS_LABELS,
  CARD_STATUS_LABELS,
  formatDate,
  formatDateTime,
  kindLabel,
  operationLabel,
} from "../../_components/ConsoleFormat";
import { ConsoleRows, type ConsoleRow } from "../../_components/ConsoleRows";
import { ConsoleStatusBadge } from "../../_components/ConsoleStatusBadge";
import "../registrations.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "登録の詳細 — 職員コンソール" };

type Contact = RegistrationDetail["department"];

const QUALIFICATION_STATUS_LABELS: Record<string, string> = {
  approved: "審査済",
  reviewing: "審査中",
  lapsed: "失効",
};

function Rows({ rows }: { rows: readonly ConsoleRow[] }) {
  return <ConsoleRows className="registration-rows" rows={rows} />;
}

function contactRows(c: Contact): [string, string][] {
  return [
    ["連絡先名称(部署名等)", c.contactName],
    ["連絡先郵便番号", c.postalCode],
    ["連絡先住所", c.address],
    ["連絡先氏名", c.personName],
    ["連絡先電話番号", c.phone],
    ["連絡先FAX番号", c.fax],
    ["連絡先メールアドレス", c.email],
  ];
}

function CardRef({ card }: { card: CardLink }) {
  return (
    <Link href={`/staff/registrations/${encodeURIComponent(card.id)}`}>
      {card.holderName}（シリアル {card.serialNumber}、{CARD_STATUS_LABELS[card.status] ?? card.status}）
    </Link>
  );
}

function agencyNote(row: CardAgencyStatus): string {
  const notes: string[] = [];
  if (row.registeredHere) notes.push("登録した調達機関");
  if (row.status === "pending")
    notes.push(`${row.pendingOperations.map(operationLabel).join("・")}を今夜反映`);
  if (row.status === "excluded") notes.push("反映しない選択（R22）または対象外");
  if (!row.qualified) notes.push("現在の資格情報にない調達機関");
  return notes.join("。");
}

/** One card registration: card, 代表窓口情報, history (receipts, renewals) and per-agency status. */
export default async function RegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffPage("staff", `/staff/registrations/${encodeURIComponent((await params).id)}`);
  const { id } = await params;
  const r = await registrationDetail(id);
  if (!r) notFound();
  const agencies = await cardAgencyStatus(r.id);
  return (
    <div className="registration-page">
      <h1>
        登録の詳細: {r.card.holderName}（{r.qualification.userId}・{kindLabel(r.kind)}）
      </h1>
      <p>
        <ConsoleStatusBadge status={r.status} labels={CARD_STATUS_LABELS} /> {r.agencyName}で
        {formatDateTime(r.createdAt)}に登録
      </p>

      <section aria-labelledby="reg-card">
        <h2 id="reg-card">ICカード情報</h2>
        <Rows
          rows={[
            ["ICカード企業名称", r.card.companyOnCard],
            ["ICカード取得者氏名", r.card.holderName],
            ["ICカード取得者住所", r.card.holderAddress],
            ["証明書発行者", <span className="registration-value-code">{r.card.issuer}</span>],
            ["シリアル番号(16進)", <span className="registration-value-code">{r.card.serialNumber}</span>],
            ["有効期間", `${formatDate(r.card.notBefore)}〜${formatDate(r.card.notAfter)}`],
            ["サブジェクト", <span className="registration-value-code">{r.card.subject}</span>],
            [
              "フィンガープリント(SHA-256)",
              <span className="registration-value-code">{r.card.fingerprint}</span>,
            ],
          ]}
        />
      </section>

      <section aria-labelledby="reg-user">
        <h2 id="reg-user">利用者</h2>
        <Rows
          rows={[
            ["ユーザID", r.qualification.userId],
            ["業務区分", kindLabel(r.kind)],
            ["商号又は名称", r.qualification.officialName],
            ["企業名称", r.qualification.companyName],
            ["資格の状態", QUALIFICATION_STATUS_LABELS[r.qualification.status] ?? r.qualification.status],
          ]}
        />
        <p>
          <Link href={`/staff/registrations?userId=${encodeURIComponent(r.qualification.userId)}`}>
            このユーザIDのICカードをすべて表示
          </Link>
        </p>
      </section>

      <section aria-labelledby="reg-rep">
        <h2 id="reg-rep">代表窓口情報</h2>
        {r.representative ? <Rows rows={contactRows(r.representative)} /> : <p>登録されていません。</p>}
      </section>

      <section aria-labelledby="reg-dept">
        <h2 id="reg-dept">ICカード利用部署情報</h2>
        <Rows rows={contactRows(r.department)} />
      </section>

      <section aria-labelledby="reg-history">
        <h2 id="reg-history">履歴</h2>
        {r.replaces ? (
          <p>
            更新前のICカード: <CardRef card={r.replaces} />
          </p>
        ) : null}
        {r.replacedBy ? (
          <p>
            更新後のICカード: <CardRef card={r.replacedBy} />
          </p>
        ) : null}
        {r.receipts.length === 0 ? (
          <p>受付票はありません。</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">操作</th>
                <th scope="col">受付番号</th>
                <th scope="col">調達機関</th>
                <th scope="col">端末</th>
              </tr>
            </thead>
            <tbody>
              {r.receipts.map((x) => (
                <tr key={x.number}>
                  <td>{formatDateTime(x.createdAt)}</td>
                  <td>{operationLabel(x.operation)}</td>
                  <td>
                    <Link href={`/staff/receipts/${encodeURIComponent(x.number)}`}>{x.number}</Link>
                  </td>
                  <td>{x.agencyName}</td>
                  <td>{x.terminalId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="reg-agencies">
        <h2 id="reg-agencies">調達機関ごとの反映状況</h2>
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">調達機関</th>
              <th scope="col">状態</th>
              <th scope="col">反映日時</th>
              <th scope="col">終了日時</th>
              <th scope="col">備考</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.agency.id}>
                <td>{a.agency.name}</td>
                <td>
                  <ConsoleStatusBadge status={a.status} labels={AGENCY_STATUS_LABELS} />
                </td>
                <td>{formatDateTime(a.reflectedAt)}</td>
                <td>{formatDateTime(a.endedAt)}</td>
                <td>{agencyNote(a)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

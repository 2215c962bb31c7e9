import type { Metadata } from "next";
import Link from "next/link";
import {
  parseRegistrationQuery,
  searchRegistrations,
  SEARCH_LIMIT,
  type RegistrationHit,
} from "@/app/_server/console/registrations";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { ConsoleField } from "../_components/ConsoleField";
import { CARD_STATUS_LABELS, formatDate, kindLabel } from "../_components/ConsoleFormat";
import { firstValues, type SearchParams } from "../_components/ConsoleParams";
import { ConsoleStatusBadge } from "../_components/ConsoleStatusBadge";
import "./registrations.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "登録の検索 — 職員コンソール" };

function Results({ hits }: { hits: RegistrationHit[] }) {
  if (hits.length === 0) return <p role="status">該当する登録はありません。</p>;
  return (
    <>
      <p role="status">
        {hits.length}件
        {hits.length >= SEARCH_LIMIT
          ? `（先頭の${SEARCH_LIMIT}件を表示しています。条件を絞り込んでください）`
          : ""}
      </p>
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">状態</th>
            <th scope="col">ユーザID</th>
            <th scope="col">区分</th>
            <th scope="col">商号又は名称</th>
            <th scope="col">ICカード取得者</th>
            <th scope="col">発行者</th>
            <th scope="col">シリアル番号(16進)</th>
            <th scope="col">有効期間</th>
            <th scope="col">登録</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((h) => (
            <tr key={h.id}>
              <td>
                <ConsoleStatusBadge status={h.status} labels={CARD_STATUS_LABELS} />
              </td>
              <td>{h.userId}</td>
              <td>{kindLabel(h.kind)}</td>
              <td>{h.officialName}</td>
              <td>
                <Link href={`/staff/registrations/${encodeURIComponent(h.id)}`}>{h.holderName}</Link>
                <br />
                <small>{h.companyOnCard}</small>
              </td>
              <td className="registrations-issuer">{h.issuer}</td>
              <td className="registrations-serial">{h.serialNumber}</td>
              <td>
                {formatDate(h.notBefore)}〜{formatDate(h.notAfter)}
              </td>
              <td>
                {h.agencyName}
                <br />
                {formatDate(h.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** 登録の検索: by ユーザID, company or card serial; each card with its status. */
export default async function RegistrationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("staff", "/staff/registrations");
  const input = firstValues(await searchParams);
  const parsed = parseRegistrationQuery(input);
  const hits = parsed.ok && !parsed.empty ? await searchRegistrations(parsed.query) : null;
  const errors = parsed.ok ? {} : parsed.fieldErrors;
  return (
    <div className="registrations-page">
      <h1>登録の検索</h1>
      <form method="get" className="staff-form registrations-search" role="search" aria-label="登録の検索">
        <ConsoleField
          name="userId"
          label="ユーザID"
          inputMode="numeric"
          defaultValue={input.userId}
          error={errors.userId}
          hint="半角数字10桁（完全一致）"
        />
        <ConsoleField
          name="company"
          label="商号又は名称 / 企業名称"
          defaultValue={input.company}
          error={errors.company}
          hint="一部でも検索できます"
        />
        <ConsoleField
          name="serial"
          label="ICカードのシリアル番号(16進)"
          defaultValue={input.serial}
          error={errors.serial}
          hint="大文字・小文字、先頭の0は区別しません"
        />
        <div>
          <button type="submit" className="staff-button">
            検索
          </button>
        </div>
      </form>
      {!parsed.ok ? (
        <p className="staff-error">入力内容を確認してください。</p>
      ) : parsed.empty ? (
        <p>ユーザID、企業名、シリアル番号のいずれかを入力して検索してください。</p>
      ) : (
        <Results hits={hits ?? []} />
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { listAudit, parseAuditFilters, type AuditFilters } from "@/app/_server/console/audit";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { AuditVerifyButton } from "../_components/AuditVerifyButton";
import { ConsoleField } from "../_components/ConsoleField";
import { formatDateTime, OUTCOME_LABELS } from "../_components/ConsoleFormat";
import { firstValues, type SearchParams } from "../_components/ConsoleParams";
import { ConsoleStatusBadge } from "../_components/ConsoleStatusBadge";
import "./audit.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "監査ログ — 職員コンソール" };

function pageHref(filters: AuditFilters, before: number | null): string {
  const params = new URLSearchParams();
  for (const key of ["date", "action", "terminal", "outcome", "userId"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (before) params.set("before", String(before));
  const query = params.toString();
  return query ? `/staff/audit?${query}` : "/staff/audit";
}

function compact(detail: unknown): string {
  return detail === null || detail === undefined ? "" : JSON.stringify(detail);
}

/** 監査ログ: the chain, latest first, 50 rows a page, filtered by day, action, terminal, outcome, user. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffPage("staff", "/staff/audit");
  const input = firstValues(await searchParams);
  const parsed = parseAuditFilters(input);
  const page = parsed.ok ? await listAudit(parsed.filters) : null;
  const errors = parsed.ok ? {} : parsed.fieldErrors;
  return (
    <div className="audit-page">
      <h1>監査ログ</h1>
      <AuditVerifyButton />
      <form method="get" className="staff-form audit-filter" aria-label="監査ログの絞り込み">
        <ConsoleField name="date" label="日付" type="date" defaultValue={input.date} error={errors.date} />
        <ConsoleField
          name="action"
          label="操作（前方一致）"
          defaultValue={input.action}
          error={errors.action}
          hint="例: registration. / email.retry"
        />
        <ConsoleField name="terminal" label="端末" defaultValue={input.terminal} error={errors.terminal} />
        <ConsoleField name="outcome" label="結果" defaultValue={input.outcome ?? ""} error={errors.outcome}>
          <option value="">すべて</option>
          <option value="ok">成功</option>
          <option value="refused">拒否</option>
          <option value="error">エラー</option>
        </ConsoleField>
        <ConsoleField
          name="userId"
          label="ユーザID"
          inputMode="numeric"
          defaultValue={input.userId}
          error={errors.userId}
        />
        <div>
          <button type="submit" className="staff-button">
            絞り込む
          </button>
        </div>
      </form>
      {errors.before ? (
        <p className="staff-error">
          {errors.before} <Link href="/staff/audit">最初のページ</Link>
        </p>
      ) : null}
      {!parsed.ok ? (
        <p className="staff-error">絞り込みの条件を確認してください。</p>
      ) : page!.rows.length === 0 ? (
        <p>該当する記録はありません。</p>
      ) : (
        <>
          <table className="staff-table audit-table">
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">日時</th>
                <th scope="col">端末</th>
                <th scope="col">職員</th>
                <th scope="col">操作</th>
                <th scope="col">結果</th>
                <th scope="col">ユーザID</th>
                <th scope="col">詳細</th>
              </tr>
            </thead>
            <tbody>
              {page!.rows.map((row) => (
                <tr key={row.seq}>
                  <td className="audit-number">{row.seq}</td>
                  <td>{formatDateTime(row.createdAt)}</td>
                  <td>{row.terminalId}</td>
                  <td>{row.staffLogin ?? ""}</td>
                  <td>{row.action}</td>
                  <td>
                    <ConsoleStatusBadge status={row.outcome} labels={OUTCOME_LABELS} />
                  </td>
                  <td>{row.userId ?? ""}</td>
                  <td>
                    <code className="audit-detail">{compact(row.detail)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {parsed.filters.before || page!.nextBefore ? (
            <nav className="audit-pages" aria-label="ページ">
              {parsed.filters.before ? <Link href={pageHref(parsed.filters, null)}>最新のページ</Link> : null}
              {page!.nextBefore ? (
                <Link href={pageHref(parsed.filters, page!.nextBefore)}>次の50件（古い記録）</Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { config } from "@/app/_server/config";
import { terminalSearchAlarms } from "@/app/_server/console/search-alarm";
import { LIFT_REASON_MAX } from "@/app/_server/qualifications/lock-lift";
import { lockedUserIds } from "@/app/_server/qualifications/search-lock";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { formatDateTime } from "../_components/ConsoleFormat";
import { SearchAlarmNotice } from "../_components/SearchAlarmNotice";
import { LiftForm } from "./LiftForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "検索ロック — 職員コンソール" };

/**
 * 検索ロック (R11): the user IDs whose search is locked after repeated failures, and lifting one
 * for a bidder staff have checked. Terminals are never locked; their alarms show here too.
 */
export default async function SearchLocksPage() {
  await requireStaffPage("staff", "/staff/search-locks");
  const [locked, alarms] = await Promise.all([lockedUserIds(), terminalSearchAlarms()]);
  const { SEARCH_MAX_FAILURES: max, SEARCH_WINDOW_MINUTES: minutes } = config();
  return (
    <div className="search-locks-page">
      <h1>検索ロック</h1>
      <p>
        資格審査情報の検索に{minutes}分間で{max}
        回失敗したユーザIDは、しばらく検索できません。来庁者の本人確認をしたうえで、ここから解除できます（解除した職員と理由は監査ログに記録されます）。
      </p>
      <SearchAlarmNotice alarms={alarms} />
      <section aria-labelledby="search-locks-list">
        <h2 id="search-locks-list">検索ロック中のユーザID</h2>
        {locked.length === 0 ? (
          <p>検索ロック中のユーザIDはありません。</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">ユーザID</th>
                <th scope="col">自動で解除される時刻</th>
              </tr>
            </thead>
            <tbody>
              {locked.map((l) => (
                <tr key={l.userId}>
                  <td>{l.userId}</td>
                  <td>{formatDateTime(l.retryAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="search-locks-lift">
        <h2 id="search-locks-lift">検索ロックを解除する</h2>
        <LiftForm userId={locked.length === 1 ? locked[0]!.userId : undefined} reasonMax={LIFT_REASON_MAX} />
      </section>
    </div>
  );
}

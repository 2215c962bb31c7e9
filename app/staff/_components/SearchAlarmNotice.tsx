import Link from "next/link";
import type { SearchAlarm } from "@/app/_server/console/search-alarm";

/** R11: failed searches piling up at a terminal — an alarm for staff, never a lock on the terminal. */
export function SearchAlarmNotice({ alarms }: { alarms: SearchAlarm[] }) {
  if (alarms.length === 0) return null;
  return (
    <section className="staff-error" role="alert" aria-labelledby="search-alarm-title">
      <h2 id="search-alarm-title">検索の失敗が続いている端末があります</h2>
      <ul>
        {alarms.map((a) => (
          <li key={a.terminalId}>
            端末 {a.terminalId}：資格審査情報の検索の失敗 {a.failures}
            件（直近の受付で続いています）。端末へ行き、来庁者に声をおかけください。{" "}
            <Link href={`/staff/audit?terminal=${encodeURIComponent(a.terminalId)}`}>監査ログ</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/staff/search-locks">検索ロックを見る</Link>
      </p>
    </section>
  );
}

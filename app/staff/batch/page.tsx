import type { Metadata } from "next";
import Link from "next/link";
import { batchOverview } from "@/app/_server/batch/status";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { formatDateTime } from "../_components/ConsoleFormat";
import { RunBatchButton } from "./RunBatchButton";
import { ConsoleStatusBadge } from "../_components/ConsoleStatusBadge";
import "./batch.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "夜間反映 — 職員コンソール" };

const TRIGGER_LABELS: Record<string, string> = {
  schedule: "定時",
  manual: "手動（今すぐ実行）",
  cli: "コマンド",
};

const RUN_STATUS_LABELS: Record<string, string> = {
  running: "実行中",
  done: "完了",
  failed: "失敗",
  abandoned: "中断（引き継ぎ済み）",
};

/** 夜間反映 (R21, R22): the next scheduled run, the last runs, per-agency counts, 今すぐ実行. */
export default async function BatchPage() {
  await requireStaffPage("staff");
  const overview = await batchOverview();
  return (
    <div className="batch-page">
      <h1>夜間反映</h1>
      <p>
        登録・変更・ICカード更新の内容を、同じユーザIDが資格を持つ他の調達機関へ反映します（変更・更新は「他の調達機関にも反映」を選んだ場合のみ）。
      </p>
      <p>
        あわせて、有効期限まで60日・30日・7日となったICカードの代表窓口へ、ICカード更新の案内メールを送ります（
        <Link href="/staff/expiring">有効期限が近いICカード</Link>）。
      </p>
      <div className="batch-next">
        <dl>
          <dt>次回の定時実行（日本時間）</dt>
          <dd>
            {overview.nextRun
              ? formatDateTime(overview.nextRun)
              : "定時実行は停止中です（BATCH_SCHEDULE=off）"}
          </dd>
        </dl>
        <dl>
          <dt>反映待ち</dt>
          <dd>{overview.pendingTotal}件</dd>
        </dl>
        <RunBatchButton />
      </div>

      <section aria-labelledby="batch-agencies">
        <h2 id="batch-agencies">調達機関ごとの状況</h2>
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">調達機関</th>
              <th scope="col">反映待ち</th>
              <th scope="col">本日反映</th>
              <th scope="col">反映済み（累計）</th>
            </tr>
          </thead>
          <tbody>
            {overview.agencies.map((a) => (
              <tr key={a.code}>
                <td>
                  {a.name}（{a.code}）
                </td>
                <td className="batch-number">{a.pending}件</td>
                <td className="batch-number">{a.appliedToday}件</td>
                <td className="batch-number">{a.appliedTotal}件</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="batch-runs">
        <h2 id="batch-runs">実行履歴（最新20件）</h2>
        {overview.runs.length === 0 ? (
          <p>まだ実行されていません。</p>
        ) : (
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">開始</th>
                <th scope="col">終了</th>
                <th scope="col">契機</th>
                <th scope="col">状態</th>
                <th scope="col">反映件数</th>
                <th scope="col">更新案内メール</th>
                <th scope="col">エラー</th>
              </tr>
            </thead>
            <tbody>
              {overview.runs.map((run) => (
                <tr key={run.id}>
                  <td>{formatDateTime(run.startedAt)}</td>
                  <td>{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</td>
                  <td>{TRIGGER_LABELS[run.trigger] ?? run.trigger}</td>
                  <td>
                    <ConsoleStatusBadge status={run.status} labels={RUN_STATUS_LABELS} />
                  </td>
                  <td className="batch-number">{run.applied}件</td>
                  <td className="batch-number">{run.reminders}件</td>
                  <td className="batch-error">{run.error ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

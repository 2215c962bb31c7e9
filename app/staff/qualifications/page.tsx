import type { Metadata } from "next";
import { listQualificationImports } from "@/app/_server/qualification-import/import";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { formatDateTime } from "../_components/ConsoleFormat";
import { ImportForm } from "./ImportForm";
import "./qualifications.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "資格データ取込 — 職員コンソール" };

// The qualification data every kiosk search depends on (R10–R16): replacing it is an
// administrator's task, so the page and its action are admin only.
export default async function QualificationImportPage() {
  await requireStaffPage("admin", "/staff/qualifications");
  const history = await listQualificationImports(50);
  return (
    <>
      <h1>資格データ取込</h1>
      <p className="staff-notice">
        資格審査システムから出力した競争入札参加資格審査情報の CSV を取り込みます。形式は
        README（docs/qualification-csv.md）のとおりです。
      </p>
      <ImportForm />

      <h2>取込履歴</h2>
      {history.length === 0 ? (
        <p>まだ取り込まれていません。</p>
      ) : (
        <table className="staff-table">
          <caption>最近の 50 件（新しい順）</caption>
          <thead>
            <tr>
              <th scope="col">取込日時</th>
              <th scope="col">ファイル名</th>
              <th scope="col">行数</th>
              <th scope="col">新規</th>
              <th scope="col">更新</th>
              <th scope="col">変更なし</th>
              <th scope="col">取込者</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>{formatDateTime(h.createdAt)}</td>
                <td>{h.fileName}</td>
                <td className="qualification-number">{h.rows}</td>
                <td className="qualification-number">{h.created}</td>
                <td className="qualification-number">{h.updated}</td>
                <td className="qualification-number">{h.unchanged}</td>
                <td>{h.importedBy === "cli" ? "コマンド (cli)" : h.importedBy}</td>
                <td className="qualification-hash" title={h.sha256}>
                  {h.sha256.slice(0, 12)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

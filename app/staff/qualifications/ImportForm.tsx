"use client";
// The upload form: the result stays at the form — the counts, or every error with its line.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { importQualificationsAction, type QualificationImportAnswer } from "../_actions/qualifications";

/** a file with thousands of errors still renders quickly; the first ones are what gets fixed */
const SHOWN_ERRORS = 500;

export function ImportForm() {
  const router = useRouter();
  const [answer, setAnswer] = useState<QualificationImportAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setAnswer(null);
    const result = await importQualificationsAction(new FormData(event.currentTarget)).catch(
      (): QualificationImportAnswer => ({
        ok: false,
        code: "error",
        message: "取り込めませんでした。ファイルの大きさ（10 MB まで）を確かめて、もう一度お試しください。",
      }),
    );
    setBusy(false);
    setAnswer(result);
    if (result.ok) router.refresh();
  }

  const fileError = answer && !answer.ok ? answer.fieldErrors?.file : undefined;
  const errors = answer && !answer.ok ? (answer.errors ?? []) : [];

  return (
    <>
      <form className="staff-form" onSubmit={submit} aria-busy={busy}>
        <div className="staff-field">
          <label htmlFor="qualification-file">資格データ（CSV ファイル、UTF-8、10 MB まで）</label>
          <input
            id="qualification-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "qualification-file-error" : "qualification-file-hint"}
          />
          <p id="qualification-file-hint" className="staff-hint">
            ユーザID＋業務区分ごとに追加・更新します。ファイルにない資格や登録済みのカードは削除しません。1
            件でも誤りがあれば何も取り込みません。
          </p>
          {fileError && (
            <p id="qualification-file-error" className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="staff-actions">
          <button type="submit" className="staff-button" disabled={busy}>
            {busy ? "取り込み中…" : "取り込む"}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {answer?.ok && <p className="staff-notice">{answer.message}</p>}
        {answer && !answer.ok && !fileError && <p className="staff-error">{answer.message}</p>}
        {errors.length > 0 && (
          <table className="staff-table qualification-errors">
            <caption>取り込めなかった理由（{errors.length} 件）</caption>
            <thead>
              <tr>
                <th scope="col">行</th>
                <th scope="col">項目</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <tr key={i}>
                  <td className="qualification-number">{e.line === null ? "ファイル" : `${e.line} 行目`}</td>
                  <td>{e.field ?? ""}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {errors.length > SHOWN_ERRORS && (
          <p className="staff-hint">
            ほか {errors.length - SHOWN_ERRORS}{" "}
            件の誤りがあります。上の誤りを直してから、もう一度取り込んでください。
          </p>
        )}
      </div>
    </>
  );
}

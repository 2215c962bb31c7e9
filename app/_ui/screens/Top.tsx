"use client";
import { Clock } from "../Clock";
import { useT } from "../i18n/useT";

/** 3 受注者トップ. As in the manual, 利用者登録処理 is offered once the date and time are shown. */
export function TopScreen({ now, onProceed }: { now: Date | null; onProceed: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="top-title">
      <h1 id="top-title">{t("利用者登録（受注者）")}</h1>
      <p style={{ fontSize: "1.6rem" }}>
        <Clock now={now} />
      </p>
      {now ? (
        <>
          <p>{t("日付時刻が表示されたことを確認し、「利用者登録処理」ボタンを押してください。")}</p>
          <div className="big-choice">
            <button type="button" className="primary" onClick={onProceed}>
              {t("利用者登録処理")}
            </button>
          </div>
        </>
      ) : (
        <p className="busy" role="status">
          {t("日付時刻を表示しています…")}
        </p>
      )}
    </section>
  );
}

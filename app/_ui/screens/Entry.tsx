"use client";
import { useT } from "../i18n/useT";

/** 2 利用者登録／電子入札選択. Bidding itself is out of scope at this kiosk: shown, not active. */
export function EntryScreen({ onUserRegistration }: { onUserRegistration: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="entry-title">
      <h1 id="entry-title">{t("利用者登録／電子入札選択")}</h1>
      <p>{t("この画面から利用者登録機能に進みます。")}</p>
      <div className="big-choice">
        <button type="button" className="primary" onClick={onUserRegistration}>
          {t("利用者登録")}
        </button>
        <button type="button" disabled aria-describedby="entry-bidding-note">
          {t("電子入札")}
        </button>
      </div>
      <p id="entry-bidding-note" className="notice">
        {t(
          "この端末では電子入札はご利用いただけません。電子入札は、御社のパソコンから「電子入札システム」に入って操作してください。",
        )}
      </p>
    </section>
  );
}

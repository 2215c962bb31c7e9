"use client";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { RenewalConditions } from "./RenewalNotice";

type Props = { onRegister: () => void; onChange: () => void; onRenewal: () => void };

/** 4 利用者登録メニュー, with the manual's explanation beside each operation. */
export function MenuScreen({ onRegister, onChange, onRenewal }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="menu-title">
      <h1 id="menu-title">{t("利用者登録メニュー")}</h1>
      <div className="notice">
        <strong>{t("［複数の調達機関（団体）に参加希望している場合］")}</strong>
        <p style={{ margin: "6px 0 0" }}>
          {t(
            "［登録］［変更］［ICカード更新］については、いずれかの団体で登録すると、その他の団体に自動反映されます。",
          )}
          <br />
          {t("すぐに他の団体にも反映させる場合は、該当の団体を選択して実施してください。")}
        </p>
      </div>

      <div className="menu-item">
        <button type="button" className="primary" onClick={onRegister} aria-describedby="menu-register">
          {t("登録")}
        </button>
        <div id="menu-register">
          <p>{t("新規取得したICカードの登録、有効期限切れ後のICカード更新、参加希望団体の追加、など")}</p>
          <p>{t("※複数の団体に参加している場合、その他の団体にも翌日自動反映されます。")}</p>
        </div>
      </div>

      <div className="menu-item">
        <button type="button" onClick={onChange} aria-describedby="menu-change">
          {t("変更")}
        </button>
        <div id="menu-change">
          <p>{t("営業所や担当部署の住所・電話番号・電子メールアドレスの変更")}</p>
          <p>{t("※複数の団体に参加している場合、その他の団体に自動反映させるかどうかを選択できます。")}</p>
        </div>
      </div>

      <div className="menu-item">
        <button type="button" onClick={onRenewal} aria-describedby="menu-renewal">
          {t("ICカード更新")}
        </button>
        <div id="menu-renewal">
          <p className="strong-note">{t("※通常は使用しない機能です。")}</p>
          <RenewalConditions />
          <p>{t("※複数の団体に参加している場合、その他の団体に自動反映させるかどうかを選択できます。")}</p>
        </div>
      </div>

      <div className="notice">
        <strong>{t("項目説明")}</strong>
        <dl className="field-details">
          {MENU_ITEM_NOTES.map(([term, lines]) => (
            <div key={term}>
              <dt>{t(term)}</dt>
              {lines.map((line) => (
                <dd key={line}>{t(line)}</dd>
              ))}
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

/** The manual's 項目説明 of the menu: when each operation is the right one. */
const MENU_ITEM_NOTES = [
  [
    msgid("登録"),
    [
      msgid("使用するICカードを「電子入札システム」に登録する機能です。"),
      msgid(
        "初めてICカードを取得したとき、名義人の変更などでICカードを再取得したとき、ICカードの有効期限切れ後に再取得したとき、契約権限の移譲等でユーザIDが新しくなり、ICカードを再取得したとき、競争参加資格の失効でユーザIDが新しくなったとき等に使用します。",
      ),
    ],
  ],
  [
    msgid("変更"),
    [
      msgid("使用するICカードの利用者登録情報を修正する機能です。"),
      msgid(
        "既に登録されている利用者登録情報の担当者が交代したとき、電子メールアドレスが変わったとき等に使用します。",
      ),
      msgid("複数の自治体に申請がある場合、他の自治体に変更を自動反映させるかどうかを選択できます。"),
    ],
  ],
  [
    msgid("ICカード更新"),
    [
      msgid("使用中のICカードを別のICカードに変更できます。"),
      msgid(
        "名義人、住所等の企業情報、ユーザIDに変更がなく、有効期限切れとなる前にICカードの更新をする時に使用します。",
      ),
      msgid("更新後は旧ICカードを使用できなくなります。"),
      msgid("複数の自治体に申請がある場合、他の自治体に更新を自動反映させるかどうかを選択できます。"),
    ],
  ],
] as const;

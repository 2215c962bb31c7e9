import { RenewalConditions } from "./RenewalNotice";

type Props = { onRegister: () => void; onChange: () => void; onRenewal: () => void };

/** 4 利用者登録メニュー, with the manual's explanation beside each operation. */
export function MenuScreen({ onRegister, onChange, onRenewal }: Props) {
  return (
    <section aria-labelledby="menu-title">
      <h1 id="menu-title">利用者登録メニュー</h1>
      <div className="notice">
        <strong>［複数の調達機関（団体）に参加希望している場合］</strong>
        <p style={{ margin: "6px 0 0" }}>
          ［登録］［変更］［ICカード更新］については、いずれかの団体で登録すると、その他の団体に自動反映されます。
          <br />
          すぐに他の団体にも反映させる場合は、該当の団体を選択して実施してください。
        </p>
      </div>

      <div className="menu-item">
        <button type="button" className="primary" onClick={onRegister} aria-describedby="menu-register">
          登録
        </button>
        <div id="menu-register">
          <p>新規取得したICカードの登録、有効期限切れ後のICカード更新、参加希望団体の追加、など</p>
          <p>※複数の団体に参加している場合、その他の団体にも翌日自動反映されます。</p>
        </div>
      </div>

      <div className="menu-item">
        <button type="button" onClick={onChange} aria-describedby="menu-change">
          変更
        </button>
        <div id="menu-change">
          <p>営業所や担当部署の住所・電話番号・電子メールアドレスの変更</p>
          <p>※複数の団体に参加している場合、その他の団体に自動反映させるかどうかを選択できます。</p>
        </div>
      </div>

      <div className="menu-item">
        <button type="button" onClick={onRenewal} aria-describedby="menu-renewal">
          ICカード更新
        </button>
        <div id="menu-renewal">
          <p className="strong-note">※通常は使用しない機能です。</p>
          <RenewalConditions />
          <p>※複数の団体に参加している場合、その他の団体に自動反映させるかどうかを選択できます。</p>
        </div>
      </div>

      <div className="notice">
        <strong>項目説明</strong>
        <dl className="field-details">
          {MENU_ITEM_NOTES.map(([term, lines]) => (
            <div key={term}>
              <dt>{term}</dt>
              {lines.map((line) => (
                <dd key={line}>{line}</dd>
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
    "登録",
    [
      "使用するICカードを「電子入札システム」に登録する機能です。",
      "初めてICカードを取得したとき、名義人の変更などでICカードを再取得したとき、ICカードの有効期限切れ後に再取得したとき、契約権限の移譲等でユーザIDが新しくなり、ICカードを再取得したとき、競争参加資格の失効でユーザIDが新しくなったとき等に使用します。",
    ],
  ],
  [
    "変更",
    [
      "使用するICカードの利用者登録情報を修正する機能です。",
      "既に登録されている利用者登録情報の担当者が交代したとき、電子メールアドレスが変わったとき等に使用します。",
      "複数の自治体に申請がある場合、他の自治体に変更を自動反映させるかどうかを選択できます。",
    ],
  ],
  [
    "ICカード更新",
    [
      "使用中のICカードを別のICカードに変更できます。",
      "名義人、住所等の企業情報、ユーザIDに変更がなく、有効期限切れとなる前にICカードの更新をする時に使用します。",
      "更新後は旧ICカードを使用できなくなります。",
      "複数の自治体に申請がある場合、他の自治体に更新を自動反映させるかどうかを選択できます。",
    ],
  ],
] as const;

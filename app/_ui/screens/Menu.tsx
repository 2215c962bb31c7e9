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
    </section>
  );
}

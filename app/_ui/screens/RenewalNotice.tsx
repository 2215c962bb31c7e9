"use client";
import type { CSSProperties } from "react";
import { useT } from "../i18n/useT";

/**
 * The manual's explanation of ICカード更新 and the cases it gets wrong, said both beside the
 * menu's button and on the renewal's first screen.
 */
export function RenewalConditions({ leadStyle }: { leadStyle?: CSSProperties }) {
  const t = useT();
  return (
    <>
      <p style={leadStyle}>
        {t(
          "［ICカード更新］は、保有しているICカードの有効期限満了に備えて、事前に新しいICカードを取得し、利用者情報を引き継ぐ操作ですが、以下の条件では、正しく更新できません。［登録］ボタン（または［変更］ボタン）で操作してください。",
        )}
      </p>
      <ol>
        <li>{t("競争入札参加資格者の更新漏れのため、新規申請をした場合")}</li>
        <li>{t("営業所等の新設・統廃合により、権限委譲をおこなった場合")}</li>
        <li>{t("これまで使用していたICカードの有効期限がきれている場合")}</li>
      </ol>
    </>
  );
}

/**
 * ICカード更新's first screen: the manual's warning, because choosing 更新 when 登録 was needed is
 * the most expensive mistake (a changed user ID leaves the new card unusable). OK / 戻る.
 */
export function RenewalNoticeScreen({ onOk, onBack }: { onOk: () => void; onBack: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="renewal-notice-title">
      <h1 id="renewal-notice-title">{t("ICカード更新")}</h1>
      <div className="notice warn" role="alert">
        <p style={{ margin: 0, fontWeight: 700 }}>
          {t(
            "契約権限の移譲、会社の合併、入札参加資格の失効等で業者番号（ユーザ ID）が新しいものになった場合は、『ICカード更新』ではなく、『登録』より新しい業者番号（ユーザ ID）を使用して登録の操作を行ってください。",
          )}
        </p>
        <p style={{ margin: "8px 0 0" }}>
          {t(
            "間違ってICカード更新をすると、失効したユーザ IDのままICカード情報が登録（更新）されてしまい、新しいICカードも使用できなくなるので注意が必要です。",
          )}
        </p>
      </div>
      <div className="notice">
        <RenewalConditions leadStyle={{ margin: 0 }} />
        <strong>{t("※注意")}</strong>
        <ul>
          <li>{t("企業情報が変更になりICカードを取得し直した場合は、登録ボタンで登録してください。")}</li>
          <li>
            {t("ICカードの有効期限が切れている場合、認証局が異なる場合は登録ボタンで登録してください。")}
          </li>
          <li>{t("『ICカード更新』を行うと、旧カードは使用できなくなります。")}</li>
          <li>
            {t(
              "どちらの操作がよいかよくわからないときは、ICカード更新ではなく、「登録」で操作することをお勧めします。",
            )}
          </li>
        </ul>
      </div>
      <p>{t("よろしければ「OK」を押し、現在使用しているICカードと新しいICカードを用意してください。")}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onOk}>
          OK
        </button>
        <button type="button" onClick={onBack}>
          {t("戻る")}
        </button>
      </div>
    </section>
  );
}

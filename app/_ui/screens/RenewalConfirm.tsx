"use client";
import { ReadOnlyList } from "../ContactBlock";
import { useLang, useT } from "../i18n/useT";
import { PropagateChoice } from "./Propagation";
import { renewalCardRows, type RenewalView } from "./renewalView";
import { ConfirmActions } from "./ConfirmActions";

type Props = {
  view: RenewalView;
  propagate: boolean;
  submitting: boolean;
  onTogglePropagate: () => void;
  onSubmit: () => void;
  onBack: () => void;
};

/** 電子証明書更新確認: the card in use and the new card side by side, then 更新 / 戻る. */
export function RenewalConfirmScreen({ view, propagate, submitting, ...on }: Props) {
  const t = useT();
  const lang = useLang();
  return (
    <section aria-labelledby="renewal-confirm-title">
      <h1 id="renewal-confirm-title">{t("電子証明書更新確認")}</h1>
      <p>
        {t(
          "現在使用しているICカードの情報と、新規使用するICカードの情報が表示されます。内容確認後、ICカードの更新を行います。",
        )}
      </p>
      <div className="side-by-side">
        <section aria-labelledby="renewal-old-title" data-testid="renewal-old">
          <h2 id="renewal-old-title">{t("現在使用しているICカード")}</h2>
          <ReadOnlyList rows={renewalCardRows(view.company, view.old, lang)} />
        </section>
        <section aria-labelledby="renewal-new-title" data-testid="renewal-new">
          <h2 id="renewal-new-title">{t("新規に使用するICカード")}</h2>
          <ReadOnlyList rows={renewalCardRows(view.company, view.new, lang)} />
        </section>
      </div>
      <div className="notice">
        <p style={{ margin: 0 }}>{t("証明書シリアル番号はICカードのシリアル番号ではありません。")}</p>
        <p style={{ margin: "4px 0 0" }}>{t("自動的に入ってくる情報なので気にされる必要はありません。")}</p>
      </div>
      <p className="strong-note">
        {t(
          "新規に使用するICカードの企業名称とICカード企業名称が御社の企業名称であることを確認してください。",
        )}
      </p>
      <PropagateChoice
        agencies={view.agencies}
        checked={propagate}
        disabled={submitting}
        onToggle={on.onTogglePropagate}
      />
      <p className="note">{t("全ての申請自治体に更新を反映させる場合はチェックをつけます。")}</p>
      <p className="notice" style={{ fontWeight: 700 }}>
        {t("この内容でよろしければ更新ボタンを押してください")}
      </p>
      <p className="notice warn">
        {t(
          "※『ICカード更新』を行うと、旧カードは使用できなくなります。更新を行わない時は、戻るボタンを押下した後、ICカードの更新をやり直してください。",
        )}
      </p>
      <ConfirmActions verb="renew" submitting={submitting} onSubmit={on.onSubmit} onBack={on.onBack} />
    </section>
  );
}

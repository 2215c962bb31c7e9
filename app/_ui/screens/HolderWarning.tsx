"use client";
import type { CardView } from "@/app/_shared/contracts";
import type { SearchView } from "@/machines/registration.types";
import { Dialog } from "../Dialog";
import { ReadOnlyList } from "../ContactBlock";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";

type Props = { card: CardView; search: SearchView; onAcknowledge: () => void; onBack: () => void };

const MISMATCH = msgid("ICカードの名義が、競争入札参加資格審査情報の企業名称・代表者と一致しません。");
const CONTRACTOR_NOTE = msgid(
  "工事・物品とも、原則として競争入札参加資格申請時の「契約者」名義の IC カードが必要です。埼玉県では「法人の代表者」でも可としています。自治体によっては法人の代表者を認めない場合もあるので、各自治体に確認してください。",
);

type NoticeProps = {
  card: CardView;
  search: SearchView;
  acknowledged: boolean;
  onCheck: (acknowledged: boolean) => void;
};

/**
 * R17 on the form, from its arrival: the card and the qualification are both known once the search
 * answered, so the bidder learns of the mismatch before typing the 部署 block, and may acknowledge
 * it here. Unticked, 入力内容確認 still stops at the dialog below (the server refuses it anyway).
 */
export function HolderMismatchNotice({ card, search, acknowledged, onCheck }: NoticeProps) {
  const t = useT();
  if (search.holderCheck.matches) return null;
  return (
    <div className="notice warn holder-mismatch" role="note" aria-labelledby="holder-mismatch-title">
      <h2 id="holder-mismatch-title" style={{ fontSize: "1.1rem", margin: 0 }}>
        {t(search.holderCheck.message ?? MISMATCH)}
      </h2>
      <ReadOnlyList
        rows={[
          [msgid("ICカード企業名称"), card.companyOnCard],
          [msgid("ICカード取得者氏名"), card.holderName],
          [msgid("業者名"), search.company.companyName],
          [msgid("代表者等氏名"), search.company.representativeName],
        ]}
      />
      <p style={{ margin: "8px 0" }}>{t(CONTRACTOR_NOTE)}</p>
      <label className="check">
        <input type="checkbox" checked={acknowledged} onChange={(event) => onCheck(event.target.checked)} />
        {t("ICカードの名義に誤りがないことを確認しました")}
      </label>
    </div>
  );
}

/** R17: the card's holder should be the 契約者 (in Saitama also the corporate representative). */
export function HolderWarningDialog({ card, search, onAcknowledge, onBack }: Props) {
  const t = useT();
  return (
    <Dialog title={t("ICカードの名義を確認してください")} onEscape={onBack}>
      <p className="notice warn" style={{ fontWeight: 700 }}>
        {t(search.holderCheck.message ?? MISMATCH)}
      </p>
      <h3>{t("ICカード")}</h3>
      <ReadOnlyList
        rows={[
          [msgid("ICカード企業名称"), card.companyOnCard],
          [msgid("ICカード取得者氏名"), card.holderName],
        ]}
      />
      <h3>{t("競争入札参加資格審査情報")}</h3>
      <ReadOnlyList
        rows={[
          [msgid("業者名"), search.company.companyName],
          [msgid("代表者等氏名"), search.company.representativeName],
        ]}
      />
      <p>{t(CONTRACTOR_NOTE)}</p>
      <p>{t("名義に誤りがないことを確認した場合のみ「確認しました」を押してください。")}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onAcknowledge}>
          {t("確認しました")}
        </button>
        {/* R17: the safe choice has the focus, so a stray Enter never acknowledges the mismatch */}
        <button type="button" onClick={onBack} data-autofocus>
          {t("戻る")}
        </button>
      </div>
    </Dialog>
  );
}

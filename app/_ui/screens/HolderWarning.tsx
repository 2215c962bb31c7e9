import type { CardView } from "@/app/_shared/contracts";
import type { SearchView } from "@/machines/registration.types";
import { Dialog } from "../Dialog";
import { ReadOnlyList } from "../ContactBlock";

type Props = { card: CardView; search: SearchView; onAcknowledge: () => void; onBack: () => void };

/** R17: the card's holder should be the 契約者 (in Saitama also the corporate representative). */
export function HolderWarningDialog({ card, search, onAcknowledge, onBack }: Props) {
  return (
    <Dialog title="ICカードの名義を確認してください" onEscape={onBack}>
      <p className="notice warn" style={{ fontWeight: 700 }}>
        {search.holderCheck.message ??
          "ICカードの名義が、競争入札参加資格審査情報の企業名称・代表者と一致しません。"}
      </p>
      <h3>ICカード</h3>
      <ReadOnlyList
        rows={[
          ["ICカード企業名称", card.companyOnCard],
          ["ICカード取得者氏名", card.holderName],
        ]}
      />
      <h3>競争入札参加資格審査情報</h3>
      <ReadOnlyList
        rows={[
          ["業者名", search.company.companyName],
          ["代表者等氏名", search.company.representativeName],
        ]}
      />
      <p>
        工事・物品とも、原則として競争入札参加資格申請時の「契約者」名義の IC
        カードが必要です。埼玉県では「法人の代表者」でも可としています。自治体によっては法人の代表者を認めない場合もあるので、各自治体に確認してください。
      </p>
      <p>名義に誤りがないことを確認した場合のみ「確認しました」を押してください。</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onAcknowledge}>
          確認しました
        </button>
        {/* R17: the safe choice has the focus, so a stray Enter never acknowledges the mismatch */}
        <button type="button" onClick={onBack} data-autofocus>
          戻る
        </button>
      </div>
    </Dialog>
  );
}

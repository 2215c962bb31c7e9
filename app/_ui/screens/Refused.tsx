import type { CardFacts, Failure } from "@/app/_shared/contracts";
import { CardFactsList } from "./CardFacts";

const TITLES: Record<string, string> = {
  alreadyRegistered: "既に登録されています",
  pinLocked: "ICカードがロックされています",
  expired: "ICカードの有効期限が切れています",
  notYetValid: "ICカードの有効期間が始まっていません",
  untrusted: "このICカードは使用できません",
  cardRemoved: "ICカードが取り出されました",
  holderMismatch: "ICカードの名義を確認してください",
  pinCapped: "PIN番号の入力を中止しました",
  revoked: "このICカードは失効しています",
};

/**
 * A step that cannot go on, with the manual's explanation where it has one; 戻る to the menu.
 * For 既に登録されています the manual's own text replaces the server's hints (the manual wins).
 */
export function RefusedScreen({
  failure,
  card = null,
  onBack,
}: {
  failure: Failure;
  /** the card the pre-flight check refused, so the bidder sees which card it was */
  card?: CardFacts | null;
  onBack: () => void;
}) {
  const title = TITLES[failure.code] ?? "処理を続けることができません";
  return (
    <section aria-labelledby="refused-title">
      <h1 id="refused-title">{title}</h1>
      <div className="notice error" role="alert">
        <p style={{ margin: 0 }}>{failure.message}</p>
      </div>
      {card ? <CardFactsList facts={card} /> : null}
      {failure.code === "alreadyRegistered" ? (
        <div className="notice warn">
          <p style={{ margin: 0, fontWeight: 700 }}>挿入されているICカードの利用者は既に登録されています。</p>
          <ul>
            <li>
              1 枚の IC カードは、1 つのユーザ ID のみ利用者登録できます。その IC
              カードは既に登録されているので、このメッセージが表示されます。
            </li>
            <li>
              ユーザ ID
              が新しくなった場合（契約権限の移譲等）は、改めて電子証明書を購入し、その電子証明書で新しいユーザ
              ID に利用者登録が必要です。
            </li>
          </ul>
        </div>
      ) : null}
      {failure.code !== "alreadyRegistered" && failure.hints && failure.hints.length > 0 ? (
        <div className="notice">
          <ul>
            {failure.hints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onBack}>
          戻る
        </button>
      </div>
    </section>
  );
}

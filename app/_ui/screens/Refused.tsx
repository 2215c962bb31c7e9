"use client";
import type { CardFacts, Failure } from "@/app/_shared/contracts";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";
import { CardFactsList } from "./CardFacts";
import { REFUSAL_GUIDANCE, REFUSAL_TITLES } from "./refusalText";

/**
 * A step that cannot go on, with the manual's explanation where it has one; 戻る to the menu, and
 * 「登録へ進む」 when the flow offers 登録 with the card in hand (更新 refused for an expired old
 * card or another CA, a card not registered). For 既に登録されています the manual's own text
 * replaces the server's hints (the manual wins).
 */
export function RefusedScreen({
  failure,
  card = null,
  onBack,
  onRegister,
}: {
  failure: Failure;
  /** the card the pre-flight check refused, so the bidder sees which card it was */
  card?: CardFacts | null;
  onBack: () => void;
  /** given when the flow offers 登録 instead */
  onRegister?: () => void;
}) {
  const t = useT();
  const title = REFUSAL_TITLES[failure.code] ?? msgid("処理を続けることができません");
  // The server's hints know more (e.g. a card replaced by 更新 is "not registered" for another
  // reason than a new card); the screen's own guidance is the fallback for a refusal without them.
  const hints = failure.hints && failure.hints.length > 0 ? failure.hints : null;
  const guidance = failure.code === "alreadyRegistered" ? null : (hints ?? REFUSAL_GUIDANCE[failure.code]);
  return (
    <section aria-labelledby="refused-title">
      <h1 id="refused-title">{t(title)}</h1>
      <div className="notice error" role="alert">
        <p style={{ margin: 0 }}>{t(failure.message)}</p>
      </div>
      {card ? <CardFactsList facts={card} /> : null}
      {failure.code === "alreadyRegistered" ? (
        <div className="notice warn">
          <p style={{ margin: 0, fontWeight: 700 }}>
            {t("挿入されているICカードの利用者は既に登録されています。")}
          </p>
          <ul>
            <li>
              {t(
                "1 枚の IC カードは、1 つのユーザ ID のみ利用者登録できます。その IC カードは既に登録されているので、このメッセージが表示されます。",
              )}
            </li>
            <li>
              {t(
                "ユーザ ID が新しくなった場合（契約権限の移譲等）は、改めて電子証明書を購入し、その電子証明書で新しいユーザ ID に利用者登録が必要です。",
              )}
            </li>
          </ul>
        </div>
      ) : null}
      {guidance ? (
        <div className="notice warn" data-testid="refusal-guidance">
          <ul>
            {guidance.map((line) => (
              <li key={line}>{t(line)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        {onRegister ? (
          <button type="button" className="primary" onClick={onRegister}>
            {t("登録へ進む")}
          </button>
        ) : null}
        <button type="button" className={onRegister ? undefined : "primary"} onClick={onBack}>
          {t("戻る")}
        </button>
      </div>
    </section>
  );
}

/** A card refused by the pre-flight check still says whose card it is. */
export function factsOf(failure: Failure): CardFacts | null {
  return "card" in failure && failure.card ? (failure.card as CardFacts) : null;
}

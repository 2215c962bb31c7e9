"use client";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";

/** The two swaps of ICカード更新: what comes out, what goes in, and what happens next (said through t()). */
type Words = { id: string; title: string; prompt: string; out: string; in: string; note: string };

/** Between the two PINs: the old card is proven and makes way for the new one. */
const RENEWAL_SWAP: Words = {
  id: "swap-title",
  title: msgid("新しいICカードの確認"),
  prompt: msgid("現在使用しているICカードを取り出し、新しいICカードを差し込んでください"),
  out: msgid("現在使用しているICカードを取り出す"),
  in: msgid("新しく取得したICカードを差し込む"),
  note: msgid(
    "現在使用しているICカードの確認は終わりました。新しいICカードを差し込むと、PIN番号の入力に進みます。",
  ),
};

/** R13: an expired card in use cannot be renewed; the new card is registered with 登録 instead. */
const REGISTER_SWAP: Words = {
  id: "register-swap-title",
  title: msgid("新しいICカードを「登録」します"),
  prompt: msgid("有効期限が切れたICカードを取り出し、新しく取得したICカードを差し込んでください"),
  out: msgid("有効期限が切れたICカードを取り出す"),
  in: msgid("新しく取得したICカードを差し込む"),
  note: msgid(
    "有効期限が切れたICカードは、ICカード更新にも登録にも使用できません。新しいICカードを差し込むと、「登録」のPIN番号の入力に進みます。",
  ),
};

type Props = {
  /** whether the card to take out is still in the reader */
  oldCardIn: boolean;
  /** `register`: the way from a refused expired old card to 登録 with the new card */
  purpose?: "renewal" | "register";
  onCancel: () => void;
};

/**
 * A card swap of ICカード更新: the card in the reader comes out and the new one goes in. Taking the
 * card out is the expected step here, not an abort; キャンセル leads back to the menu.
 */
export function SwapScreen({ oldCardIn, purpose = "renewal", onCancel }: Props) {
  const t = useT();
  const words = purpose === "register" ? REGISTER_SWAP : RENEWAL_SWAP;
  return (
    <section aria-labelledby={words.id}>
      <h1 id={words.id}>{t(words.title)}</h1>
      <p className="notice" role="status" style={{ fontSize: "1.4rem", fontWeight: 700 }}>
        {t(words.prompt)}
      </p>
      <ol className="swap-steps">
        <li aria-current={oldCardIn ? "step" : undefined} className={oldCardIn ? undefined : "done"}>
          {oldCardIn ? null : <span className="sr-only">{t("完了：")}</span>}
          {t(words.out)}
        </li>
        <li aria-current={oldCardIn ? undefined : "step"}>{t(words.in)}</li>
      </ol>
      <p className="note">{t(words.note)}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {t("キャンセル")}
        </button>
      </div>
    </section>
  );
}

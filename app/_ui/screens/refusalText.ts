// Titles and the manual's way forward for every refusal a flow can stop at (R1, R2, R12, R13);
// the screen says them through t().
import { msgid } from "../i18n/translate";

export const REFUSAL_TITLES: Record<string, string> = {
  alreadyRegistered: msgid("既に登録されています"),
  pinLocked: msgid("ICカードがロックされています"),
  expired: msgid("ICカードの有効期限が切れています"),
  notYetValid: msgid("ICカードの有効期間が始まっていません"),
  untrusted: msgid("このICカードは使用できません"),
  cardRemoved: msgid("ICカードが取り出されました"),
  holderMismatch: msgid("ICカードの名義を確認してください"),
  pinCapped: msgid("PIN番号の入力を中止しました"),
  revoked: msgid("このICカードは失効しています"),
  notRegistered: msgid("このICカードは利用者登録されていません"),
  replacedCard: msgid("このICカードは更新により無効になりました"),
  lapsedUserId: msgid("ユーザIDの競争入札参加資格が失効しています"),
  oldCardExpired: msgid("現在使用しているICカードの有効期限が切れています"),
  issuerDiffers: msgid("認証局が異なるため、ICカード更新はできません"),
  companyDiffers: msgid("企業名称が異なるため、ICカード更新はできません"),
  sameCard: msgid("同じICカードが差し込まれました"),
  alreadyDone: msgid("この手続きは別の画面で完了しています"),
};

/** The manual's guidance per refusal: what the bidder does next. */
export const REFUSAL_GUIDANCE: Record<string, string[]> = {
  notRegistered: [
    msgid("変更・ICカード更新は、この調達機関・業務区分で利用者登録されているICカードで行います。"),
    msgid(
      "「工事」「物品」両方の資格をお持ちの場合は、それぞれ登録が必要です。選択した業務区分が正しいかご確認ください。",
    ),
    msgid("このICカードを使用するには、「登録」で利用者登録を行ってください。"),
  ],
  oldCardExpired: [
    msgid("これまで使用していたICカードの有効期限が切れている場合は、ICカード更新では正しく更新できません。"),
    msgid("新しいICカードを「登録」ボタンで登録してください。"),
  ],
  issuerDiffers: [
    msgid("ICカードの有効期限が切れている場合、認証局が異なる場合は登録ボタンで登録してください。"),
    msgid("新しいICカードを「登録」で利用者登録すると、そのICカードを使用できます。"),
  ],
  companyDiffers: [
    msgid("ICカード更新は、名義人、住所等の企業情報、ユーザIDに変更がない場合に使用します。"),
    msgid("企業情報が変更になりICカードを取得し直した場合は、登録ボタンで登録してください。"),
  ],
  sameCard: [
    msgid("新しいICカードとして、現在使用しているICカードが差し込まれました。"),
    msgid("新しく取得したICカードを用意して、ICカード更新を最初からやり直してください。"),
  ],
};

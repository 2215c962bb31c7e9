// Titles and the manual's way forward for every refusal a flow can stop at (R1, R2, R12, R13).

export const REFUSAL_TITLES: Record<string, string> = {
  alreadyRegistered: "既に登録されています",
  pinLocked: "ICカードがロックされています",
  expired: "ICカードの有効期限が切れています",
  notYetValid: "ICカードの有効期間が始まっていません",
  untrusted: "このICカードは使用できません",
  cardRemoved: "ICカードが取り出されました",
  holderMismatch: "ICカードの名義を確認してください",
  pinCapped: "PIN番号の入力を中止しました",
  revoked: "このICカードは失効しています",
  notRegistered: "このICカードは利用者登録されていません",
  replacedCard: "このICカードは更新により無効になりました",
  lapsedUserId: "ユーザIDの競争入札参加資格が失効しています",
  oldCardExpired: "現在使用しているICカードの有効期限が切れています",
  issuerDiffers: "認証局が異なるため、ICカード更新はできません",
  companyDiffers: "企業名称が異なるため、ICカード更新はできません",
  sameCard: "同じICカードが差し込まれました",
};

/** The manual's guidance per refusal: what the bidder does next. */
export const REFUSAL_GUIDANCE: Record<string, string[]> = {
  notRegistered: [
    "変更・ICカード更新は、この調達機関・業務区分で利用者登録されているICカードで行います。",
    "「工事」「物品」両方の資格をお持ちの場合は、それぞれ登録が必要です。選択した業務区分が正しいかご確認ください。",
    "このICカードを使用するには、「登録」で利用者登録を行ってください。",
  ],
  oldCardExpired: [
    "これまで使用していたICカードの有効期限が切れている場合は、ICカード更新では正しく更新できません。",
    "新しいICカードを「登録」ボタンで登録してください。",
  ],
  issuerDiffers: [
    "ICカードの有効期限が切れている場合、認証局が異なる場合は登録ボタンで登録してください。",
    "新しいICカードを「登録」で利用者登録すると、そのICカードを使用できます。",
  ],
  companyDiffers: [
    "ICカード更新は、名義人、住所等の企業情報、ユーザIDに変更がない場合に使用します。",
    "企業情報が変更になりICカードを取得し直した場合は、登録ボタンで登録してください。",
  ],
  sameCard: [
    "新しいICカードとして、現在使用しているICカードが差し込まれました。",
    "新しく取得したICカードを用意して、ICカード更新を最初からやり直してください。",
  ],
};

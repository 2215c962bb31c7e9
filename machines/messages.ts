// Messages the machines themselves produce, for failures that reach them as a thrown error
// (lost connection, server restart) rather than as a Failure answered by the server.
import { PIN_CAPPED_MESSAGE } from "./pin.cap";

export const MESSAGES = {
  sessionFailed: "受付を開始できませんでした。もう一度、調達機関と業務を選択してください。",
  cardFailed:
    "ICカードを読み取れませんでした。ICカードがカードリーダーに正しく差し込まれているか確認し、もう一度PIN番号を入力してください。",
  pinCapped: PIN_CAPPED_MESSAGE,
  searchFailed: "資格審査情報を検索できませんでした。しばらくしてから、もう一度検索してください。",
  registerFailed: "利用者登録を完了できませんでした。お手数ですが、窓口の担当者にお知らせください。",
  loadFailed: "登録内容を読み込めませんでした。お手数ですが、窓口の担当者にお知らせください。",
  changeFailed: "利用者情報を変更できませんでした。お手数ですが、窓口の担当者にお知らせください。",
  renewalFailed: "ICカードを更新できませんでした。お手数ですが、窓口の担当者にお知らせください。",
  printFailed: "印刷できませんでした。プリンターを確認し、もう一度「印刷」を押してください。",
  postalFailed: "住所を補完できませんでした。住所を入力してください。",
  resumed:
    "受付を再開しました。手続きの途中だった方は、お手数ですが最初からやり直してください。入力された内容は消去されました。",
} as const;

// Each kiosk screen's name and one hint line from the manual, for the staff who answer
// 「係員を呼ぶ」 and for the console's terminal page. The kiosk sends only the screen's key; the
// server looks the words up here, so what staff read is ours, never the browser's text.

export type ScreenInfo = { label: string; hint: string };

/** Keys are the kiosk machine's screens; a flow's screen is `<flow>.<state>` (e.g. `registration.search`). */
export const SCREEN_HINTS: Readonly<Record<string, ScreenInfo>> = {
  select: {
    label: "調達機関・業務選択",
    hint: "調達機関を一つ選び、業務区分（工事・物品）のボタンを押します。物品は対応している調達機関のみです。",
  },
  entry: {
    label: "利用者登録／電子入札選択",
    hint: "「利用者登録」を押します（電子入札はこの端末では行いません）。",
  },
  top: { label: "受注者トップ", hint: "日時が表示されたら「利用者登録処理」を押します。" },
  menu: {
    label: "利用者登録メニュー",
    hint: "新しいICカードは「登録」、連絡先の変更は「変更」、ICカードの切替は「ICカード更新」（通常は使用しない機能）です。",
  },
  end: { label: "終了画面", hint: "手続きは終了しています。ICカードの取り忘れがないか確認してください。" },
  // R32: the kiosk calls staff by itself when a card stays in the reader after the visit ended
  "end.takeCard": {
    label: "ICカードをお取りください",
    hint: "利用は終了していますが、ICカードがカードリーダーに差し込まれたままです。ICカードを取り出し、お客様にお返しください。",
  },
  unavailable: {
    label: "ただいまご利用いただけません",
    hint: "サーバに接続できていません。データベースと端末の状態を確認してください。",
  },
  "registration.pin": {
    label: "登録 — PIN番号入力",
    hint: "ICカードをカードリーダーに差し込み、PIN番号を入力します。誤りが続く場合はPIN通知書等を確認してください。",
  },
  "registration.refused": {
    label: "登録 — 受付できません",
    hint: "表示された理由を確認してください（既に登録されたICカード、有効期限切れ、認証局の違いなど）。",
  },
  "registration.search": {
    label: "登録 — 競争入札参加資格審査情報検索",
    hint: "商号又は名称（支店名・（株）の略記なし）、ユーザID（半角10桁）、パスワード（半角8文字・大文字小文字を区別）を入力します。",
  },
  "registration.searchLimit": {
    label: "登録 — 検索の失敗が続いたため受付終了",
    hint: "検索に5回失敗したため、この受付は終了します。入力内容（商号又は名称・ユーザID・パスワード）を書類でご確認いただき、最初からやり直してください。",
  },
  "registration.form": {
    label: "登録 — 利用者登録（入力）",
    hint: "代表窓口情報（最初の登録時のみ）とICカード利用部署情報を入力します。メールアドレスは2回入力します。",
  },
  "registration.holderWarning": {
    label: "登録 — ICカード名義の確認",
    hint: "ICカードの取得者が契約者（代表者）と異なります。正しいICカードか確認してください。",
  },
  "registration.confirm": {
    label: "登録 — 登録内容確認",
    hint: "内容を確認し「登録」を押します。訂正する場合は「戻る」を押します。",
  },
  "registration.registering": { label: "登録 — 登録中", hint: "登録処理中です。しばらくお待ちください。" },
  "registration.done": {
    label: "登録 — 利用者情報登録結果",
    hint: "登録は完了しています。「印刷」で受付票を印刷し、「ログアウト」で終了します。",
  },
  "registration.print": {
    label: "登録 — 受付票の印刷",
    hint: "受付票を印刷しています。印刷できない場合はプリンタを確認してください（職員コンソールから再印刷できます）。",
  },
  "change.pin": {
    label: "変更 — PIN番号入力",
    hint: "登録済みのICカードを差し込み、PIN番号を入力します。",
  },
  "change.loading": { label: "変更 — 読込中", hint: "登録内容を読み込んでいます。しばらくお待ちください。" },
  "change.refused": {
    label: "変更 — 受付できません",
    hint: "このICカードはこの業務区分で登録されていないか、無効です。表示された案内を確認してください。",
  },
  "change.form": {
    label: "変更 — 利用者変更（入力）",
    hint: "代表窓口情報とICカード利用部署情報を訂正します。企業情報は変更できません。",
  },
  "change.confirm": {
    label: "変更 — 変更内容確認",
    hint: "内容を確認し、他の調達機関にも反映するか選んで「変更」を押します。",
  },
  "change.submitting": { label: "変更 — 変更中", hint: "変更処理中です。しばらくお待ちください。" },
  "change.done": {
    label: "変更 — 利用者情報変更結果",
    hint: "変更は完了しています。「印刷」で受付票を印刷し、「ログアウト」で終了します。",
  },
  "change.print": { label: "変更 — 受付票の印刷", hint: "受付票を印刷しています。" },
  "renewal.notice": {
    label: "ICカード更新 — 注意事項",
    hint: "ユーザIDが変わった場合は「更新」ではなく「登録」です。通常は使用しない機能です。",
  },
  "renewal.oldCard": {
    label: "ICカード更新 — 現在のICカード",
    hint: "現在使用しているICカードを差し込み、PIN番号を入力します。",
  },
  "renewal.swap": {
    label: "ICカード更新 — ICカードの差し替え",
    hint: "現在のICカードを取り出し、新しいICカードを差し込みます。",
  },
  "renewal.swapForRegister": {
    label: "ICカード更新 — 新しいICカードで登録へ",
    hint: "有効期限が切れたICカードを取り出し、新しく取得したICカードを差し込むと「登録」に進みます。",
  },
  "renewal.newCard": {
    label: "ICカード更新 — 新しいICカード",
    hint: "新しいICカードのPIN番号を入力します。",
  },
  "renewal.loading": { label: "ICカード更新 — 読込中", hint: "両方のICカードの情報を読み込んでいます。" },
  "renewal.refused": {
    label: "ICカード更新 — 受付できません",
    hint: "表示された理由を確認してください（有効期限切れ、認証局や企業名称の違い、登録済みの新しいICカードなど）。",
  },
  "renewal.confirm": {
    label: "ICカード更新 — 電子証明書更新確認",
    hint: "新旧のICカードの内容を確認し「更新」を押します。",
  },
  "renewal.submitting": { label: "ICカード更新 — 更新中", hint: "更新処理中です。しばらくお待ちください。" },
  "renewal.done": {
    label: "ICカード更新 — 電子証明書更新結果",
    hint: "更新は完了しています。古いICカードは使用できなくなりました。「ログアウト」で終了します。",
  },
  "renewal.print": { label: "ICカード更新 — 受付票の印刷", hint: "受付票を印刷しています。" },
};

const FLOW_LABELS: Readonly<Record<string, string>> = {
  registration: "登録",
  change: "変更",
  renewal: "ICカード更新",
};

const UNKNOWN: ScreenInfo = { label: "キオスク画面", hint: "画面の表示内容を確認してください。" };

/** A screen key as the kiosk sends it: a state name, or `<flow>.<state>`. */
export const SCREEN_KEY = /^[a-z][A-Za-z]{0,39}(\.[a-z][A-Za-z]{0,39})?$/;

/**
 * The words for a screen key. A screen added later (another state of a flow) still gets its
 * flow's name rather than nothing, so a call is never lost for a missing line here.
 */
export function screenInfo(key: string): ScreenInfo {
  const known = SCREEN_HINTS[key];
  if (known) return known;
  const flow = FLOW_LABELS[key.split(".")[0] ?? ""];
  return flow ? { label: `${flow} — ${key.split(".")[1] ?? ""}`, hint: UNKNOWN.hint } : UNKNOWN;
}

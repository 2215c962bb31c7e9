// What the server and the machines say on the kiosk-level screens: machines/messages.ts, the card
// and certificate messages (app/_server/card/messages.ts), the search answers (R11, R14, R15), the
// visit's start and the staff call. They stay Japanese on the wire; the screen translates them.
import { englishDay, ENGLISH_MONTHS } from "@/app/_shared/english-date";
import type { Catalog } from "./types";

const WEEKDAYS: Readonly<Record<string, string>> = {
  日: "Sunday",
  月: "Monday",
  火: "Tuesday",
  水: "Wednesday",
  木: "Thursday",
  金: "Friday",
  土: "Saturday",
};

/** 「2026年12月6日」 (tokyoDateKanji) as "6 December 2026". */
const DATE = "(\\d{4})年(\\d{1,2})月(\\d{1,2})日";

const ASK_CA = "Please ask the certificate authority [認証局] that issued the IC card.";
const CRL = "the certificate revocation list (CRL)";

export const KIOSK_MESSAGES: Catalog = {
  messages: {
    // machines/messages.ts
    "受付を開始できませんでした。もう一度、調達機関と業務を選択してください。":
      "The visit could not start. Please choose the contracting agency and the business kind again.",
    "ICカードを読み取れませんでした。ICカードがカードリーダーに正しく差し込まれているか確認し、もう一度PIN番号を入力してください。":
      "The IC card could not be read. Check that it is inserted properly in the card reader and enter your PIN again.",
    "資格審査情報を検索できませんでした。しばらくしてから、もう一度検索してください。":
      "The search could not be done. Please wait a moment and search again.",
    "利用者登録を完了できませんでした。お手数ですが、窓口の担当者にお知らせください。":
      "The registration could not be completed. Please tell the staff at the desk.",
    "登録内容を読み込めませんでした。お手数ですが、窓口の担当者にお知らせください。":
      "The registration could not be loaded. Please tell the staff at the desk.",
    "利用者情報を変更できませんでした。お手数ですが、窓口の担当者にお知らせください。":
      "The change could not be made. Please tell the staff at the desk.",
    "ICカードを更新できませんでした。お手数ですが、窓口の担当者にお知らせください。":
      "The IC card renewal could not be done. Please tell the staff at the desk.",
    "印刷できませんでした。プリンターを確認し、もう一度「印刷」を押してください。":
      "Printing failed. Please check the printer and press Print [印刷] again.",
    "住所を補完できませんでした。住所を入力してください。":
      "The address could not be filled in. Please enter the address.",
    "受付を再開しました。手続きの途中だった方は、お手数ですが最初からやり直してください。入力された内容は消去されました。":
      "The kiosk has resumed. If you were in the middle of a procedure, please start again from the beginning. What you entered has been erased.",

    // app/_server/card/messages.ts
    "PIN番号（ピン番号）は電子証明書と合わせて、認証局が発行するものです。不明な点は認証局にお問い合わせください。":
      "The PIN is issued with the electronic certificate by the certificate authority [認証局]. If anything is unclear, please ask the certificate authority.",
    "ICカードをカードリーダーに差し込んでください。": "Please insert your IC card into the card reader.",
    "ICカードが取り出されました。ICカードをカードリーダーに差し込み直してください。":
      "The IC card was removed. Please insert it into the card reader again.",
    "カードリーダーが見つかりません。係員にお知らせください。":
      "No card reader was found. Please tell a member of staff.",
    "PIN番号が正しくありません。もう一度入力してください。": "The PIN is not correct. Please enter it again.",
    "PIN番号が正しくありません。入力できる残りの回数が少なくなっています。":
      "The PIN is not correct. Only a few tries are left.",
    "ICカードがロックされています。認証局にお問い合わせください。":
      "The IC card is locked. Please ask the certificate authority [認証局].",
    "PIN番号は4〜16桁の数字で入力してください。": "The PIN is 4 to 16 digits.",
    "このICカードは利用できません。電子入札に対応したICカードか、係員にご確認ください。":
      "This IC card cannot be used. Please ask a member of staff whether it is a card for electronic bidding.",
    "ICカードを読み取れませんでした。ICカードを差し込み直して、もう一度お試しください。":
      "The IC card could not be read. Please insert it again and try once more.",
    "ICカードの電子証明書を読み取れませんでした。ICカードを差し込み直して、もう一度お試しください。":
      "The electronic certificate on the IC card could not be read. Please insert it again and try once more.",
    "このICカードの電子証明書は、本システムで利用できる認証局が発行したものではありません。ICカードを発行した認証局にお問い合わせください。": `This IC card's electronic certificate was not issued by a certificate authority this system accepts. ${ASK_CA}`,
    "このICカードの電子証明書は電子入札に使用できる種類ではありません。ICカードを発行した認証局にお問い合わせください。": `This IC card's electronic certificate is not of a kind used for electronic bidding. ${ASK_CA}`,
    "ICカードによる本人確認ができませんでした。ICカードを差し込み直して、もう一度PIN番号を入力してください。":
      "The IC card could not confirm your identity. Please insert it again and enter your PIN again.",
    "PIN番号の確認に時間がかかりすぎました。もう一度PIN番号を入力してください。":
      "Checking the PIN took too long. Please enter your PIN again.",
    "この確認は既に使用されたか、無効です。もう一度PIN番号を入力してください。":
      "This check was already used or is no longer valid. Please enter your PIN again.",
    "このICカードの電子証明書は失効しているため、使用できません。ICカードを発行した認証局にお問い合わせください。": `This IC card's electronic certificate has been revoked and cannot be used. ${ASK_CA}`,
    "電子証明書の失効情報（CRL）の有効期限が切れているため、ICカードを確認できません。係員にお知らせください。": `The IC card cannot be checked because ${CRL} is out of date. Please tell a member of staff.`,
    "電子証明書の失効情報（CRL）が正しくないため、ICカードを確認できません。係員にお知らせください。": `The IC card cannot be checked because ${CRL} is not valid. Please tell a member of staff.`,
    "電子証明書の失効情報（CRL）を取得できなかったため、ICカードを確認できません。しばらくしてからもう一度お試しいただくか、係員にお知らせください。": `The IC card cannot be checked because ${CRL} could not be fetched. Please try again shortly, or tell a member of staff.`,
    "PIN番号が正しくありません。次に間違えるとICカードがロックされます（残り1回）。":
      "The PIN is not correct. One more wrong PIN locks the IC card (1 try left).",

    // the search (R11, R14, R15)
    "資格審査情報が登録されていません。": "No bidding qualification [資格審査情報] was found.",
    "正しい調達機関を選択しているか、工事・物品の選択が間違っていないかご確認ください。":
      "Check that you chose the right contracting agency, and construction [工事] or goods [物品] correctly.",
    "商号又は名称は正式な本社の名称を全角で入力してください（株式会社を（株）と省略せず、支店名等は入れません）。":
      "Enter the company name [商号又は名称] as the official name of the head office in full-width characters ([株式会社] not shortened to [（株）], no branch name).",
    "「商号又は名称」以外は、すべて半角英数字です。全角文字を入れると進めません。":
      "Everything except the company name [商号又は名称] is half-width letters and digits; full-width characters cannot be accepted.",
    "パスワードの大文字・小文字、数字の 0（ゼロ）と大文字の O（オー）、数字の 1（イチ）と小文字の l（エル）と大文字の I（アイ）を間違えていませんか。":
      "Check the password: upper and lower case, the digit 0 and the capital O, the digit 1, the small l and the capital I.",
    "パスワードの更新を行っていませんか。パスワードを更新した当日は利用者登録を行えません。":
      "Did you change your password today? On the day you change it, you cannot register.",
    "入力内容をご確認ください。": "Please check what you entered.",
    "このユーザIDの競争入札参加資格は失効しています。新しいユーザIDで登録してください。":
      "The bidding qualification of this User ID [ユーザID] has lapsed. Please register with your new User ID.",
    "入札参加資格を改めて申請し、交付された新しいユーザIDで登録してください。":
      "Apply for the bidding qualification again and register with the new User ID [ユーザID] you are given.",

    // the visit's start (R23, R32) and the server's own troubles
    "操作の有効期間が過ぎたか、手順が正しくありません。お手数ですが、はじめからやり直してください。":
      "The time for this step has passed, or the steps were out of order. Please start again from the beginning.",
    "この端末では、ただいま受付を行っていません。お手数ですが係員にお声がけください。":
      "This terminal is not accepting visitors now. Please ask a member of staff.",
    "前のご利用のICカードが差し込まれたままです。ICカードを一度取り出し、もう一度差し込んでから始めてください。":
      "An IC card from before is still in the reader. Please take it out and insert it again before you start.",
    "調達機関を選択してください。": "Please choose the contracting agency [調達機関].",
    "選択してください。": "Please make a choice.",
    "システムで問題が発生しました。お手数ですが係員にお声がけください。":
      "Something went wrong in the system. Please ask a member of staff.",
    "ただいまご利用いただけません。しばらくしてから、もう一度お試しください。":
      "Not available at the moment. Please try again shortly.",

    // 係員を呼ぶ
    "この端末からは係員を呼び出せません。お近くの係員にお声がけください。":
      "Staff cannot be called from this terminal. Please ask a member of staff nearby.",
    "画面の情報が正しくありません。": "The screen's details were not valid.",
  },
  patterns: [
    // a fault's answer with its 問い合わせ番号 (app/actions.ts, issue 12 item 3)
    [
      /^システムで問題が発生しました。お手数ですが係員にお声がけください。（問い合わせ番号: ([0-9A-F]+)）$/,
      (reference) =>
        `Something went wrong in the system. Please ask a member of staff (reference number [問い合わせ番号]: ${reference}).`,
    ],
    [/^問い合わせ番号: (\S+)$/, (reference) => `Reference number [問い合わせ番号]: ${reference}`],
    [
      /^PIN番号を(\d+)回続けて間違えたため、ICカードがロックされないよう、これ以上のPIN番号の入力はお受けできません。PIN通知書等でPIN番号をご確認いただくか、係員にお声がけください。$/,
      (n) =>
        `The PIN was wrong ${n} times in a row. To keep the IC card from locking, no more PINs can be accepted. Please check your PIN in the PIN notice [PIN通知書], or ask a member of staff.`,
    ],
    [
      /^PIN番号が正しくありません。残り (\d+) 回間違えるとICカードがロックされます。$/,
      (n) => `The PIN is not correct. ${n} more wrong PINs lock the IC card.`,
    ],
    [
      new RegExp(
        `^有効期限が切れたICカードは使用できません（有効期限：${DATE}）。新しいICカードを取得してから登録してください。$`,
      ),
      (y, m, d) =>
        `An expired IC card cannot be used (expired on ${englishDay(y!, m!, d!)}). Please get a new IC card, then register.`,
    ],
    [
      new RegExp(
        `^このICカードの電子証明書はまだ有効期間が始まっていません（${DATE}から有効）。有効期間が始まってから操作してください。$`,
      ),
      (y, m, d) =>
        `This IC card's electronic certificate is not valid yet (valid from ${englishDay(y!, m!, d!)}). Please come back once it is valid.`,
    ],
    [
      new RegExp(
        `^このICカードの有効期限は本日（${DATE}）までです。お早めに新しいICカードの取得をご検討ください。$`,
      ),
      (y, m, d) =>
        `This IC card expires today (${englishDay(y!, m!, d!)}). Please consider getting a new IC card soon.`,
    ],
    [
      new RegExp(
        `^このICカードの有効期限は残り(\\d+)日です（${DATE}まで）。お早めに新しいICカードの取得をご検討ください。$`,
      ),
      (n, y, m, d) =>
        `This IC card expires in ${n} days (on ${englishDay(y!, m!, d!)}). Please consider getting a new IC card soon.`,
    ],
    [
      /^資格審査情報が登録されていません。検索に(\d+)回失敗したため、受付を終了します。次の点をご確認のうえ、改めてお手続きください。$/,
      (n) =>
        `No bidding qualification [資格審査情報] was found. The search failed ${n} times, so this visit ends. Please check the points below before you try again.`,
    ],
    [
      /^検索の失敗が続いたため、しばらく検索できません。約(\d+)分後にもう一度お試しいただくか、係員にお声がけください。$/,
      (n) =>
        `The search failed several times in a row, so it is paused. Please try again in about ${n} minute${n === "1" ? "" : "s"}, or ask a member of staff.`,
    ],
    [
      /^新しいユーザID: (\d+)（入札参加資格の再申請で交付されたもの）$/,
      (id) => `New User ID [ユーザID]: ${id} (issued when the qualification was applied for again)`,
    ],
    [
      /^(.+)では物品等の電子入札を行っていません。$/,
      (agency) => `Goods [物品等] e-bidding is not offered by this agency [${agency}].`,
    ],
    // the closed screen (R23): 「平日 8:30〜20:00（土日祝日・年末年始を除く）」, 「11月27日(金) 8:30」
    [
      /^平日 (\d{1,2}:\d{2})〜(\d{1,2}:\d{2})（(土日祝日・年末年始|土日祝日)を除く）$/,
      (opens, closes, except) =>
        `Weekdays ${opens}–${closes} (except weekends, public holidays${except === "土日祝日" ? "" : " and the year-end holidays"})`,
    ],
    [
      /^(\d{1,2})月(\d{1,2})日\(([日月火水木金土])\) (\d{1,2}:\d{2})$/,
      (m, d, w, time) => `${WEEKDAYS[w!] ?? w} ${Number(d)} ${ENGLISH_MONTHS[Number(m) - 1] ?? m}, ${time}`,
    ],
  ],
};

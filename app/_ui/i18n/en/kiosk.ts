// The kiosk-level screens' own words (header, 1 調達機関・業務選択 to 4 利用者登録メニュー, 検索,
// PIN, 終了画面, ICカードをお取りください, closed / unavailable, the dialogs). The messages the
// server and the machines send to these screens are in kiosk-messages.ts.
import type { Catalog } from "./types";

export const KIOSK: Catalog = {
  messages: {
    // header and shell
    埼玉県: "Saitama Prefecture",
    電子入札共同システム: "Joint Electronic Bidding System",
    "CALS/EC 電子入札システム": "CALS/EC Electronic Bidding System",
    ログアウト: "Log out",
    "終了しています…": "Ending…",
    係員を呼ぶ: "Call staff",
    "係員をお呼びしました。そのままお待ちください。": "Staff have been called. Please wait here.",
    "係員を呼び出せませんでした。お近くの係員にお声がけください。":
      "Staff could not be called. Please ask a member of staff nearby.",
    係員用: "For staff",
    受付票の印刷: "Printing the receipt",
    "{year}年{month}月{day}日 {hour}時{minute}分": "{day} {month} {year} {hour}:{minute}",
    "一定時間操作がなかったため、手続きを終了しました。入力された内容は消去されました。":
      "The procedure ended because there was no activity for a while. What you entered has been erased.",

    // PIN keypad
    PIN番号: "PIN",
    "{n}桁入力済み": "{n} digits entered",
    PIN番号入力キー: "PIN keys",
    訂正: "Delete",
    クリア: "Clear",
    キャンセル: "Cancel",

    // 1 調達機関・業務選択
    "「調達機関・建設工事、設計・調査・測量、土木施設維持管理／物品等」選択画面（受注者用）":
      "Choose the contracting agency and the business kind (for bidders)",
    "調達機関を選択していずれかのボタンを押してください。":
      "Choose the contracting agency, then press one of the buttons.",
    調達機関: "Contracting agency [調達機関]",
    "建設工事、設計・調査・測量、土木施設維持管理":
      "Construction, design, survey and civil maintenance [建設工事、設計・調査・測量、土木施設維持管理]",
    物品等: "Goods [物品等]",
    工事: "Construction [工事]",
    物品: "Goods [物品]",
    "※注意": "* Please note",
    "「工事」「物品」両方の資格をお持ちの方は、それぞれ利用者登録を行う必要があります。":
      "If you hold both the construction [工事] and the goods [物品] qualification, register for each of them separately.",
    "申請自治体のいずれかひとつで登録を行えば、当日の夜間処理で他の申請自治体へ自動反映されます。このため、1回の登録作業で全ての申請自治体への登録が完了します。":
      "Registering at any one of the agencies you applied to is reflected to the others automatically by that night's processing, so one registration covers all of them.",
    "ICカード再取得時の登録操作の際に代表窓口情報の内容に変更が生じた場合は、利用者登録画面で変更するのではなく、一度登録した後に『変更』から変更する必要があります。":
      "If the representative contact [代表窓口情報] has changed when you register a newly issued IC card, do not change it on the registration screen: register first, then change it with Change [変更].",
    "更新申請で申請自治体を追加した場合は、追加した自治体に対してICカードの利用者登録を行う必要があります。なお、複数の自治体を追加した場合は、追加した自治体のいずれか一つで登録を行うと、翌日には他の追加した自治体へも自動的に反映されます。":
      "If you added agencies in a renewal application, register your IC card for an added agency. If you added several, registering at one of them is reflected to the other added agencies automatically by the next day.",
    "物品は、埼玉県と一部の自治体のみ「電子入札システム」に対応しています。":
      "Goods [物品] e-bidding is offered only by Saitama Prefecture and some municipalities.",

    // 2 利用者登録／電子入札選択
    "利用者登録／電子入札選択": "User registration or electronic bidding",
    "この画面から利用者登録機能に進みます。": "From this screen you go on to user registration.",
    利用者登録: "User registration [利用者登録]",
    電子入札: "Electronic bidding [電子入札]",
    "この端末では電子入札はご利用いただけません。電子入札は、御社のパソコンから「電子入札システム」に入って操作してください。":
      "Electronic bidding is not available at this terminal. Please bid from your company's own computer through the Electronic Bidding System.",

    // 3 受注者トップ
    "利用者登録（受注者）": "User registration (bidders)",
    "日付時刻が表示されたことを確認し、「利用者登録処理」ボタンを押してください。":
      "When the date and time are shown, press the Start user registration [利用者登録処理] button.",
    利用者登録処理: "Start user registration [利用者登録処理]",
    "日付時刻を表示しています…": "Showing the date and time…",

    // 4 利用者登録メニュー
    利用者登録メニュー: "User registration menu",
    "［複数の調達機関（団体）に参加希望している場合］":
      "[If you wish to take part with several contracting agencies]",
    "［登録］［変更］［ICカード更新］については、いずれかの団体で登録すると、その他の団体に自動反映されます。":
      "Register [登録], Change [変更] and IC card renewal [ICカード更新] done at any one agency are reflected to the other agencies automatically.",
    "すぐに他の団体にも反映させる場合は、該当の団体を選択して実施してください。":
      "To have it take effect at another agency at once, choose that agency and do it there as well.",
    登録: "Register [登録]",
    変更: "Change [変更]",
    ICカード更新: "IC card renewal [ICカード更新]",
    "新規取得したICカードの登録、有効期限切れ後のICカード更新、参加希望団体の追加、など":
      "Registering a newly issued IC card, a new IC card after the old one expired, adding an agency, and so on",
    "※複数の団体に参加している場合、その他の団体にも翌日自動反映されます。":
      "* If you take part with several agencies, it is reflected to the others automatically the next day.",
    "営業所や担当部署の住所・電話番号・電子メールアドレスの変更":
      "Changing the address, telephone number or email address of an office or department",
    "※複数の団体に参加している場合、その他の団体に自動反映させるかどうかを選択できます。":
      "* If you take part with several agencies, you can choose whether it is reflected to the others automatically.",
    "※通常は使用しない機能です。": "* Normally not used.",
    項目説明: "About the options",
    "使用するICカードを「電子入札システム」に登録する機能です。":
      "Registers the IC card you will use with the Electronic Bidding System.",
    "初めてICカードを取得したとき、名義人の変更などでICカードを再取得したとき、ICカードの有効期限切れ後に再取得したとき、契約権限の移譲等でユーザIDが新しくなり、ICカードを再取得したとき、競争参加資格の失効でユーザIDが新しくなったとき等に使用します。":
      "Use it for your first IC card; for a new IC card after a change of holder or after the old one expired; when a transfer of contract authority gave you a new User ID [ユーザID] and a new IC card; or when a lapsed qualification gave you a new User ID [ユーザID].",
    "使用するICカードの利用者登録情報を修正する機能です。":
      "Corrects the user registration details of the IC card you use.",
    "既に登録されている利用者登録情報の担当者が交代したとき、電子メールアドレスが変わったとき等に使用します。":
      "Use it when the person in charge or the email address in a registration has changed.",
    "複数の自治体に申請がある場合、他の自治体に変更を自動反映させるかどうかを選択できます。":
      "If you applied to several agencies, you can choose whether the change is reflected to the others automatically.",
    "使用中のICカードを別のICカードに変更できます。":
      "Moves your registration from the IC card in use to another IC card.",
    "名義人、住所等の企業情報、ユーザIDに変更がなく、有効期限切れとなる前にICカードの更新をする時に使用します。":
      "Use it to replace an IC card before it expires, when the holder, the company details (address and so on) and the User ID [ユーザID] stay the same.",
    "更新後は旧ICカードを使用できなくなります。": "After the renewal the old IC card can no longer be used.",
    "複数の自治体に申請がある場合、他の自治体に更新を自動反映させるかどうかを選択できます。":
      "If you applied to several agencies, you can choose whether the renewal is reflected to the others automatically.",

    // 競争入札参加資格審査情報検索
    競争入札参加資格審査情報検索: "Search for your bidding qualification [競争入札参加資格審査情報検索]",
    "調達機関 : {agency}（{kind}）": "Contracting agency [調達機関]: {agency} ({kind})",
    "競争入札参加資格審査情報の検索を行います。下記項目を入力し、「検索」ボタンを押してください。":
      "Enter the items below to find your bidding qualification, then press Search [検索].",
    商号又は名称: "Company name [商号又は名称]",
    ユーザID: "User ID [ユーザID]",
    パスワード: "Password [パスワード]",
    "（※）": "(required)",
    "（{note}）": "({note})",
    "検索しています…": "Searching…",
    検索: "Search [検索]",
    戻る: "Back",
    "【ユーザIDについて】": "About the User ID [ユーザID]",
    "【電子証明書とユーザIDの関係に御注意ください。】":
      "Take care which User ID [ユーザID] you register your electronic certificate to.",
    "※ICカードが使用できなくなる例：{example}": "* An example where the IC card becomes unusable: {example}",
    "※不明な点がある場合は、そのまま操作を進めず、ヘルプデスクに連絡して確認してください":
      "* If anything is unclear, do not go on: ask the help desk first.",
    "【項目詳細（{kind}等）】": "Field details ({kind})",
    "〇〇株式会社のように入力し、支店名等は入力しないでください。正式な名称を全角で入力し、株式会社を（株）と省略しないでください。":
      "Enter it like [〇〇株式会社], without a branch name: the official name in full-width characters, with [株式会社] not shortened to [（株）].",
    半角数字10文字: "10 half-width digits",
    "半角英数字8文字（大文字・小文字を区別します）": "8 half-width letters or digits (case-sensitive)",
    "工事等の場合は、競争入札参加資格申請で交付されたものを入力してください。":
      "For construction [工事等], enter the one issued with your bidding qualification application.",
    "物品等の場合は、新規申請した際の受付票に記載されています。":
      "For goods [物品等], it is on the receipt [受付票] of your first application.",
    "利用者登録する際には、ICカードの名義人に対応するユーザIDを十分にお確かめの上、作業をお願いします。":
      "Before registering, make sure the User ID [ユーザID] belongs to the holder of the IC card.",
    "1枚のICカードは、1つのユーザIDのみ登録できます。いったん利用者登録をしたICカードは、他のユーザIDに利用者登録ができなくなりますので、御注意ください。":
      "One IC card can be registered to one User ID [ユーザID] only. Once registered, it can never be registered to another User ID.",
    "契約権限の移譲等でユーザIDが新しくなった場合は、移譲先のユーザIDを使用して登録するよう、特に注意してください。ユーザIDを誤って登録するとICカードが使用できなくなります。":
      "If a transfer of contract authority gave you a new User ID [ユーザID], be sure to register with the new one. Registering the wrong User ID makes the IC card unusable.",
    "正しい調達機関を選択しているか、または工事・物品の選択は間違っていないかご確認ください。":
      "Check that you chose the right contracting agency, and construction [工事] or goods [物品] correctly.",
    "正しい情報を入力しているかご確認ください。「商号又は名称」以外は、すべて半角英数字です。全角文字を入れると進めません。":
      "Check what you entered. Everything except the company name [商号又は名称] is half-width letters and digits; full-width characters cannot be accepted.",
    "パスワードの入力は間違えていませんか。（大文字・小文字、数字の 0（ゼロ）と大文字の O（オー）、数字の 1（イチ）と小文字の l（エル）と大文字の I（アイ）の間違いは大丈夫ですか）":
      "Check the password: upper and lower case, the digit 0 and the capital O, the digit 1, the small l and the capital I.",
    "パスワードの更新は行っていませんか。パスワードの更新を行うと、更新した当日は利用者登録は行えません。":
      "Did you change your password today? On the day you change it, you cannot register.",
    "正式な本社の名称を全角で入力してください。株式会社を（株）と省略しないでください。支店名等は入力しないでください。":
      "Enter the official name of the head office in full-width characters, with [株式会社] not shortened to [（株）], and without a branch name.",
    "自治体から配布されたユーザID（10桁の半角数字）を入力してください。IDがわからない場合は、埼玉県入札審査課のホームページから「ユーザID・パスワード再交付申請書」をダウンロードし、押印の上「代表者印の印鑑証明（原本）」と併せて埼玉県入札審査課に提出してください。（詳細は埼玉県入札審査課 審査担当にお問い合わせください。）":
      "Enter the User ID [ユーザID] (10 half-width digits) the agency gave you. If you do not know it, download the reissue form [ユーザID・パスワード再交付申請書] from the website of the Saitama Prefecture bidding review division [埼玉県入札審査課], stamp it and send it there with the original certificate of the representative's seal [代表者印の印鑑証明（原本）]. (For details, ask that division's review staff.)",
    "8文字の半角英数字です。上記のユーザIDと同時にお知らせしています。パスワードがわからない場合は、「競争入札参加資格申請受付システム」より再発行を行ってください。システムでの再発行ができない場合、埼玉県入札審査課のホームページから「ユーザID・パスワード再交付申請書」をダウンロードし、押印の上「代表者印の印鑑証明（原本）」と併せて埼玉県入札審査課に提出してください。（詳細は埼玉県入札審査課 審査担当にお問い合わせください。）":
      "8 half-width letters or digits, sent to you with the User ID [ユーザID]. If you do not know it, have it reissued in the qualification application system [競争入札参加資格申請受付システム]. If that is not possible, download the reissue form [ユーザID・パスワード再交付申請書] from the website of the Saitama Prefecture bidding review division [埼玉県入札審査課], stamp it and send it there with the original certificate of the representative's seal [代表者印の印鑑証明（原本）]. (For details, ask that division's review staff.)",
    "正式な名称を全角で入力してください。株式会社を（株）と省略しないでください。":
      "Enter the official name in full-width characters, with [株式会社] not shortened to [（株）].",
    "10桁の半角数字で、登録申請した際の受付票に記載されています。わからない場合、入札審査課に御照会ください。":
      "10 half-width digits, on the receipt [受付票] of your application. If you do not know it, ask the bidding review division [入札審査課].",
    "8文字の半角英数字です。物品の場合、パスワードは新規申請時に申請者の方に入力していただいています。もしわからなくなった場合は、「競争入札参加資格申請受付システム」より再発行を行ってください。システムでの再発行ができない場合、埼玉県入札審査課のホームページから「パスワード再交付申請書」をダウンロードし、押印の上提出してください。（詳細は埼玉県入札審査課 審査担当にお問い合わせください。）":
      "8 half-width letters or digits. For goods [物品], the applicant chose the password in the first application. If you do not know it, have it reissued in the qualification application system [競争入札参加資格申請受付システム]. If that is not possible, download the reissue form [パスワード再交付申請書] from the website of the Saitama Prefecture bidding review division [埼玉県入札審査課], stamp it and send it in. (For details, ask that division's review staff.)",
    "A支店の契約権限を新設されたB支店に移譲し、A支店を抹消する場合":
      "branch A transfers its contract authority to a new branch B and branch A is closed",
    受付を終了します: "This visit ends here",
    "ユーザID・パスワードが分からない場合は、係員にお声がけください。":
      "If you do not know your User ID [ユーザID] or password [パスワード], please ask a member of staff.",
    終了する: "Finish",

    // PIN番号入力
    ICカードをカードリーダーに差し込んでください: "Please insert your IC card into the card reader",
    "ICカードの内容を確認しています。ICカードを抜かずにお待ちください…":
      "Reading the IC card. Please wait and do not remove it…",
    "ご注意ください：次にPIN番号を間違えるとICカードがロックされ、このICカードは使用できなくなります。":
      "Caution: one more wrong PIN locks the IC card, and it can no longer be used.",
    "ICカードを確認しています。ICカードを抜かずにお待ちください…":
      "Checking the IC card. Please wait and do not remove it…",
    "PIN番号を入力してください。": "Please enter your PIN.",
    "残り入力回数：{n}回": "Tries left: {n}",
    "【PIN 番号】": "About the PIN [PIN番号]",
    "PIN 番号（ピン番号）は電子証明書と合わせて、認証局が発行するものです。不明な点は認証局にお問い合わせください。":
      "The PIN is issued with the electronic certificate by the certificate authority [認証局]. If anything is unclear, please ask the certificate authority.",

    // 終了画面
    終了画面: "End",
    "ご利用ありがとうございました。": "Thank you.",
    "お手続きは完了しました。": "Your procedure is complete.",
    "お手続きは完了していません。入力された内容は消去されました。":
      "Your procedure was not completed. What you entered has been erased.",
    "ICカードが取り出されたため、手続きを中止しました。":
      "The procedure was stopped because the IC card was removed.",
    "お手続きは完了していません。入力された内容は消去されました。最初からやり直してください。":
      "Your procedure was not completed. What you entered has been erased. Please start again from the beginning.",
    "一定時間操作がなかったため、手続きを中止しました。":
      "The procedure was stopped because there was no activity for a while.",
    "一定時間操作がなかったため、終了しました。":
      "The visit ended because there was no activity for a while.",
    "お手続きは完了しています。": "Your procedure had been completed.",
    "競争入札参加資格審査情報の検索に続けて失敗したため、手続きを終了しました。":
      "The procedure ended because the search for your bidding qualification failed several times in a row.",
    "まもなく最初の画面に戻ります。": "The first screen will be back shortly.",

    // ICカードをお取りください
    ICカードをお取りください: "Please take your IC card",
    "ICカードがカードリーダーに差し込まれたままです。ICカードをお取りください。":
      "Your IC card is still in the card reader. Please take your IC card.",
    "ICカードの取り忘れにご注意ください。ICカードを取り出すと、終了画面に進みます。":
      "Please do not leave your IC card behind. Once you take it out, the end screen follows.",
    カードリーダー: "Card reader",

    // closed, no reader, unavailable
    "受付準備中です。": "The kiosk is not open yet.",
    "係員にお声がけください。": "Please ask a member of staff.",
    "受付時間: {hours}": "Opening hours: {hours}",
    ただいま受付時間外です: "The kiosk is closed now",
    "本日は受付を行っていません。": "The kiosk is closed today.",
    "次の受付開始: {time}": "Opens next: {time}",
    この端末にはICカードリーダーがありません: "This terminal has no IC card reader",
    "利用者登録は、カードリーダーのある端末で行ってください。":
      "Please register at a terminal with a card reader.",
    職員コンソールへ: "To the staff console",
    ただいまご利用いただけません: "Not available at the moment",
    "システムに接続できないため、受付を一時停止しています。手続きの途中だった内容は登録されていません。":
      "The kiosk has paused because it cannot reach the system. Nothing of an unfinished procedure has been registered.",
    "しばらくしてから自動で再開します。お急ぎの場合は係員にお声がけください。":
      "It will resume by itself shortly. If you are in a hurry, please ask a member of staff.",

    // dialogs
    操作がありません: "Are you still there?",
    "このまま操作がない場合、あと": "With no activity, in",
    "秒で手続きを終了し、入力された内容を消去します。":
      "seconds the procedure ends and what you entered is erased.",
    "続ける場合は「操作を続ける」を押してください。": "To go on, press Continue.",
    操作を続ける: "Continue",
    "ログアウトしますか？": "Log out?",
    "ログアウトすると、入力中の内容は消去されます。": "Logging out erases what you have entered.",
  },
  patterns: [],
};

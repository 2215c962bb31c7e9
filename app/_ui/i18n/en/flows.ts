// The flows' own words (登録, 変更, ICカード更新): forms, confirms, results, the holder warning, the
// card swap. Field labels keep the manual's term: the bidder copies them from paper forms. The
// server's messages these screens show are in flow-messages.ts.
import type { Catalog } from "./types";

const STEPS = {
  PIN入力: "PIN",
  資格情報検索: "Qualification search",
  入力: "Enter details",
  確認: "Confirm",
  完了: "Done",
  注意事項: "Before you start",
  旧ICカード: "Card in use",
  新ICカード: "New card",
  更新内容確認: "Check renewal",
  手続きの進み具合: "Progress",
  "完了：": "Done: ",
};

const LABELS = {
  // 業務区分 (app/_shared/kinds.ts)
  工事: "Construction [工事]",
  物品: "Goods [物品]",
  // 企業情報 (app/_shared/rows.ts companyRows)
  業者名: "Company name [業者名]",
  企業郵便番号: "Company postal code [企業郵便番号]",
  企業住所: "Company address [企業住所]",
  代表者等氏名: "Representative's name [代表者等氏名]",
  代表者等役職: "Representative's title [代表者等役職]",
  代表者等電話番号: "Representative's phone number [代表者等電話番号]",
  代表者等FAX番号: "Representative's fax number [代表者等FAX番号]",
  部署名: "Department [部署名]",
  // the contact fields (ContactBlock, contactRows)
  "連絡先名称(部署名等)": "Contact name (department etc.) [連絡先名称(部署名等)]",
  連絡先郵便番号: "Postal code [連絡先郵便番号]",
  連絡先住所: "Address [連絡先住所]",
  連絡先氏名: "Contact person [連絡先氏名]",
  連絡先電話番号: "Phone number [連絡先電話番号]",
  連絡先FAX番号: "Fax number [連絡先FAX番号]",
  連絡先メールアドレス: "Email address [連絡先メールアドレス]",
  "連絡先メールアドレス(確認用)": "Email address, again to confirm [連絡先メールアドレス(確認用)]",
  "例：330-0063（入力すると住所を補完します）": "e.g. 330-0063 (the address is filled in from it)",
  "例：048-000-0000": "e.g. 048-000-0000",
  "任意。例：048-000-0001": "Optional. e.g. 048-000-0001",
  "確認のため、もう一度入力してください。": "Please enter it once more to confirm.",
  "（※）": "(required)",
  "（なし）": "(none)",
  // the card (cardHolderRows, certificateRows, CardFacts)
  ICカード企業名称: "Company name on the IC card [ICカード企業名称]",
  ICカード取得者氏名: "IC card holder's name [ICカード取得者氏名]",
  ICカード取得者住所: "IC card holder's address [ICカード取得者住所]",
  証明書シリアル番号: "Certificate serial number [証明書シリアル番号]",
  証明書発行者: "Certificate issuer [証明書発行者]",
  証明書有効期限: "Certificate expiry date [証明書有効期限]",
  "（10進）": " (decimal)",
  "／ ": " / ",
  "（16進）": " (hex)",
  " (10進) / ": " (decimal) / ",
  " (16進)": " (hex)",
  差し込まれたICカード: "The inserted IC card",
  ユーザID: "User ID [ユーザID]",
  "、": ", ",
};

const FORMS = {
  利用者登録: "User registration [利用者登録]",
  利用者変更: "Change user information [利用者変更]",
  企業情報: "Company information [企業情報]",
  代表窓口情報: "Main contact [代表窓口情報]",
  ICカード利用部署情報: "Department using the IC card [ICカード利用部署情報]",
  ICカード情報: "IC card information [ICカード情報]",
  "入力内容に誤りがあります。各項目のメッセージを確認してください。":
    "Some entries are not correct. Please check the message at each field.",
  代表窓口情報と同じ: "Same as the main contact [代表窓口情報と同じ]",
  入力内容確認: "Check entries [入力内容確認]",
  戻る: "Back",
  "郵便番号から住所を入力しました。番地等を続けて入力してください。":
    "The address was filled in from the postal code. Please add the street number etc.",
  "変更する項目を修正し、「入力内容確認」ボタンを押してください。":
    "Correct the items you want to change, then press Check entries [入力内容確認].",
  "代表窓口情報は、このユーザIDで登録されているすべてのICカードに共通です。変更すると、すべてのICカードの代表窓口情報が変わります。":
    "The main contact [代表窓口情報] is shared by every IC card registered to this user ID. Changing it changes the main contact of all those IC cards.",
  "ICカード利用部署情報は、このICカードだけの情報です。複数枚のICカードに登録されている場合は、ICカードごとに変更してください。":
    "The department information [ICカード利用部署情報] belongs to this IC card only. If several IC cards are registered, change it for each IC card.",
  // the manual's notes on 利用者登録 (formText.ts)
  "企業情報（入札、見積等に関する権限を委任している場合は、委任先の情報）が表示されます。":
    "Your company information is shown (if you have delegated the authority for bids, quotations etc., the delegate's information).",
  "代表者や住所の変更等で証明書を再取得した場合、競争参加資格の審査が終了するまでは以前の情報が表示されます。「審査済」になると自動的に更新されるので、そのまま登録していただいて構いません。審査が終了するまでの間は、「埼玉県」の案件に関しては新しい証明書での入札参加ができます。市町村の案件に関しては、事前に各市町村に確認してください。":
    "If you obtained a new certificate because of a change of representative, address etc., the previous information is shown until the qualification review is finished. It is updated automatically once reviewed [審査済], so you may register as it is. Until then, you can bid with the new certificate on Saitama Prefecture [埼玉県] cases. For cases of cities, towns and villages, please check with each of them beforehand.",
  "このメールアドレスに指名をお知らせするメールが送られます。":
    "Emails announcing a nomination [指名] are sent to this email address.",
  "初めに利用者登録を行う場合のみ、代表窓口情報を入力します。証明書を再度取得して「登録」の操作を行なう際に代表窓口情報の内容に変更が生じた場合は、一度登録を行った後に『変更』ボタンより変更してください。":
    "Enter the main contact only at your first user registration. If the main contact has changed when you register a newly obtained certificate, register first, then change it with the Change [変更] button.",
  "このユーザIDの代表窓口情報は登録済みのため、ここでは変更できません。内容に変更がある場合は、一度登録を行った後に『変更』ボタンより変更してください。":
    "The main contact of this user ID is already registered and cannot be changed here. If it has changed, register first, then change it with the Change [変更] button.",
  "このメールアドレスに利用者登録時の連絡メール、落札時の連絡メール等が送られます。":
    "Emails about the user registration, a winning bid [落札] and more are sent to this email address.",
  "部署が無い場合は会社名等でも問題ありません。": "If there is no department, the company name etc. is fine.",
  "メールアドレスの確認を必ず行ってください！": "Please be sure to check the email address!",
  "※実際に連絡が取れる連絡先を入力してください。「企業情報」「代表窓口情報」「ICカード利用部署情報」は同じ連絡先を入力頂いてもかまいません。なお、同一の業者ID（ユーザID）で複数枚のICカードを登録する場合、「企業情報」「代表窓口情報」はすべての証明書で同一の内容になります。":
    "* Please enter contacts that can actually be reached. The company information [企業情報], main contact [代表窓口情報] and department information [ICカード利用部署情報] may be the same contact. When several IC cards are registered with one user ID [業者ID（ユーザID）], the company information and main contact are the same for all of their certificates.",
};

const CONFIRMS = {
  登録内容確認: "Check your registration [登録内容確認]",
  変更内容確認: "Check your changes [変更内容確認]",
  電子証明書更新確認: "Check the renewal [電子証明書更新確認]",
  登録: "Register [登録]",
  変更: "Change [変更]",
  更新: "Renew [更新]",
  この内容でよろしければ登録ボタンを押してください: "If everything is correct, please press Register [登録].",
  この内容でよろしければ変更ボタンを押してください: "If everything is correct, please press Change [変更].",
  この内容でよろしければ更新ボタンを押してください: "If everything is correct, please press Renew [更新].",
  "登録しています。ICカードを抜かずにお待ちください…":
    "Registering. Please wait and do not take out the IC card…",
  "変更しています。ICカードを抜かずにお待ちください…":
    "Changing. Please wait and do not take out the IC card…",
  "更新しています。ICカードを抜かずにお待ちください…":
    "Renewing. Please wait and do not take out the IC card…",
  "選択されている調達機関名：{name}": "Selected contracting agency [調達機関]: {name}",
  他の調達機関にも変更を自動反映する: "Apply the change to the other contracting agencies as well",
  "他の申請自治体：{names}": "Other agencies applied to [他の申請自治体]: {names}",
  "チェックをつけると、翌日、他の調達機関にも反映されます（当日の夜間処理）。":
    "If ticked, the other contracting agencies are updated by the next day (in tonight's batch).",
  "このユーザIDで申請している調達機関は、選択されている調達機関のみです。":
    "This user ID has applied to the selected contracting agency only.",
  "現在使用しているICカードの情報と、新規使用するICカードの情報が表示されます。内容確認後、ICカードの更新を行います。":
    "The IC card in use and the new IC card are shown. After checking them, renew the IC card.",
  現在使用しているICカード: "IC card in use [現在使用しているICカード]",
  新規に使用するICカード: "New IC card [新規に使用するICカード]",
  "証明書シリアル番号はICカードのシリアル番号ではありません。":
    "The certificate serial number is not the serial number of the IC card.",
  "自動的に入ってくる情報なので気にされる必要はありません。":
    "It is filled in automatically; you need not worry about it.",
  "新規に使用するICカードの企業名称とICカード企業名称が御社の企業名称であることを確認してください。":
    "Please check that the company name and the company name on the IC card [ICカード企業名称] of the new IC card are your company's name.",
  "全ての申請自治体に更新を反映させる場合はチェックをつけます。":
    "Tick the box to apply the renewal to all the agencies you applied to.",
  "※『ICカード更新』を行うと、旧カードは使用できなくなります。更新を行わない時は、戻るボタンを押下した後、ICカードの更新をやり直してください。":
    "* After IC card renewal [ICカード更新], the old card can no longer be used. If you do not renew now, press Back and start the IC card renewal again later.",
};

const AFTER_USE_NOTE = (what: string) =>
  `* If you use the Electronic Bidding System [電子入札システム] right after ${what}, please first close all its screens, then open the Electronic Bidding System again.`;

const RESULTS = {
  利用者情報登録結果: "Registration result [利用者情報登録結果]",
  "利用者登録が完了しました。": "Your user registration is complete.",
  "登録完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{email}）あてに送信します。":
    "A registration notice will be emailed to the department's email address [ICカード利用部署情報] ({email}).",
  "登録完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。":
    "A registration notice will be emailed to the department's email address [ICカード利用部署情報].",
  "※利用者登録完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。":
    AFTER_USE_NOTE("registering"),
  "※登録完了後に登録内容を確認したい場合は利用者登録メニューで「変更」を選択してください。":
    "* To see what you registered, choose Change [変更] on the user registration menu [利用者登録メニュー].",
  利用者情報変更結果: "Change result [利用者情報変更結果]",
  "利用者情報の変更が完了しました。": "Your user information has been changed.",
  "変更完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{email}）あてに送信します。":
    "A change notice will be emailed to the department's email address [ICカード利用部署情報] ({email}).",
  "変更完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。":
    "A change notice will be emailed to the department's email address [ICカード利用部署情報].",
  "※変更完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。":
    AFTER_USE_NOTE("the change"),
  電子証明書更新結果: "Renewal result [電子証明書更新結果]",
  "ICカードの更新が完了しました。": "Your IC card renewal is complete.",
  "これまで使用していたICカード（旧カード）は、使用できなくなりました。今後は新しいICカードをご使用ください。":
    "The IC card you used until now (the old card) can no longer be used. From now on, please use the new IC card.",
  "更新完了のお知らせメールを、ICカード利用部署情報のメールアドレス（{email}）あてに送信します。":
    "A renewal notice will be emailed to the department's email address [ICカード利用部署情報] ({email}).",
  "更新完了のお知らせメールを、ICカード利用部署情報のメールアドレスあてに送信します。":
    "A renewal notice will be emailed to the department's email address [ICカード利用部署情報].",
  "※更新完了後、すぐに「電子入札システム」をご利用される場合は、一度全ての画面を閉じてから、「電子入札システム」に入り直してください。":
    AFTER_USE_NOTE("the renewal"),
  "{agency}：反映済みです（ただいまの操作で更新しました）。": "{agency}: updated now, by this operation.",
  "{agencies}：本日の夜間処理で自動反映されます（翌日から反映後の内容になります）。":
    "{agencies}: updated automatically in tonight's batch (the new details apply from tomorrow).",
  "他の調達機関には反映しません。": "Not applied to the other contracting agencies.",
  // the receipt (ReceiptActions)
  "ICカードが取り出されました。お手続きは完了しています。受付票を印刷するか受付番号を控えてから、ログアウトしてください。":
    "The IC card was taken out. Your procedure is complete. Please print the receipt [受付票] or note the receipt number [受付番号], then log out.",
  受付番号: "Receipt number [受付番号]",
  "※必ず画面の印刷を行ってください。": "* Please be sure to print.",
  "印刷中…": "Printing…",
  "印刷しました。受付票をお受け取りください。": "Printed. Please take your receipt [受付票].",
  "印刷できませんでした。": "Could not print.",
  印刷: "Print",
  再印刷: "Print again",
  "受付票（PDF）を開く": "Open the receipt (PDF)",
  受付番号を控える: "Note the receipt number",
  ログアウト: "Log out",
  "印刷できない場合は、この受付番号を控えてください。係員が受付票を再印刷できます。":
    "If you cannot print, please note this receipt number. Staff can print the receipt again.",
  閉じる: "Close",
  "受付票（PDF）": "Receipt [受付票] (PDF)",
  "受付票 {number}": "Receipt {number}",
};

const RENEWAL = {
  ICカード更新: "IC card renewal [ICカード更新]",
  "［ICカード更新］は、保有しているICカードの有効期限満了に備えて、事前に新しいICカードを取得し、利用者情報を引き継ぐ操作ですが、以下の条件では、正しく更新できません。［登録］ボタン（または［変更］ボタン）で操作してください。":
    "IC card renewal [ICカード更新] moves your user information to a new IC card obtained before your current card expires, but it cannot renew correctly in the cases below. Please use the Register [登録] button (or the Change [変更] button) instead.",
  "競争入札参加資格者の更新漏れのため、新規申請をした場合":
    "You applied anew because the bidding qualification [競争入札参加資格] was not renewed in time",
  "営業所等の新設・統廃合により、権限委譲をおこなった場合":
    "Authority was delegated because offices were opened, merged or closed",
  これまで使用していたICカードの有効期限がきれている場合: "The IC card you used until now has expired",
  "契約権限の移譲、会社の合併、入札参加資格の失効等で業者番号（ユーザ ID）が新しいものになった場合は、『ICカード更新』ではなく、『登録』より新しい業者番号（ユーザ ID）を使用して登録の操作を行ってください。":
    "If your company number (user ID) [業者番号（ユーザID）] has changed — by a transfer of contract authority, a merger, a lapsed bidding qualification etc. — do not use IC card renewal [ICカード更新]: register with the new company number (user ID) from Register [登録].",
  "間違ってICカード更新をすると、失効したユーザ IDのままICカード情報が登録（更新）されてしまい、新しいICカードも使用できなくなるので注意が必要です。":
    "Take care: a renewal by mistake registers the IC card information to the lapsed user ID, and the new IC card cannot be used either.",
  "企業情報が変更になりICカードを取得し直した場合は、登録ボタンで登録してください。":
    "If your company information changed and you obtained a new IC card, register it with the Register [登録] button.",
  "ICカードの有効期限が切れている場合、認証局が異なる場合は登録ボタンで登録してください。":
    "If the IC card has expired, or the certificate authority differs, register with the Register [登録] button.",
  "『ICカード更新』を行うと、旧カードは使用できなくなります。":
    "After IC card renewal [ICカード更新], the old card can no longer be used.",
  "どちらの操作がよいかよくわからないときは、ICカード更新ではなく、「登録」で操作することをお勧めします。":
    "If you are not sure which to use, we recommend Register [登録] rather than IC card renewal [ICカード更新].",
  "よろしければ「OK」を押し、現在使用しているICカードと新しいICカードを用意してください。":
    "If you are ready, press OK and have both your current IC card and your new IC card at hand.",
  // the PIN steps' titles and the swap (PinStep, Swap)
  PIN番号入力: "Enter PIN [PIN番号入力]",
  古いICカードの確認: "Check the IC card in use",
  現在使用しているICカードをカードリーダーに差し込んでください:
    "Please insert the IC card you use now into the card reader.",
  新しいICカードの確認: "Check the new IC card",
  新しく取得したICカードをカードリーダーに差し込んでください:
    "Please insert your newly obtained IC card into the card reader.",
  "現在使用しているICカードを取り出し、新しいICカードを差し込んでください":
    "Please take out the IC card in use and insert the new IC card.",
  現在使用しているICカードを取り出す: "Take out the IC card in use",
  新しく取得したICカードを差し込む: "Insert the newly obtained IC card",
  "現在使用しているICカードの確認は終わりました。新しいICカードを差し込むと、PIN番号の入力に進みます。":
    "The IC card in use has been checked. Insert the new IC card to go on to its PIN.",
  "新しいICカードを「登録」します": "Register [登録] the new IC card",
  "有効期限が切れたICカードを取り出し、新しく取得したICカードを差し込んでください":
    "Please take out the expired IC card and insert the newly obtained IC card.",
  有効期限が切れたICカードを取り出す: "Take out the expired IC card",
  "有効期限が切れたICカードは、ICカード更新にも登録にも使用できません。新しいICカードを差し込むと、「登録」のPIN番号の入力に進みます。":
    "An expired IC card can be used neither for IC card renewal [ICカード更新] nor for Register [登録]. Insert the new IC card to go on to the PIN of Register [登録].",
  キャンセル: "Cancel",
  "処理中です。しばらくお待ちください…": "Processing. Please wait…",
};

export const FLOWS: Catalog = {
  messages: { ...STEPS, ...LABELS, ...FORMS, ...CONFIRMS, ...RESULTS, ...RENEWAL },
  patterns: [],
};

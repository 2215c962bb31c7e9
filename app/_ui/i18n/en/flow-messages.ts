// The server's messages the flow screens show (登録, 変更, ICカード更新): refusals and their hints,
// field errors of the schemas and the text policy, the postal lookup, the other tab's answer. They
// stay Japanese on the wire; the screens translate them. The screens' own words are in flows.ts.
import { englishDay } from "@/app/_shared/english-date";
import type { Catalog } from "./types";
/** The contact fields' names in the schema's messages (app/_shared/schemas.ts `text` / `phone`). */
const FIELD_NAMES: Record<string, string> = {
  "連絡先名称(部署名等)": "the contact name (department etc.) [連絡先名称(部署名等)]",
  住所: "the address [住所]",
  氏名: "the contact person's name [氏名]",
  電話番号: "the phone number [電話番号]",
  FAX番号: "the fax number [FAX番号]",
};
const FIELD = `(${Object.keys(FIELD_NAMES)
  .map((k) => k.replace(/[()]/g, "\\$&"))
  .join("|")})`;
const field = (ja: string) => FIELD_NAMES[ja] ?? ja;

/** Every kiosk field the text policy names (app/_shared/text-policy.ts, issue 12 item 2). */
const TYPED_NAMES: Record<string, string> = {
  ...FIELD_NAMES,
  郵便番号: "the postal code [郵便番号]",
  メールアドレス: "the email address [メールアドレス]",
  確認用のメールアドレス: "the email address to confirm [確認用のメールアドレス]",
  商号又は名称: "the trade name [商号又は名称]",
  ユーザID: "the user ID [ユーザID]",
  パスワード: "the password [パスワード]",
};
const TYPED = `(${Object.keys(TYPED_NAMES)
  .map((k) => k.replace(/[()]/g, "\\$&"))
  .join("|")})`;
const typed = (ja: string) => TYPED_NAMES[ja] ?? ja;
const REFUSED_CHARACTERS: Record<string, string> = {
  制御文字: "control characters",
  文字の向きを変える制御文字: "characters that change the text's direction",
  目に見えない文字: "invisible characters",
  不正な文字コード: "broken character codes",
};
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const REFUSALS = {
  処理を続けることができません: "The procedure cannot go on",
  既に登録されています: "Already registered [既に登録されています]",
  ICカードがロックされています: "The IC card is locked",
  ICカードの有効期限が切れています: "The IC card has expired",
  ICカードの有効期間が始まっていません: "The IC card is not valid yet",
  このICカードは使用できません: "This IC card cannot be used",
  ICカードが取り出されました: "The IC card was taken out",
  ICカードの名義を確認してください: "Please check the name on the IC card",
  PIN番号の入力を中止しました: "PIN entry was stopped",
  このICカードは失効しています: "This IC card has been revoked",
  このICカードは利用者登録されていません: "This IC card is not registered",
  このICカードは更新により無効になりました: "This IC card was replaced by a renewal",
  ユーザIDの競争入札参加資格が失効しています: "The bidding qualification of the user ID has lapsed",
  現在使用しているICカードの有効期限が切れています: "The IC card in use has expired",
  "認証局が異なるため、ICカード更新はできません":
    "The certificate authority differs: IC card renewal [ICカード更新] is not possible",
  "企業名称が異なるため、ICカード更新はできません":
    "The company name differs: IC card renewal [ICカード更新] is not possible",
  同じICカードが差し込まれました: "The same IC card was inserted",
  この手続きは別の画面で完了しています: "This procedure was completed on another screen",
  登録へ進む: "Go to Register [登録]",
  "挿入されているICカードの利用者は既に登録されています。":
    "The user of the inserted IC card is already registered.",
  "1 枚の IC カードは、1 つのユーザ ID のみ利用者登録できます。その IC カードは既に登録されているので、このメッセージが表示されます。":
    "One IC card can be registered to one user ID only. This message appears because that IC card is already registered.",
  "ユーザ ID が新しくなった場合（契約権限の移譲等）は、改めて電子証明書を購入し、その電子証明書で新しいユーザ ID に利用者登録が必要です。":
    "If your user ID has changed (a transfer of contract authority etc.), you need to buy a new electronic certificate and register it to the new user ID.",
  // the screen's own guidance (refusalText.ts)
  "変更・ICカード更新は、この調達機関・業務区分で利用者登録されているICカードで行います。":
    "Change [変更] and IC card renewal [ICカード更新] work with an IC card registered for this contracting agency and business category.",
  "「工事」「物品」両方の資格をお持ちの場合は、それぞれ登録が必要です。選択した業務区分が正しいかご確認ください。":
    "If you hold both the Construction [工事] and the Goods [物品] qualification, each needs its own registration. Please check the business category you chose.",
  "このICカードを使用するには、「登録」で利用者登録を行ってください。":
    "To use this IC card, please register it with Register [登録].",
  "これまで使用していたICカードの有効期限が切れている場合は、ICカード更新では正しく更新できません。":
    "If the IC card you used until now has expired, IC card renewal [ICカード更新] cannot renew it correctly.",
  "新しいICカードを「登録」ボタンで登録してください。":
    "Please register the new IC card with the Register [登録] button.",
  "新しいICカードを「登録」で利用者登録すると、そのICカードを使用できます。":
    "Once you register the new IC card with Register [登録], you can use it.",
  "ICカード更新は、名義人、住所等の企業情報、ユーザIDに変更がない場合に使用します。":
    "IC card renewal [ICカード更新] is for when the holder, the company information (address etc.) and the user ID have not changed.",
  "新しいICカードとして、現在使用しているICカードが差し込まれました。":
    "The IC card in use was inserted as the new IC card.",
  "新しく取得したICカードを用意して、ICカード更新を最初からやり直してください。":
    "Please have the newly obtained IC card ready and start IC card renewal again from the beginning.",
  // the holder warning (R17)
  "ICカードの名義が、競争入札参加資格審査情報の企業名称・代表者と一致しません。":
    "The name on the IC card does not match the company name or representative in the bidding qualification information [競争入札参加資格審査情報].",
  "工事・物品とも、原則として競争入札参加資格申請時の「契約者」名義の IC カードが必要です。埼玉県では「法人の代表者」でも可としています。自治体によっては法人の代表者を認めない場合もあるので、各自治体に確認してください。":
    "For both Construction [工事] and Goods [物品], an IC card in the name of the contractor [契約者] given in the qualification application is needed as a rule. Saitama Prefecture also accepts the corporate representative [法人の代表者]. Some municipalities do not, so please check with each of them.",
  ICカードの名義に誤りがないことを確認しました: "I have checked that the name on the IC card is correct",
  ICカード: "IC card",
  競争入札参加資格審査情報: "Bidding qualification information [競争入札参加資格審査情報]",
  "名義に誤りがないことを確認した場合のみ「確認しました」を押してください。":
    "Press Checked [確認しました] only if you have checked that the name is correct.",
  確認しました: "Checked [確認しました]",
};

/** What the server says on these screens (Failure.message, hints, field errors) — Japanese on the wire. */
const SERVER = {
  // app/_shared/schemas.ts
  "ユーザIDを入力してください。": "Please enter the user ID [ユーザID].",
  "ユーザIDは半角数字で入力してください（全角文字は使えません）。":
    "Please enter the user ID in half-width digits (full-width characters cannot be used).",
  "ユーザIDは半角数字10桁で入力してください。": "Please enter the user ID as 10 half-width digits.",
  "パスワードを入力してください。": "Please enter the password [パスワード].",
  "パスワードは半角英数字で入力してください（全角文字は使えません）。":
    "Please enter the password in half-width letters and digits (full-width characters cannot be used).",
  "パスワードは半角英数字8文字で入力してください。":
    "Please enter the password as 8 half-width letters and digits.",
  "商号又は名称を入力してください。": "Please enter the trade name [商号又は名称].",
  "商号又は名称は100文字以内で入力してください。":
    "Please enter the trade name [商号又は名称] in 100 characters or fewer.",
  "郵便番号は 123-4567 の形で入力してください。": "Please enter the postal code as 123-4567.",
  "メールアドレスを入力してください。": "Please enter the email address.",
  "メールアドレスが長すぎます。": "The email address is too long.",
  "メールアドレスの形式が正しくありません。": "The email address is not in a valid form.",
  "確認用のメールアドレスが一致しません。もう一度入力してください。":
    "The two email addresses do not match. Please enter it again.",
  "業務区分を選択してください。": "Please choose a business category [業務区分].",
  "他の調達機関に反映するかどうかを選択してください。":
    "Please choose whether to apply it to the other contracting agencies.",
  // app/_server/postal.ts
  "この郵便番号の住所が見つかりません。住所を入力してください。":
    "No address was found for this postal code. Please enter the address.",
  // app/_server/flows
  "ICカードが取り出されたか、別のICカードに差し替えられました。はじめからやり直してください。":
    "The IC card was taken out or replaced by another IC card. Please start again from the beginning.",
  "代表窓口情報を入力してください。": "Please enter the main contact [代表窓口情報].",
  // app/_server/qualifications/records.ts holderCheck (R17)
  "ICカードの名義が競争入札参加資格の契約者（または法人の代表者）と一致しません。このまま登録すると、このICカードでは入札できない場合があります。ICカード企業名称と取得者氏名をご確認ください。":
    "The name on the IC card does not match the contractor (or the corporate representative) of the bidding qualification. If you register as it is, you may not be able to bid with this IC card. Please check the company name on the IC card [ICカード企業名称] and the holder's name [取得者氏名].",
  // app/_server/card/inspect.ts
  "このICカードは、次にPIN番号を間違えるとロックされます。PIN通知書等でPIN番号をよくご確認のうえ入力してください。ご不明な場合は係員にお声がけください。":
    "This IC card will lock at the next wrong PIN. Please check the PIN on your PIN notice [PIN通知書] before entering it. If unsure, please ask the staff.",
  "このICカードは、PIN番号を入力できる残りの回数が少なくなっています。PIN通知書等でPIN番号をよくご確認のうえ入力してください。":
    "Few PIN tries are left on this IC card. Please check the PIN on your PIN notice [PIN通知書] before entering it.",
  // app/_server/card/refusals.ts
  "既に登録されています。": "Already registered [既に登録されています].",
  "1枚のICカードは、1つのユーザIDのみ利用者登録できます。このICカードは既に登録されているため、このメッセージが表示されます。":
    "One IC card can be registered to one user ID only. This message appears because this IC card is already registered.",
  "ユーザIDが新しくなった場合（契約権限の移譲等）は、改めて電子証明書を購入し、その電子証明書で新しいユーザIDに利用者登録してください。":
    "If your user ID has changed (a transfer of contract authority etc.), please buy a new electronic certificate and register it to the new user ID.",
  "ICカードの有効期限が切れている場合、認証局が異なる場合は「登録」ボタンで登録してください。":
    "If the IC card has expired, or the certificate authority differs, please register with the Register [登録] button.",
  "このICカードは、この業務区分で利用者登録されていません。":
    "This IC card is not registered for this business category.",
  "変更・ICカード更新は、選択した調達機関・業務区分で利用者登録されているICカードで行います。調達機関と、工事・物品の選択をご確認ください。":
    "Change [変更] and IC card renewal [ICカード更新] work with an IC card registered for the chosen contracting agency and business category. Please check the agency and your choice of Construction [工事] or Goods [物品].",
  "新規取得したICカードや、ユーザIDが新しくなった場合は「登録」から利用者登録してください。":
    "For a newly obtained IC card, or when your user ID has changed, please register from Register [登録].",
  "同一のICカードで工事と物品に登録されている場合は、それぞれ操作する必要があります。":
    "If one IC card is registered for both Construction [工事] and Goods [物品], each needs its own operation.",
  "このICカードは更新により無効になりました。新しいICカードをお使いください。":
    "This IC card was replaced by an IC card renewal and no longer works. Please use the new IC card.",
  "『ICカード更新』を行うと、旧ICカードは使用できなくなります。":
    "After IC card renewal [ICカード更新], the old IC card can no longer be used.",
  "1枚のICカードは、1つのユーザIDのみ利用者登録できます。このICカードを「登録」し直すことはできません。":
    "One IC card can be registered to one user ID only. This IC card cannot be registered [登録] again.",
  "このICカードが登録されているユーザIDの競争入札参加資格は失効しているため、変更・ICカード更新はできません。":
    "The bidding qualification of the user ID this IC card is registered to has lapsed, so Change [変更] and IC card renewal [ICカード更新] are not possible.",
  "契約権限の移譲、会社の合併、入札参加資格の失効等で業者番号（ユーザID）が新しいものになった場合は、『ICカード更新』ではなく、『登録』より新しい業者番号（ユーザID）を使用して登録の操作を行ってください。":
    "If your company number (user ID) [業者番号（ユーザID）] has changed — by a transfer of contract authority, a merger, a lapsed bidding qualification etc. — do not use IC card renewal [ICカード更新]: register with the new company number (user ID) from Register [登録].",
  "1枚のICカードは、1つのユーザIDのみ登録できます。このICカードは失効したユーザIDに登録されているため、新しいユーザIDには登録できません。新しいユーザIDには、まだ利用者登録していないICカード（新しく取得したICカード）で「登録」してください。":
    "One IC card can be registered to one user ID only. This IC card is registered to the lapsed user ID, so it cannot be registered to the new one. For the new user ID, please use Register [登録] with an IC card not yet registered (a newly obtained IC card).",
  "[ICカード更新]は、保有しているICカードの有効期限満了に備えて、事前に新しいICカードを取得し、利用者情報を引き継ぐ操作です。":
    "IC card renewal [ICカード更新] moves your user information to a new IC card obtained before your current card expires.",
  "現在使用しているICカードが差し込まれています。現在使用しているICカードを取り出し、新しく取得したICカードを差し込んでください。":
    "The IC card in use is inserted. Please take it out and insert the newly obtained IC card.",
  "新しいICカードの認証局（証明書発行者）が現在使用しているICカードと異なるため、ICカード更新はできません。新しいICカードを「登録」から登録してください。":
    "The new IC card's certificate authority (issuer) differs from the IC card in use, so IC card renewal [ICカード更新] is not possible. Please register the new IC card from Register [登録].",
  "新しいICカードのICカード企業名称が現在使用しているICカードと異なるため、ICカード更新はできません。":
    "The company name on the new IC card [ICカード企業名称] differs from the IC card in use, so IC card renewal [ICカード更新] is not possible.",
  "企業情報が変更になりICカードを取得し直した場合は、「登録」ボタンで登録してください。":
    "If your company information changed and you obtained a new IC card, please register with the Register [登録] button.",
  "新しく差し込まれたICカードは、既に利用者登録されています。既に登録されているICカードへはICカード更新できません。":
    "The newly inserted IC card is already registered. IC card renewal [ICカード更新] cannot move onto a registered IC card.",
  "このICカードが同じユーザIDに登録済みの場合は、そのままご利用いただけます。":
    "If this IC card is registered to the same user ID, you can use it as it is.",
};

export const FLOW_MESSAGES: Catalog = {
  messages: { ...REFUSALS, ...SERVER },
  patterns: [
    // app/_shared/schemas.ts: a contact field's own messages
    [new RegExp(`^${FIELD}を入力してください。$`), (f) => `Please enter ${field(f)}.`],
    [
      new RegExp(`^${FIELD}は(\\d+)文字以内で入力してください。$`),
      (f, max) => `Please enter ${field(f)} in ${max} characters or fewer.`,
    ],
    [
      new RegExp(`^${FIELD}[をは] 048-000-0000 の形で入力してください。$`),
      (f) => `Please enter ${field(f)} as 048-000-0000.`,
    ],
    // app/_shared/text-policy.ts: a character the policy refuses, named at its field
    [
      new RegExp(
        `^${TYPED}に使用できない文字（(${Object.keys(REFUSED_CHARACTERS).join("|")})）が含まれています。$`,
      ),
      (f, what) =>
        `${capitalized(typed(f))} contains characters that cannot be used (${REFUSED_CHARACTERS[what] ?? what}).`,
    ],
    [
      new RegExp(`^${TYPED}に改行やタブは入力できません。1行で入力してください。$`),
      (f) => `Line breaks and tabs cannot be entered in ${typed(f)}. Please enter it on one line.`,
    ],
    // card/refusals.ts oldCardExpired (R13)
    [
      /^現在使用しているICカードの有効期限が切れているため（有効期限：(\d{4})年(\d{1,2})月(\d{1,2})日）、ICカード更新はできません。新しいICカードを「登録」から登録してください。$/,
      (y, m, d) =>
        `The IC card in use expired on ${englishDay(y, m, d)}, so IC card renewal [ICカード更新] is not possible. Please register the new IC card from Register [登録].`,
    ],
    // card/refusals.ts lapsedUserId (R15)
    [/^新しいユーザID: (\S+)$/, (id) => `New user ID [新しいユーザID]: ${id}`],
    // flows/pipeline.ts alreadyDone: the other tab's receipt
    [
      /^この手続きは別の画面で既に完了しています（受付番号 (\S+)）。この画面で入力した内容は登録されていません。$/,
      (n) =>
        `This procedure was already completed on another screen (receipt number [受付番号] ${n}). What you entered on this screen was not registered.`,
    ],
  ],
};

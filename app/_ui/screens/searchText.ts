// The manual's wording for the 競争入札参加資格審査情報検索 screen (the screen says it through t()).
import { msgid } from "../i18n/translate";

export const SEARCH_NOTES = {
  officialName: msgid(
    "〇〇株式会社のように入力し、支店名等は入力しないでください。正式な名称を全角で入力し、株式会社を（株）と省略しないでください。",
  ),
  userId: msgid("半角数字10文字"),
  password: msgid("半角英数字8文字（大文字・小文字を区別します）"),
};

export const USER_ID_NOTES = [
  msgid("工事等の場合は、競争入札参加資格申請で交付されたものを入力してください。"),
  msgid("物品等の場合は、新規申請した際の受付票に記載されています。"),
];

export const CERTIFICATE_NOTES = [
  msgid("利用者登録する際には、ICカードの名義人に対応するユーザIDを十分にお確かめの上、作業をお願いします。"),
  msgid(
    "1枚のICカードは、1つのユーザIDのみ登録できます。いったん利用者登録をしたICカードは、他のユーザIDに利用者登録ができなくなりますので、御注意ください。",
  ),
  msgid(
    "契約権限の移譲等でユーザIDが新しくなった場合は、移譲先のユーザIDを使用して登録するよう、特に注意してください。ユーザIDを誤って登録するとICカードが使用できなくなります。",
  ),
];

/** Shown with 資格審査情報が登録されていません when the server sent no checklist of its own (R11, R14). */
export const NOT_FOUND_CHECKLIST = [
  msgid("正しい調達機関を選択しているか、または工事・物品の選択は間違っていないかご確認ください。"),
  msgid(
    "正しい情報を入力しているかご確認ください。「商号又は名称」以外は、すべて半角英数字です。全角文字を入れると進めません。",
  ),
  msgid(
    "パスワードの入力は間違えていませんか。（大文字・小文字、数字の 0（ゼロ）と大文字の O（オー）、数字の 1（イチ）と小文字の l（エル）と大文字の I（アイ）の間違いは大丈夫ですか）",
  ),
  msgid(
    "パスワードの更新は行っていませんか。パスワードの更新を行うと、更新した当日は利用者登録は行えません。",
  ),
];

/**
 * The manual's 項目詳細 per business kind: what each field is and where a lost user ID or password
 * comes from again (入札審査課), so a bidder who cannot search is told where to go next.
 */
export const FIELD_DETAILS = {
  construction: [
    [
      msgid("商号又は名称"),
      msgid(
        "正式な本社の名称を全角で入力してください。株式会社を（株）と省略しないでください。支店名等は入力しないでください。",
      ),
    ],
    [
      msgid("ユーザID"),
      msgid(
        "自治体から配布されたユーザID（10桁の半角数字）を入力してください。IDがわからない場合は、埼玉県入札審査課のホームページから「ユーザID・パスワード再交付申請書」をダウンロードし、押印の上「代表者印の印鑑証明（原本）」と併せて埼玉県入札審査課に提出してください。（詳細は埼玉県入札審査課 審査担当にお問い合わせください。）",
      ),
    ],
    [
      msgid("パスワード"),
      msgid(
        "8文字の半角英数字です。上記のユーザIDと同時にお知らせしています。パスワードがわからない場合は、「競争入札参加資格申請受付システム」より再発行を行ってください。システムでの再発行ができない場合、埼玉県入札審査課のホームページから「ユーザID・パスワード再交付申請書」をダウンロードし、押印の上「代表者印の印鑑証明（原本）」と併せて埼玉県入札審査課に提出してください。（詳細は埼玉県入札審査課 審査担当にお問い合わせください。）",
      ),
    ],
  ],
  goods: [
    [
      msgid("商号又は名称"),
      msgid("正式な名称を全角で入力してください。株式会社を（株）と省略しないでください。"),
    ],
    [
      msgid("ユーザID"),
      msgid(
        "10桁の半角数字で、登録申請した際の受付票に記載されています。わからない場合、入札審査課に御照会ください。",
      ),
    ],
    [
      msgid("パスワード"),
      msgid(
        "8文字の半角英数字です。物品の場合、パスワードは新規申請時に申請者の方に入力していただいています。もしわからなくなった場合は、「競争入札参加資格申請受付システム」より再発行を行ってください。システムでの再発行ができない場合、埼玉県入札審査課のホームページから「パスワード再交付申請書」をダウンロードし、押印の上提出してください。（詳細は埼玉県入札審査課 審査担当にお問い合わせください。）",
      ),
    ],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, string]>>;

/** The manual's example of a user ID registered by mistake (A支店 → B支店). */
export const UNUSABLE_CARD_EXAMPLE = msgid("A支店の契約権限を新設されたB支店に移譲し、A支店を抹消する場合");

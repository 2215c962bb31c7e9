import "server-only";
import type { Operation } from "@/app/_shared/contracts";
import type { Kind } from "@/app/_shared/kinds";

// The English receipt (issue 11 item 7). A bidder matches the printout against the manual and the
// application papers, which are Japanese: every label keeps the manual's term in brackets. Keyed
// by the Japanese label, like the kiosk's catalog, so the row lists stay one (app/_shared/rows.ts).

export const ENGLISH_TITLES: Record<Operation, string> = {
  register: "User registration result [利用者情報登録結果]",
  change: "User information change result [利用者情報変更結果]",
  renewal: "Certificate renewal result [電子証明書更新結果]",
};

export const ENGLISH_KINDS: Record<Kind, string> = {
  construction:
    "Construction works, design, survey and civil facility maintenance [建設工事、設計・調査・測量、土木施設維持管理]",
  goods: "Goods and services [物品等]",
};

const LABELS: Readonly<Record<string, string>> = {
  受付番号: "Receipt number [受付番号]",
  発行日時: "Issued [発行日時]",
  調達機関: "Contracting agency [調達機関]",
  業務区分: "Business category [業務区分]",
  ユーザID: "User ID [ユーザID]",
  利用者情報: "User information [利用者情報]",
  代表窓口情報: "Main contact [代表窓口情報]",
  ICカード利用部署情報: "Department using the IC card [ICカード利用部署情報]",
  ICカード情報: "IC card [ICカード情報]",
  更新後のICカード情報: "IC card after renewal [更新後のICカード情報]",
  "更新前のICカード情報（更新後は使用できません）":
    "IC card before renewal, no longer usable [更新前のICカード情報]",
  業者名: "Company name [業者名]",
  企業郵便番号: "Company postal code [企業郵便番号]",
  企業住所: "Company address [企業住所]",
  代表者等氏名: "Representative's name [代表者等氏名]",
  代表者等役職: "Representative's title [代表者等役職]",
  代表者等電話番号: "Representative's phone [代表者等電話番号]",
  代表者等FAX番号: "Representative's fax [代表者等FAX番号]",
  部署名: "Department [部署名]",
  "連絡先名称(部署名等)": "Contact name [連絡先名称(部署名等)]",
  連絡先郵便番号: "Contact postal code [連絡先郵便番号]",
  連絡先住所: "Contact address [連絡先住所]",
  連絡先氏名: "Contact person [連絡先氏名]",
  連絡先電話番号: "Contact phone [連絡先電話番号]",
  連絡先FAX番号: "Contact fax [連絡先FAX番号]",
  連絡先メールアドレス: "Contact email [連絡先メールアドレス]",
  ICカード企業名称: "Company on the IC card [ICカード企業名称]",
  ICカード取得者氏名: "IC card holder's name [ICカード取得者氏名]",
  ICカード取得者住所: "IC card holder's address [ICカード取得者住所]",
  証明書シリアル番号: "Certificate serial number [証明書シリアル番号]",
  証明書発行者: "Certificate issuer [証明書発行者]",
  証明書有効期限: "Certificate expiry [証明書有効期限]",
};

/** Every label and heading of the printout, Japanese and English: the same on every receipt. */
export function receiptLabels(): string[] {
  return Object.entries(LABELS).flat();
}

/** The English label; a label without one stays Japanese rather than blank (the tests list them all). */
export function englishLabel(ja: string): string {
  return LABELS[ja] ?? ja;
}

/** Agency names are data: they stay as recorded, only the sentence around them is English. */
export function englishPropagation(propagatesTo: readonly string[]): string {
  if (propagatesTo.length === 0) return "This does not apply at any other contracting agency.";
  return `From the next day, this also applies at these contracting agencies: ${propagatesTo.join(", ")}`;
}

export const ENGLISH_REMINDER = "Please do not forget your IC card.";

import "server-only";
import { scrubText } from "@/app/_shared/text-policy";

export type EmailContent = { subject: string; text: string; html: string };

export type RegistrationEmailInput = {
  agencyName: string;
  companyName: string;
  contactName: string;
  contactAddress: string;
};

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const NO_REPLY = ["※このメールはシステムが自動送信しています。", "このアドレスには返信しないでください。"];
const SIGNATURE = ["***** 埼玉県電子入札共同システム *****"];
const SENT_TO = "このメールは登録された連絡先メールアドレス宛に送信されています。";

/**
 * The notice's facts every flow's email lists: the agency, the company and the 部署 contact. Typed
 * values passed the text policy on the way in (issue 12 item 2); each is kept to one line here too,
 * so no value can add a line — a header-looking 「Bcc:」 — to the body, whatever a row holds.
 */
function contactRows(input: RegistrationEmailInput): string[] {
  return [
    `調達機関 : ${scrubText(input.agencyName)}`,
    `企業名称 : ${scrubText(input.companyName)}`,
    `連絡先氏名 : ${scrubText(input.contactName)}`,
    `連絡先住所 : ${scrubText(input.contactAddress)}`,
  ];
}

/**
 * The manual's notice layout: paragraphs of lines. The text part separates paragraphs by a blank
 * line; the HTML part keeps the manual's <p> groups with <br> between lines.
 */
function notice(subject: string, paragraphs: string[][]): EmailContent {
  const text = paragraphs.map((lines) => lines.join("\n")).join("\n\n") + "\n";
  const body = paragraphs.map((lines) => `<p>${lines.map(escapeHtml).join("<br>\n")}</p>`).join("\n");
  const html = `<!DOCTYPE html>\n<html lang="ja">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
  return { subject, text, html };
}

/** 利用者登録のお知らせ (R40), worded as in the manual's 利用者登録完了メール. */
export function registrationEmail(input: RegistrationEmailInput): EmailContent {
  return notice("利用者登録のお知らせ", [
    ["利用者が以下のように登録されましたのでお知らせ致します。", SENT_TO],
    contactRows(input),
    NO_REPLY,
    SIGNATURE,
  ]);
}

/** 利用者変更のお知らせ (R40): the manual's notice, for a change of contact information (変更). */
export function changeEmail(input: RegistrationEmailInput): EmailContent {
  return notice("利用者変更のお知らせ", [
    ["利用者情報が以下のように変更されましたのでお知らせ致します。", SENT_TO],
    contactRows(input),
    NO_REPLY,
    SIGNATURE,
  ]);
}

export type RenewalEmailInput = RegistrationEmailInput & {
  /** ICカード取得者氏名 and 証明書シリアル番号 of the new card, so the bidder can tell which card now works */
  holderName: string;
  serialDecimal: string;
};

/** ICカード更新のお知らせ (R40): the registration moved to a new IC card; the old one no longer works. */
export function renewalEmail(input: RenewalEmailInput): EmailContent {
  return notice("ICカード更新のお知らせ", [
    ["利用者のICカードが以下のように更新されましたのでお知らせ致します。", SENT_TO],
    [
      ...contactRows(input),
      `ICカード取得者氏名 : ${scrubText(input.holderName)}`,
      `証明書シリアル番号 : ${scrubText(input.serialDecimal)}`,
    ],
    ["※更新前のICカードは使用できなくなりました。"],
    NO_REPLY,
    SIGNATURE,
  ]);
}

export type RenewalReminderEmailInput = {
  userId: string;
  /** 工事 / 物品 */
  kindLabel: string;
  companyName: string;
  holderName: string;
  serialDecimal: string;
  /** 2026年12月26日 */
  expiryDate: string;
  daysLeft: number;
  /** 「平日 8:30〜20:00（土日祝日・年末年始を除く）」 */
  helpdeskHours: string;
};

/**
 * ICカード有効期限のお知らせ (issue 13 item 4), to the 代表窓口 address: come for ICカード更新
 * before the expiry date, because after it only a new 登録 is possible (R13). What to bring is
 * what the 更新 flow asks for: the current card and its PIN, then the new card and its PIN; the
 * new card must come from the same CA with the same company name (R13).
 */
export function renewalReminderEmail(input: RenewalReminderEmailInput): EmailContent {
  const left = input.daysLeft <= 0 ? "本日まで" : `あと${input.daysLeft}日`;
  return notice("ICカード有効期限のお知らせ", [
    [
      "利用者登録されているICカードの有効期限が近づいておりますのでお知らせ致します。",
      "このメールは登録された代表窓口のメールアドレス宛に送信されています。",
    ],
    [
      `ユーザID : ${scrubText(input.userId)}`,
      `業務区分 : ${scrubText(input.kindLabel)}`,
      `企業名称 : ${scrubText(input.companyName)}`,
      `ICカード取得者氏名 : ${scrubText(input.holderName)}`,
      `証明書シリアル番号 : ${scrubText(input.serialDecimal)}`,
      `証明書有効期限 : ${scrubText(input.expiryDate)}（${left}）`,
    ],
    [
      "有効期限までに、新しいICカードをご用意のうえ、ヘルプデスクで「ICカード更新」の手続きを行ってください。",
      "有効期限を過ぎるとICカード更新はできなくなり、新しいICカードを改めて「登録」していただくことになります。",
    ],
    [
      "【お持ちいただくもの】",
      "・現在お使いのICカードとそのPIN番号",
      "・新しいICカードとそのPIN番号（現在のICカードと同じ認証局が発行し、ICカード企業名称が同じもの）",
    ],
    [`【ヘルプデスク受付時間】 ${scrubText(input.helpdeskHours)}`],
    ["※「工事」「物品」両方の資格をお持ちの場合は、それぞれ更新作業を行ってください。"],
    NO_REPLY,
    SIGNATURE,
  ]);
}

import "server-only";

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
    [
      "利用者が以下のように登録されましたのでお知らせ致します。",
      "このメールは登録された連絡先メールアドレス宛に送信されています。",
    ],
    [
      `調達機関 : ${input.agencyName}`,
      `企業名称 : ${input.companyName}`,
      `連絡先氏名 : ${input.contactName}`,
      `連絡先住所 : ${input.contactAddress}`,
    ],
    NO_REPLY,
    SIGNATURE,
  ]);
}

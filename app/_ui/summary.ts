// The read-only rows of the manual's 登録内容確認 screen and printout, in its order and wording.
import type { CardView, CompanyView } from "@/app/_shared/contracts";

export type Rows = [string, string][];

export function companyRows(company: CompanyView): Rows {
  return [
    ["業者名", company.companyName],
    ["企業郵便番号", company.postalCode],
    ["企業住所", company.address],
    ["代表者等氏名", company.representativeName],
    ["代表者等役職", company.representativeTitle],
    ["代表者等電話番号", company.phone],
    ["代表者等FAX番号", company.fax],
    ["部署名", company.departmentName],
  ];
}

export function cardHolderRows(card: CardView): Rows {
  return [
    ["ICカード企業名称", card.companyOnCard],
    ["ICカード取得者氏名", card.holderName],
    ["ICカード取得者住所", card.holderAddress],
  ];
}

const dateFormat = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** 2013/05/14, as the manual prints 証明書有効期限 (Japan time: a card expiring at 15:00 UTC is a day later here). */
export function formatCertDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function certificateRows(card: CardView): Rows {
  return [
    ["証明書シリアル番号", `${card.serialDecimal}（10進）／ ${card.serialHex}（16進）`],
    ["証明書発行者", card.issuer],
    ["証明書有効期限", formatCertDate(card.notAfter)],
  ];
}

// The manual's read-only rows (登録内容確認 / 変更内容確認 screens and the 利用者情報 printout), in its
// order and wording — one list for the screens and the receipt PDF alike.
import type { CardView, CompanyView, ContactView } from "./contracts";

export type Row = [label: string, value: string];

export function companyRows(company: CompanyView): Row[] {
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

export function contactRows(contact: ContactView): Row[] {
  return [
    ["連絡先名称(部署名等)", contact.contactName],
    ["連絡先郵便番号", contact.postalCode],
    ["連絡先住所", contact.address],
    ["連絡先氏名", contact.personName],
    ["連絡先電話番号", contact.phone],
    ["連絡先FAX番号", contact.fax],
    ["連絡先メールアドレス", contact.email],
  ];
}

export function cardHolderRows(card: CardView): Row[] {
  return [
    ["ICカード企業名称", card.companyOnCard],
    ["ICカード取得者氏名", card.holderName],
    ["ICカード取得者住所", card.holderAddress],
  ];
}

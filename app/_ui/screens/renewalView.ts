// What the ICカード更新 screens show: both proven cards as loadRenewal answers them.
import type { CardView, CompanyView, LoadRenewalResult } from "@/app/_shared/contracts";
import { formatCertDate, type Rows } from "../summary";

export type RenewalView = Omit<Extract<LoadRenewalResult, { ok: true }>, "ok">;

/** One card's rows of 電子証明書更新確認, in the manual's order and wording. */
export function renewalCardRows(company: CompanyView, card: CardView): Rows {
  return [
    ["業者名", company.companyName],
    ["企業住所", company.address],
    ["ICカード企業名称", card.companyOnCard],
    ["ICカード取得者氏名", card.holderName],
    ["ICカード取得者住所", card.holderAddress],
    ["証明書シリアル番号", `${card.serialDecimal} (10進) / ${card.serialHex} (16進)`],
    ["証明書発行者", card.issuer],
    ["証明書有効期限", formatCertDate(card.notAfter)],
  ];
}

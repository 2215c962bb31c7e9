// What the ICカード更新 screens show: both proven cards as loadRenewal answers them.
import type { CardView, CompanyView, LoadRenewalResult } from "@/app/_shared/contracts";
import type { Lang } from "@/machines";
import { msgid, translate } from "../i18n/translate";
import { formatCertDate, type Rows } from "../summary";

export type RenewalView = Omit<Extract<LoadRenewalResult, { ok: true }>, "ok">;

/** One card's rows of 電子証明書更新確認, in the manual's order and wording (ReadOnlyList translates the labels). */
export function renewalCardRows(company: CompanyView, card: CardView, lang: Lang = "ja"): Rows {
  const t = (ja: string) => translate(lang, ja);
  return [
    [msgid("業者名"), company.companyName],
    [msgid("企業住所"), company.address],
    [msgid("ICカード企業名称"), card.companyOnCard],
    [msgid("ICカード取得者氏名"), card.holderName],
    [msgid("ICカード取得者住所"), card.holderAddress],
    [msgid("証明書シリアル番号"), `${card.serialDecimal}${t(" (10進) / ")}${card.serialHex}${t(" (16進)")}`],
    [msgid("証明書発行者"), card.issuer],
    [msgid("証明書有効期限"), formatCertDate(card.notAfter, lang)],
  ];
}

// The read-only rows of the manual's 登録内容確認 screen and printout, in its order and wording.
import type { CardView } from "@/app/_shared/contracts";
import type { Row } from "@/app/_shared/rows";
import { tokyoDate } from "@/app/_shared/tokyo-time";
import type { Lang } from "@/machines";
import { englishDate } from "@/app/_shared/english-date";
import { msgid, translate } from "./i18n/translate";

export type Rows = Row[];
export { cardHolderRows, companyRows, contactRows } from "@/app/_shared/rows";

/**
 * 2013/05/14, as the manual prints 証明書有効期限 (Japan time: a card expiring at 15:00 UTC is a day
 * later here); "14 May 2013" in English.
 */
export function formatCertDate(iso: string, lang: Lang = "ja"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return lang === "en" ? englishDate(date) : tokyoDate(date);
}

/** The labels are said in Japanese here; ReadOnlyList translates them. */
export function certificateRows(card: CardView, lang: Lang = "ja"): Rows {
  const t = (ja: string) => translate(lang, ja);
  return [
    [
      msgid("証明書シリアル番号"),
      `${card.serialDecimal}${t("（10進）")}${t("／ ")}${card.serialHex}${t("（16進）")}`,
    ],
    [msgid("証明書発行者"), card.issuer],
    [msgid("証明書有効期限"), formatCertDate(card.notAfter, lang)],
  ];
}

// The read-only rows of the manual's 登録内容確認 screen and printout, in its order and wording.
import type { CardView } from "@/app/_shared/contracts";
import type { Row } from "@/app/_shared/rows";
import { tokyoDate } from "@/app/_shared/tokyo-time";

export type Rows = Row[];
export { cardHolderRows, companyRows, contactRows } from "@/app/_shared/rows";

/** 2013/05/14, as the manual prints 証明書有効期限 (Japan time: a card expiring at 15:00 UTC is a day later here). */
export function formatCertDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : tokyoDate(date);
}

export function certificateRows(card: CardView): Rows {
  return [
    ["証明書シリアル番号", `${card.serialDecimal}（10進）／ ${card.serialHex}（16進）`],
    ["証明書発行者", card.issuer],
    ["証明書有効期限", formatCertDate(card.notAfter)],
  ];
}

import "server-only";
import type { CardView, ReceiptData } from "@/app/_shared/contracts";
import { cardHolderRows, companyRows, contactRows } from "@/app/_shared/rows";
import { KIND_LABELS } from "@/app/_shared/kinds";
import { formatExpiry, formatIssuedAt, formatSerial, RECEIPT_TITLES } from "./format";

export type Row = readonly [label: string, value: string];
export type Section = { heading: string; rows: Row[] };
export type ReceiptLayout = {
  title: string;
  header: Row[];
  sections: Section[];
  propagation: string;
  reminder: string;
};

function certificateRows(card: CardView): Row[] {
  return [
    ["証明書シリアル番号", formatSerial(card.serialDecimal, card.serialHex)],
    ["証明書発行者", card.issuer],
    ["証明書有効期限", formatExpiry(card.notAfter)],
  ];
}

/** ICカード更新: the card the registration left, which no longer works (R12). */
function previousCardSection(card: CardView): Section {
  return {
    heading: "更新前のICカード情報（更新後は使用できません）",
    rows: [...cardHolderRows(card), ...certificateRows(card)],
  };
}

function propagationLine(propagatesTo: readonly string[]): string {
  if (propagatesTo.length === 0) return "他の調達機関への反映はありません。";
  return `翌日、他の調達機関にも反映されます: ${propagatesTo.join("、")}`;
}

/**
 * What the printout says, in the manual's order (R41), apart from how it is drawn: the PDF
 * document renders it, and the benchmark writes the same text with plain pdfkit.
 */
export function receiptLayout(data: ReceiptData): ReceiptLayout {
  const { company, card } = data;
  return {
    title: RECEIPT_TITLES[data.operation],
    header: [
      ["受付番号", data.number],
      ["発行日時", formatIssuedAt(data.issuedAt)],
      ["調達機関", data.agency.name],
      ["業務区分", KIND_LABELS[data.kind]],
      ["ユーザID", data.userId],
    ],
    sections: [
      {
        heading: "利用者情報",
        rows: companyRows(company),
      },
      { heading: "代表窓口情報", rows: contactRows(data.representative) },
      {
        heading: "ICカード利用部署情報",
        rows: [...cardHolderRows(card), ...contactRows(data.department)],
      },
      {
        heading: data.previousCard ? "更新後のICカード情報" : "ICカード情報",
        rows: certificateRows(card),
      },
      ...(data.previousCard ? [previousCardSection(data.previousCard)] : []),
    ],
    propagation: propagationLine(data.propagatesTo),
    reminder: "ICカードの取り忘れにご注意ください",
  };
}

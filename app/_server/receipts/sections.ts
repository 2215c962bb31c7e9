import "server-only";
import type { CardView, ReceiptData } from "@/app/_shared/contracts";
import { cardHolderRows, companyRows, contactRows } from "@/app/_shared/rows";
import { KIND_LABELS } from "@/app/_shared/kinds";
import { scrubText } from "@/app/_shared/text-policy";
import type { Lang } from "@/machines";
import {
  formatEnglishDate,
  formatExpiry,
  formatIssuedAt,
  formatIssuedAtEnglish,
  formatSerial,
  formatSerialEnglish,
  RECEIPT_TITLES,
} from "./format";
import {
  ENGLISH_KINDS,
  ENGLISH_REMINDER,
  ENGLISH_TITLES,
  englishLabel,
  englishPropagation,
  receiptLabels,
} from "./english";

export type Row = readonly [label: string, value: string];
export type Section = { heading: string; rows: Row[] };
export type ReceiptLayout = {
  title: string;
  header: Row[];
  sections: Section[];
  propagation: string;
  reminder: string;
};

/** What differs between the Japanese and the English printout: the words, never the data or the order. */
type Wording = {
  label: (ja: string) => string;
  title: typeof RECEIPT_TITLES;
  kind: typeof KIND_LABELS;
  issuedAt: (iso: string) => string;
  expiry: (iso: string) => string;
  serial: (decimal: string, hex: string) => string;
  propagation: (propagatesTo: readonly string[]) => string;
  reminder: string;
};

const JAPANESE: Wording = {
  label: (ja) => ja,
  title: RECEIPT_TITLES,
  kind: KIND_LABELS,
  issuedAt: formatIssuedAt,
  expiry: formatExpiry,
  serial: formatSerial,
  propagation: (propagatesTo) =>
    propagatesTo.length === 0
      ? "他の調達機関への反映はありません。"
      : `翌日、他の調達機関にも反映されます: ${propagatesTo.join("、")}`,
  reminder: "ICカードの取り忘れにご注意ください",
};

const ENGLISH: Wording = {
  label: englishLabel,
  title: ENGLISH_TITLES,
  kind: ENGLISH_KINDS,
  issuedAt: formatIssuedAtEnglish,
  expiry: (iso) => formatEnglishDate(new Date(iso)),
  serial: formatSerialEnglish,
  propagation: englishPropagation,
  reminder: ENGLISH_REMINDER,
};

const WORDINGS: Record<Lang, Wording> = { ja: JAPANESE, en: ENGLISH };

function certificateRows(card: CardView, w: Wording): Row[] {
  return [
    [w.label("証明書シリアル番号"), w.serial(card.serialDecimal, card.serialHex)],
    [w.label("証明書発行者"), card.issuer],
    [w.label("証明書有効期限"), w.expiry(card.notAfter)],
  ];
}

/** The shared row lists (app/_shared/rows.ts) with their labels in the printout's language. */
function labelled(rows: readonly Row[], w: Wording): Row[] {
  return rows.map(([label, value]) => [w.label(label), value]);
}

/** ICカード更新: the card the registration left, which no longer works (R12). */
function previousCardSection(card: CardView, w: Wording): Section {
  return {
    heading: w.label("更新前のICカード情報（更新後は使用できません）"),
    rows: [...labelled(cardHolderRows(card), w), ...certificateRows(card, w)],
  };
}

/**
 * What the printout says, in the manual's order (R41), apart from how it is drawn: the PDF
 * document renders it, and the benchmark writes the same text with plain pdfkit. English (issue
 * 11 item 7) changes the words and dates only; the data stays as the snapshot recorded it.
 */
export function receiptLayout(data: ReceiptData, lang: Lang = "ja"): ReceiptLayout {
  const w = WORDINGS[lang];
  const { company, card } = data;
  return scrubbed({
    title: w.title[data.operation],
    header: [
      [w.label("受付番号"), data.number],
      [w.label("発行日時"), w.issuedAt(data.issuedAt)],
      [w.label("調達機関"), data.agency.name],
      [w.label("業務区分"), w.kind[data.kind]],
      [w.label("ユーザID"), data.userId],
    ],
    sections: [
      { heading: w.label("利用者情報"), rows: labelled(companyRows(company), w) },
      { heading: w.label("代表窓口情報"), rows: labelled(contactRows(data.representative), w) },
      {
        heading: w.label("ICカード利用部署情報"),
        rows: labelled([...cardHolderRows(card), ...contactRows(data.department)], w),
      },
      {
        heading: w.label(data.previousCard ? "更新後のICカード情報" : "ICカード情報"),
        rows: certificateRows(card, w),
      },
      ...(data.previousCard ? [previousCardSection(data.previousCard, w)] : []),
    ],
    propagation: w.propagation(data.propagatesTo),
    reminder: w.reminder,
  });
}

/**
 * The words every receipt of a language prints whatever its data: titles, labels, business
 * categories and the closing lines. render.ts has their shaping kept for the process.
 */
export function staticReceiptTexts(): string[] {
  return [...receiptLabels(), JAPANESE.propagation([]), ENGLISH.propagation([])].concat(
    ...Object.values(WORDINGS).map((w) => [...Object.values(w.title), ...Object.values(w.kind), w.reminder]),
  );
}

/**
 * Typed values passed the text policy on the way in (issue 12 item 2); each value is kept to one
 * clean line here too, so a snapshot written before the policy prints no control, bidi or invisible
 * character either.
 */
function scrubbed(layout: ReceiptLayout): ReceiptLayout {
  const clean = ([label, value]: Row): Row => [label, scrubText(value)];
  return {
    ...layout,
    header: layout.header.map(clean),
    sections: layout.sections.map((s) => ({ ...s, rows: s.rows.map(clean) })),
  };
}

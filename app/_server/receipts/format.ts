import "server-only";
import type { Operation } from "@/app/_shared/contracts";
import { englishDate } from "@/app/_shared/english-date";
import { tokyoDate, tokyoDateKanji, tokyoParts } from "@/app/_shared/tokyo-time";

/** Printout titles per operation, as the manual names the result screens. */
export const RECEIPT_TITLES: Record<Operation, string> = {
  register: "利用者情報登録結果",
  change: "利用者情報変更結果",
  renewal: "電子証明書更新結果",
};

// Receipts are read in Saitama whatever the server's own zone is.
const japanese = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", {
  era: "long",
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

/** 和暦 date, e.g. 令和8年11月26日 (the first year of an era is written 元年). */
export function formatJapaneseEraDate(date: Date): string {
  const p: Record<string, string> = {};
  for (const part of japanese.formatToParts(date)) p[part.type] = part.value;
  const year = p.year === "1" ? "元" : p.year;
  return `${p.era}${year}年${p.month}月${p.day}日`;
}

/** 発行日時, e.g. 2026年11月26日 (令和8年11月26日) 15時45分. */
export function formatIssuedAt(iso: string): string {
  const date = new Date(iso);
  const p = tokyoParts(date);
  return `${tokyoDateKanji(date)} (${formatJapaneseEraDate(date)}) ${Number(p.hour)}時${p.minute}分`;
}

/** 証明書有効期限 as the manual prints it: 2013/05/14. */
export function formatExpiry(iso: string): string {
  return tokyoDate(new Date(iso));
}

/** The certificate serial both ways, because CA help desks ask for either. */
export function formatSerial(decimal: string, hex: string): string {
  return `${decimal} (16進: ${hex})`;
}

/** An English date as a visitor reads it, e.g. 26 November 2026 (Tokyo). */
export function formatEnglishDate(date: Date): string {
  return englishDate(date);
}

/** 発行日時 on the English receipt: 26 November 2026, 15:45 (Japan time; no 和暦, which is Japanese). */
export function formatIssuedAtEnglish(iso: string): string {
  const date = new Date(iso);
  const p = tokyoParts(date);
  return `${formatEnglishDate(date)}, ${p.hour}:${p.minute}`;
}

/** The serial both ways on the English receipt. */
export function formatSerialEnglish(decimal: string, hex: string): string {
  return `${decimal} (hex: ${hex})`;
}

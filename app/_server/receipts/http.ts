import "server-only";
import { canViewReceipt } from "@/app/_server/receipts/access";
import type { Lang } from "@/machines";
import { receiptPdf } from "./cache";
import { loadReceiptData } from "./render";

// 受付番号 are short (20261126-123456); anything longer is not worth a database lookup.
const MAX_NUMBER_LENGTH = 64;

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * ?lang= of the receipt URL: "en" for an English visit (issue 11 item 7); anything else, or none,
 * is the Japanese receipt as always — a wrong value is no reason to refuse a printout.
 */
export function receiptLang(value: string | null): Lang {
  return value === "en" ? "en" : "ja";
}

/**
 * `inline; filename="<受付番号>.pdf"`: anything but ASCII letters, digits, '-' and '_' becomes '_',
 * so no quote, path or non-ASCII byte reaches the header (issue 12 item 1).
 */
export function receiptDisposition(number: string): string {
  const safe = number.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, MAX_NUMBER_LENGTH) || "receipt";
  return `inline; filename="${safe}.pdf"`;
}

/** GET /receipts/[number]: the receipt PDF for printing at the kiosk or reprinting by staff (R41). */
export async function receiptPdfResponse(number: string, lang: Lang = "ja"): Promise<Response> {
  if (number.length === 0 || number.length > MAX_NUMBER_LENGTH) {
    return plain(404, "指定された受付番号の受付票は見つかりません。");
  }
  // Checked before the lookup so that a refused caller cannot learn which numbers exist.
  if (!(await canViewReceipt(number))) {
    return plain(403, "この受付票を表示する権限がありません。");
  }
  const data = await loadReceiptData(number);
  if (!data) return plain(404, "指定された受付番号の受付票は見つかりません。");
  const pdf = await receiptPdf(data, lang);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": receiptDisposition(data.number),
      "Content-Length": String(pdf.length),
      "Cache-Control": "no-store",
    },
  });
}

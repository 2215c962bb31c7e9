import "server-only";
import { createHash } from "node:crypto";
import type { ReceiptData } from "@/app/_shared/contracts";
import type { Lang } from "@/machines";
import { renderReceiptPdf } from "./render";

// Rendered receipts kept in memory (issue 13 item 6 h): a receipt's snapshot never changes once
// written (R41), so the PDF of a snapshot in a language is always the same. Keyed by the snapshot's
// content, not its number, so that a reset database reusing a number can never be answered with
// another receipt's PDF. A kiosk prints its visit's receipt and staff reprint a few: a small
// least-recently-used set is enough.
export const KEEP = 32;
const rendered = new Map<string, Promise<Buffer>>();

function keyOf(data: ReceiptData, lang: Lang): string {
  return `${lang}:${createHash("sha256").update(JSON.stringify(data)).digest("base64url")}`;
}

/** The receipt's PDF: rendered once per snapshot and language, then served from memory. */
export function receiptPdf(data: ReceiptData, lang: Lang): Promise<Buffer> {
  const key = keyOf(data, lang);
  const kept = rendered.get(key);
  if (kept) {
    rendered.delete(key);
    rendered.set(key, kept);
    return kept;
  }
  const pdf = renderReceiptPdf(data, lang);
  rendered.set(key, pdf);
  // a failed render is not kept: the next request tries again (and answers the error itself)
  pdf.catch(() => rendered.delete(key));
  for (const oldest of rendered.keys()) {
    if (rendered.size <= KEEP) break;
    rendered.delete(oldest);
  }
  return pdf;
}

// Prints a receipt PDF from a hidden iframe. On the terminal Chromium runs with --kiosk-printing,
// so print() goes straight to the default printer without a dialog.
import type { Lang } from "@/machines";
import { msgid, translate } from "./i18n/translate";

const FRAME_TITLE = msgid("受付票の印刷");
const LOAD_TIMEOUT_MS = 20_000;
/** Long enough for any print job to be spooled; removing the frame earlier could cancel it. */
const FRAME_LIFETIME_MS = 60_000;

/**
 * The receipt in the visit's language: <html lang> carries it (useAccessModes), so the machines'
 * print step needs no language of its own.
 */
export async function printReceiptPdf(receiptNumber: string): Promise<void> {
  const lang: Lang = document.documentElement.lang === "en" ? "en" : "ja";
  const response = await fetch(
    `/receipts/${encodeURIComponent(receiptNumber)}${lang === "en" ? "?lang=en" : ""}`,
    { cache: "no-store" },
  );
  if (!response.ok) throw new Error(`receipt ${response.status}`);
  // Load what was fetched (a blob) rather than the URL again: one render, and a server error can
  // never end up on paper as an HTML page.
  const url = URL.createObjectURL(await response.blob());
  discardPrintFrames();
  const frame = document.createElement("iframe");
  frame.dataset.receiptPrint = "";
  frame.title = translate(lang, FRAME_TITLE);
  frame.setAttribute("aria-hidden", "true");
  frame.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;";
  window.setTimeout(() => {
    frame.remove();
    URL.revokeObjectURL(url);
  }, FRAME_LIFETIME_MS);
  await new Promise<void>((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error("receipt load timeout")), LOAD_TIMEOUT_MS);
    frame.onload = () => {
      window.clearTimeout(timer);
      resolve();
    };
    frame.src = url;
    document.body.appendChild(frame);
  });
  frame.contentWindow?.focus();
  frame.contentWindow?.print();
}

/** Removes print frames: before the next print, and before the PDF viewer opens (one PDF frame at a time). */
export function discardPrintFrames(): void {
  document.querySelectorAll("iframe[data-receipt-print]").forEach((frame) => frame.remove());
}

// Prints a receipt PDF from a hidden iframe. On the terminal Chromium runs with --kiosk-printing,
// so print() goes straight to the default printer without a dialog.
const LOAD_TIMEOUT_MS = 20_000;
/**
 * How long the frame stays after print(). Headless Chromium (the end-to-end tests) crashes the
 * whole page 1–2.5 s after print() on a PDF frame that is still there; removing it at 750 ms never
 * did in our runs, and by then the PDF viewer has handed its pages to the print pipeline.
 */
const PRINT_SETTLE_MS = 750;

export async function printReceiptPdf(receiptNumber: string): Promise<void> {
  const response = await fetch(`/receipts/${encodeURIComponent(receiptNumber)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`receipt ${response.status}`);
  // Load what was fetched (a blob) rather than the URL again: one render, and a server error can
  // never end up on paper as an HTML page.
  const url = URL.createObjectURL(await response.blob());
  discardPrintFrames();
  const frame = document.createElement("iframe");
  frame.dataset.receiptPrint = "";
  frame.title = "受付票の印刷";
  frame.setAttribute("aria-hidden", "true");
  frame.style.cssText = "position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;";
  try {
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
    await new Promise((resolve) => window.setTimeout(resolve, PRINT_SETTLE_MS));
  } finally {
    frame.remove();
    URL.revokeObjectURL(url);
  }
}

/** Removes a print frame left by an earlier, interrupted print. */
export function discardPrintFrames(): void {
  document.querySelectorAll("iframe[data-receipt-print]").forEach((frame) => frame.remove());
}

import "server-only";
import type { Lang } from "@/machines";
import { KEEP, receiptPdf } from "./cache";
import { loadReceiptData } from "./render";

// Receipts rendered ahead of the 印刷 tap (issue 13 item 6 h), but never ahead of a submit's
// answer. A render is some 45 ms of CPU on the server's one event loop: started as its submit
// committed, it held up that answer and every other request in flight — with 20 terminals on one
// server (bench (e)) each wave of registers waited behind 20 renders. So a receipt just written
// waits in line, and the line is rendered one at a time once no submit has been in flight for
// QUIET_MS: on a kiosk's own server (one terminal) that is a moment after the answer went out,
// long before the bidder reads the result screen and taps 印刷; a tap that comes first renders
// in its request as before.

const QUIET_MS = 50;

type Waiting = { number: string; lang: Lang };
/** oldest first; no longer than the cache, whose oldest entries a longer line would push out */
const waiting: Waiting[] = [];
let submitting = 0;
let rendering = false;
let timer: NodeJS.Timeout | undefined;

/** Runs a submit (flows/pipeline.ts): no receipt is rendered ahead while one is in flight. */
export async function whileSubmitting<T>(work: () => Promise<T>): Promise<T> {
  submitting += 1;
  // the quiet moment is counted from the last submit's end, not the first's
  clearTimeout(timer);
  timer = undefined;
  try {
    return await work();
  } finally {
    submitting -= 1;
    schedule();
  }
}

/**
 * Queues a receipt just written to be rendered when the server is quiet, so the print request
 * finds it in memory. A failure is left to the print request, which renders again and answers it.
 */
export function prepareReceiptPdf(number: string, lang: Lang = "ja"): void {
  waiting.push({ number, lang });
  if (waiting.length > KEEP) waiting.shift();
  schedule();
}

function schedule(): void {
  if (timer || rendering || submitting > 0 || waiting.length === 0) return;
  timer = setTimeout(() => void renderNext(), QUIET_MS);
  timer.unref();
}

async function renderNext(): Promise<void> {
  timer = undefined;
  // a submit that started meanwhile cleared this timer (whileSubmitting): none is in flight here
  const next = waiting.shift();
  if (!next) return;
  rendering = true;
  try {
    const data = await loadReceiptData(next.number);
    if (data) await receiptPdf(data, next.lang);
  } catch {
    // the print request renders again and answers the error itself
  } finally {
    rendering = false;
    schedule();
  }
}

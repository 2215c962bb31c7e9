import "server-only";
import { dispatchDueEmails, type DispatchOptions } from "./deliver";

export { dispatchDueEmails, retryDelayMs, type DispatchOptions, type DispatchSummary } from "./deliver";

const INTERVAL_MS = 30_000;

// Kept on globalThis so that Next's dev reloads do not start a second timer.
const state = globalThis as unknown as { kioskOutboxTimer?: NodeJS.Timeout; kioskOutboxRun?: Promise<void> };

/** Runs one dispatch unless one is already running in this process; never rejects. */
function runOnce(options?: DispatchOptions): Promise<void> {
  state.kioskOutboxRun ??= dispatchDueEmails(options)
    .then((summary) => {
      if (summary.retried > 0 || summary.failed > 0) {
        console.warn(
          `[outbox] ${summary.sent} sent, ${summary.retried} to retry, ${summary.failed} given up`,
        );
      }
    })
    .catch((error: unknown) => {
      // Only the error's kind: messages can carry addresses or query text.
      const name = error instanceof Error ? error.name : typeof error;
      const code = (error as { code?: unknown } | null)?.code;
      console.warn(`[outbox] dispatch failed: ${name}${typeof code === "string" ? ` (${code})` : ""}`);
    })
    .finally(() => {
      state.kioskOutboxRun = undefined;
    });
  return state.kioskOutboxRun;
}

/**
 * Call after a transaction that queued an email commits: delivers it now instead of at the next
 * tick, and makes sure the periodic retry timer runs in this server process.
 */
export function kickOutbox(options?: DispatchOptions): Promise<void> {
  state.kioskOutboxTimer ??= setInterval(() => void runOnce(), INTERVAL_MS).unref();
  return runOnce(options);
}

export function stopOutboxTimer(): void {
  if (state.kioskOutboxTimer) clearInterval(state.kioskOutboxTimer);
  state.kioskOutboxTimer = undefined;
}

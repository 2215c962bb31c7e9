// Issue 13 item 5: where the kiosk page hears of the reader. The server's event stream
// (GET /api/card/events) says at once when a card goes in or out; while the stream is not open
// (first connect, a server restart, a proxy that refuses it) the page polls GET /api/card as it
// always did, so a dropped stream costs speed, never a card event.
import type { CardStatus } from "./cardPresence";

export const CARD_POLL_MS = 500;
/** After the browser gives up on the stream (an error status), try it again this much later. */
export const STREAM_RETRY_MS = 3000;

type Source = Pick<EventSource, "close" | "readyState"> & {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
};

export type CardFeedEnv = {
  /** null: no EventSource (an old browser, a test): polling only */
  openStream: ((url: string) => Source) | null;
  fetchStatus: () => Promise<unknown>;
  setTimeout: (run: () => void, ms: number) => number;
  clearTimeout: (id: number | undefined) => void;
};

export function statusFrom(body: unknown): CardStatus | null {
  if (typeof body !== "object" || body === null) return null;
  const { present, insertionId } = body as { present?: unknown; insertionId?: unknown };
  return {
    present: present === true,
    insertionId: typeof insertionId === "string" ? insertionId : null,
  };
}

const CLOSED = 2; // EventSource.CLOSED

/**
 * Starts listening; `onStatus` gets every status the stream or a poll reports, `onStream` whether
 * the stream is open (polling runs while it is not). Returns stop.
 */
export function startCardFeed(
  onStatus: (status: CardStatus) => void,
  env: CardFeedEnv,
  onStream: (open: boolean) => void = () => {},
): () => void {
  let stopped = false;
  let streamOpen = false;
  let source: Source | null = null;
  let pollTimer: number | undefined;
  let polling = false;
  // each polling run has its number: an answer from a run stopped meanwhile starts no new timer
  let run = 0;
  let retryTimer: number | undefined;

  const poll = async (mine: number) => {
    let body: unknown = null;
    try {
      body = await env.fetchStatus();
    } catch {
      // A missed poll (server restarting) says nothing about the card; the next one will.
    }
    // an answer that arrives after the stream opened may be older than what the stream said
    const status = statusFrom(body);
    if (stopped || streamOpen || mine !== run) return;
    if (status) onStatus(status);
    pollTimer = env.setTimeout(() => void poll(mine), CARD_POLL_MS);
  };
  const startPolling = () => {
    if (polling || stopped) return;
    polling = true;
    void poll(++run);
  };
  const stopPolling = () => {
    env.clearTimeout(pollTimer);
    polling = false;
    run += 1;
  };

  const connect = () => {
    if (stopped || !env.openStream) return;
    const opened = env.openStream("/api/card/events");
    source = opened;
    opened.onopen = () => {
      streamOpen = true;
      stopPolling();
      onStream(true);
    };
    opened.onmessage = (event) => {
      let body: unknown = null;
      try {
        body = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const status = statusFrom(body);
      if (status && !stopped) onStatus(status);
    };
    opened.onerror = () => {
      streamOpen = false;
      startPolling();
      onStream(false);
      // CONNECTING: the browser retries by itself; CLOSED: it has given up, so do it later
      if (opened.readyState === CLOSED) {
        opened.close();
        source = null;
        retryTimer = env.setTimeout(connect, STREAM_RETRY_MS);
      }
    };
  };

  startPolling();
  connect();
  return () => {
    stopped = true;
    stopPolling();
    env.clearTimeout(retryTimer);
    source?.close();
  };
}

export function browserCardFeedEnv(): CardFeedEnv {
  return {
    openStream: typeof EventSource === "function" ? (url) => new EventSource(url) : null,
    fetchStatus: async () => {
      const response = await fetch("/api/card", { cache: "no-store" });
      return response.ok ? response.json() : null;
    },
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  };
}

import "server-only";
import { getCardReader } from "@/kiosk/card";
import type { CardEvent, CardReader } from "@/kiosk/card/types";
import { cardStatus } from "./reader-status";

// Issue 13 item 5: the kiosk page hears of an insertion or removal as the card layer sees it,
// instead of on its next poll of GET /api/card. One server-sent event per change, carrying the
// same { present, insertionId } the poll answers, so the page turns both into card signals alike.

type Status = { present: boolean; insertionId: string | null };

/** A proxy or a sleeping NIC drops a silent connection; a comment line now and then keeps it. */
export const HEARTBEAT_MS = 15_000;
/** How soon the browser reconnects after the stream drops (a server restart). */
const RETRY_MS = 1000;
/** …and after the card layer itself failed. */
const FAILED_RETRY_MS = 5000;

/**
 * The status after `event`, from the event itself: asking the reader again would cost a PKCS#11
 * rescan per event. A removal of another insertion than the one last sent changes nothing.
 */
export function statusAfter(last: Status, event: CardEvent): Status {
  if (event.type === "card.inserted") return { present: true, insertionId: event.insertionId };
  return last.insertionId === event.insertionId ? { present: false, insertionId: null } : last;
}

export function cardEventStream(signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const send = (status: Status) => write(`data: ${JSON.stringify(status)}\n\n`);
      let reader: CardReader;
      try {
        reader = await getCardReader();
      } catch {
        // no reader (module missing or refusing): the page polls meanwhile, and the browser asks
        // again later, as the poll did, in case the module comes back
        write(`retry: ${FAILED_RETRY_MS}\n\n`);
        closed = true;
        return controller.close();
      }
      // Subscribe before reading the status: a change in between is then sent, never lost.
      let last: Status | null = null;
      const pending: CardEvent[] = [];
      const unwatch = reader.watch((event) => {
        if (last === null) pending.push(event);
        else send((last = statusAfter(last, event)));
      });
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
      heartbeat.unref?.();
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unwatch();
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // the client is already gone
        }
      };
      signal.addEventListener("abort", stop);
      if (signal.aborted) return stop();
      write(`retry: ${RETRY_MS}\n\n`);
      try {
        last = await cardStatus();
      } catch {
        // the driver failed this once (a module call): "no card" until its next event
        last = { present: false, insertionId: null };
      }
      for (const event of pending.splice(0)) last = statusAfter(last, event);
      send(last);
    },
    cancel() {
      stop();
    },
  });
}

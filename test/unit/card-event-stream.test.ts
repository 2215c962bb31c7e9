// Issue 13 item 5: GET /api/card/events — the reader's status first, then one event per change,
// fed by the card layer's watch(); the subscription ends with the request.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CardEvent, CardReader, ReaderStatus } from "@/kiosk/card/types";

type Listener = (event: CardEvent) => void;
const reader = {
  listeners: new Set<Listener>(),
  current: { present: false, readerId: "R" } as ReaderStatus,
  emit(event: CardEvent) {
    this.current =
      event.type === "card.inserted"
        ? { present: true, readerId: "R", insertionId: event.insertionId, label: "DEMO-B" }
        : { present: false, readerId: "R" };
    for (const listener of this.listeners) listener(event);
  },
};
const fakeReader: Pick<CardReader, "status" | "watch"> = {
  status: async () => reader.current,
  watch(listener) {
    reader.listeners.add(listener);
    return () => reader.listeners.delete(listener);
  },
};
let readerFails = false;
vi.mock("@/kiosk/card", () => ({
  getCardReader: async () => {
    if (readerFails) throw new Error("card error: noModule");
    return fakeReader;
  },
}));

const { cardEventStream, statusAfter } = await import("@/app/_server/card/reader-events");

/** The stream's `data:` payloads, read until `count` have come. */
async function read(stream: ReadableStream<Uint8Array>, count: number, between?: () => void) {
  const decoder = new TextDecoder();
  const texts = stream.getReader();
  const data: unknown[] = [];
  let buffer = "";
  while (data.length < count) {
    const { value, done } = await texts.read();
    if (done) break;
    buffer += decoder.decode(value);
    let end: number;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.startsWith("data: ")) {
        data.push(JSON.parse(block.slice(6)));
        between?.();
      }
    }
  }
  texts.releaseLock();
  return data;
}

beforeEach(() => {
  readerFails = false;
  reader.listeners.clear();
  reader.current = { present: false, readerId: "R" };
});

describe("the card event stream (issue 13 item 5)", () => {
  it("sends the status on connect, then each insertion and removal as the reader reports it", async () => {
    reader.emit({ type: "card.inserted", readerId: "R", insertionId: "i1" });
    const abort = new AbortController();
    const stream = cardEventStream(abort.signal);
    const steps = [
      () => reader.emit({ type: "card.removed", readerId: "R", insertionId: "i1" }),
      () => reader.emit({ type: "card.inserted", readerId: "R", insertionId: "i2" }),
      () => {},
    ];
    const data = await read(stream, 3, () => steps.shift()?.());
    expect(data).toEqual([
      { present: true, insertionId: "i1" },
      { present: false, insertionId: null },
      { present: true, insertionId: "i2" },
    ]);
    expect(reader.listeners.size).toBe(1);
    abort.abort();
    expect(reader.listeners.size).toBe(0);
  });

  it("without a card layer (module missing) the stream ends at once, asking the browser to retry later", async () => {
    readerFails = true;
    const response = new Response(cardEventStream(new AbortController().signal));
    expect(await response.text()).toMatch(/^retry: \d+\n\n$/);
  });

  it("a swap arrives as the new insertion id, which the page reads as removed + inserted", () => {
    const swapped = statusAfter(
      { present: true, insertionId: "i1" },
      { type: "card.inserted", readerId: "R", insertionId: "i2" },
    );
    expect(swapped).toEqual({ present: true, insertionId: "i2" });
  });

  it("the removal of an insertion other than the one last sent changes nothing", () => {
    const last = { present: true, insertionId: "i2" };
    expect(statusAfter(last, { type: "card.removed", readerId: "R", insertionId: "i1" })).toBe(last);
  });
});

// Issue 13 item 5: the page's card feed — the event stream when it is open, polling while it is
// not (first connect, a server restart, an error answer), and never a stale poll after the stream.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CARD_POLL_MS, STREAM_RETRY_MS, startCardFeed, type CardFeedEnv } from "@/app/_ui/cardFeed";
import type { CardStatus } from "@/app/_ui/cardPresence";

class FakeSource {
  readyState = 0;
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  send(body: unknown) {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(body) }));
  }
  fail(state: 0 | 2) {
    this.readyState = state;
    this.onerror?.(new Event("error"));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

let sources: FakeSource[];
let answer: CardStatus;
let polls: number;
let pending: ((body: unknown) => void)[];
let holdPolls: boolean;
let seen: CardStatus[];

function env(): CardFeedEnv {
  return {
    openStream: () => {
      const source = new FakeSource();
      sources.push(source);
      return source;
    },
    fetchStatus: () => {
      polls += 1;
      if (holdPolls) return new Promise((resolve) => pending.push(resolve));
      return Promise.resolve(answer);
    },
    setTimeout: (run, ms) => setTimeout(run, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  sources = [];
  answer = { present: false, insertionId: null };
  polls = 0;
  pending = [];
  holdPolls = false;
  seen = [];
});
afterEach(() => vi.useRealTimers());

describe("the kiosk page's card feed (issue 13 item 5)", () => {
  it("stops polling once the stream is open and reports what the stream says", async () => {
    const stop = startCardFeed((s) => seen.push(s), env());
    await vi.advanceTimersByTimeAsync(CARD_POLL_MS * 2 + 10);
    expect(polls).toBe(3);
    sources[0]!.open();
    await vi.advanceTimersByTimeAsync(CARD_POLL_MS * 10);
    expect(polls).toBe(3);
    sources[0]!.send({ present: true, insertionId: "i1" });
    sources[0]!.send({ present: false, insertionId: null });
    expect(seen.slice(-2)).toEqual([
      { present: true, insertionId: "i1" },
      { present: false, insertionId: null },
    ]);
    stop();
    expect(sources[0]!.closed).toBe(true);
  });

  it("polls while the stream is down and opens a new one after the browser gave up on it", async () => {
    const stop = startCardFeed((s) => seen.push(s), env());
    sources[0]!.open();
    const before = polls;
    sources[0]!.fail(0); // reconnecting by itself (a server restart)
    answer = { present: true, insertionId: "i9" };
    await vi.advanceTimersByTimeAsync(CARD_POLL_MS + 10);
    expect(polls).toBeGreaterThan(before);
    expect(seen.at(-1)).toEqual({ present: true, insertionId: "i9" });
    sources[0]!.fail(2); // an error answer: the browser will not retry
    expect(sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(STREAM_RETRY_MS + 10);
    expect(sources).toHaveLength(2);
    sources[1]!.open();
    const atOpen = polls;
    await vi.advanceTimersByTimeAsync(CARD_POLL_MS * 4);
    expect(polls).toBe(atOpen);
    stop();
  });

  it("drops a poll's answer that arrives after the stream opened (it may be older)", async () => {
    holdPolls = true;
    const stop = startCardFeed((s) => seen.push(s), env());
    expect(polls).toBe(1);
    sources[0]!.open();
    sources[0]!.send({ present: false, insertionId: null });
    pending[0]!({ present: true, insertionId: "old" });
    await vi.advanceTimersByTimeAsync(CARD_POLL_MS * 3);
    expect(seen).toEqual([{ present: false, insertionId: null }]);
    stop();
  });
});

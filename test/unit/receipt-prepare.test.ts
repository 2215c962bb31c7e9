// Issue 13 item 6 (h) and bench (e): a receipt just written is rendered ahead of the 印刷 tap, but
// only once no submit is waiting for its answer — with 20 terminals on one server, renders started
// as each submit committed held up every answer in flight (register 11× the raw baseline).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReceiptData } from "@/app/_shared/contracts";
import { receiptFixture } from "@/test/fixtures/receipt-data";

const renders = vi.hoisted(() => ({
  calls: [] as string[],
  /** when set, a render stays unfinished until its resolver here is called */
  held: null as (() => void)[] | null,
  failing: new Set<string>(),
  unknown: new Set<string>(),
}));
vi.mock("@/app/_server/receipts/render", () => ({
  renderReceiptPdf: async (data: ReceiptData, lang: string) => {
    renders.calls.push(`${data.number} ${lang}`);
    if (renders.held) await new Promise<void>((resolve) => renders.held!.push(resolve));
    if (renders.failing.has(data.number)) throw new Error("render failed");
    return Buffer.from(`PDF ${data.number} ${lang}`);
  },
  loadReceiptData: async (number: string) => (renders.unknown.has(number) ? null : receipt(number)),
}));

const { receiptPdf } = await import("@/app/_server/receipts/cache");
const { prepareReceiptPdf, whileSubmitting } = await import("@/app/_server/receipts/prepare");

function receipt(number: string): ReceiptData {
  return { ...receiptFixture, number };
}

/** A submit that stays in flight until `end` is called. */
function submitInFlight(): { end: () => Promise<void> } {
  let finish!: () => void;
  const running = whileSubmitting(() => new Promise<void>((resolve) => (finish = resolve)));
  return {
    end: async () => {
      finish();
      await running;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  renders.calls = [];
  renders.held = null;
  renders.failing.clear();
  renders.unknown.clear();
});

afterEach(async () => {
  // let whatever is still in line go, so the next test starts with an empty one
  renders.held?.forEach((release) => release());
  renders.held = null;
  await vi.advanceTimersByTimeAsync(10_000);
  vi.useRealTimers();
});

describe("issue 13 item 6 (h), bench (e): receipts rendered ahead once no submit is in flight", () => {
  it("renders a receipt just written only after every submit in flight has answered and a quiet moment passed", async () => {
    const other = submitInFlight();
    const answer = await whileSubmitting(async () => {
      prepareReceiptPdf("20261210-0001");
      return "registered";
    });
    expect(answer).toBe("registered");
    await vi.advanceTimersByTimeAsync(5_000);
    expect(renders.calls).toEqual([]);

    await other.end();
    await vi.advanceTimersByTimeAsync(49);
    expect(renders.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(renders.calls).toEqual(["20261210-0001 ja"]);
    // the print request then gets it from memory
    await receiptPdf(receipt("20261210-0001"), "ja");
    expect(renders.calls).toHaveLength(1);
  });

  it("renders the line one at a time, oldest first", async () => {
    renders.held = [];
    for (const n of ["0001", "0002", "0003"]) prepareReceiptPdf(`20261211-${n}`);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls).toEqual(["20261211-0001 ja"]);
    // neither a receipt queued nor a submit ending meanwhile starts a second render beside it
    await whileSubmitting(async () => prepareReceiptPdf("20261211-0004"));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls).toEqual(["20261211-0001 ja"]);
    renders.held.shift()!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls).toEqual(["20261211-0001 ja", "20261211-0002 ja"]);
    renders.held.shift()!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls).toHaveLength(3);
    expect(renders.calls[2]).toBe("20261211-0003 ja");
    renders.held.shift()!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls[3]).toBe("20261211-0004 ja");
  });

  it("holds the rest of the line back while a submit that started meanwhile is in flight", async () => {
    prepareReceiptPdf("20261212-0001");
    prepareReceiptPdf("20261212-0002");
    await vi.advanceTimersByTimeAsync(50);
    expect(renders.calls).toEqual(["20261212-0001 ja"]);
    await vi.advanceTimersByTimeAsync(20);
    const submit = submitInFlight();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(renders.calls).toEqual(["20261212-0001 ja"]);
    await submit.end();
    await vi.advanceTimersByTimeAsync(50);
    expect(renders.calls).toEqual(["20261212-0001 ja", "20261212-0002 ja"]);
  });

  it("keeps no more receipts waiting than the cache holds (32): the newest", async () => {
    const submit = submitInFlight();
    const numbers = Array.from({ length: 40 }, (_, i) => `20261213-${String(i).padStart(4, "0")}`);
    for (const n of numbers) prepareReceiptPdf(n);
    await submit.end();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(renders.calls).toEqual(numbers.slice(8).map((n) => `${n} ja`));
  });

  it("renders nothing when the print request came first: the PDF is already in memory", async () => {
    prepareReceiptPdf("20261214-0001");
    await receiptPdf(receipt("20261214-0001"), "ja");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls).toEqual(["20261214-0001 ja"]);
  });

  it("passes over an unknown number and a failed render, and renders the rest of the line", async () => {
    renders.unknown.add("20261215-9999");
    renders.failing.add("20261215-0001");
    prepareReceiptPdf("20261215-9999");
    prepareReceiptPdf("20261215-0001");
    prepareReceiptPdf("20261215-0002", "en");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(renders.calls).toEqual(["20261215-0001 ja", "20261215-0002 en"]);
    // the failure was not kept: the print request renders again
    renders.failing.clear();
    await expect(receiptPdf(receipt("20261215-0001"), "ja")).resolves.toBeInstanceOf(Buffer);
    expect(renders.calls).toHaveLength(3);
  });

  it("answers a submit's error to its caller and still renders what waits once it has ended", async () => {
    prepareReceiptPdf("20261216-0001");
    await expect(
      whileSubmitting(async () => {
        throw new Error("lost race");
      }),
    ).rejects.toThrow("lost race");
    await vi.advanceTimersByTimeAsync(50);
    expect(renders.calls).toEqual(["20261216-0001 ja"]);
  });
});

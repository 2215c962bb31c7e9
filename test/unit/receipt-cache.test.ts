// Issue 13 item 6 (h): a receipt's PDF is rendered once per snapshot and language and then served
// from memory; keyed by the snapshot's content, so a number reused by a reset database never gets
// another receipt's PDF.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ReceiptData } from "@/app/_shared/contracts";
import { receiptFixture } from "@/test/fixtures/receipt-data";

const renders = vi.hoisted(() => ({ calls: [] as string[], fail: false }));
vi.mock("@/app/_server/receipts/render", () => ({
  renderReceiptPdf: async (data: ReceiptData, lang: string) => {
    renders.calls.push(`${data.number} ${data.userId} ${lang}`);
    if (renders.fail) throw new Error("render failed");
    return Buffer.from(`PDF ${data.number} ${data.userId} ${lang}`);
  },
}));

const { receiptPdf } = await import("@/app/_server/receipts/cache");

const receipt = (number: string, userId = receiptFixture.userId): ReceiptData => ({
  ...receiptFixture,
  number,
  userId,
});

beforeEach(() => {
  renders.calls = [];
  renders.fail = false;
});

describe("issue 13 item 6 (h): rendered receipts kept in memory", () => {
  it("renders a snapshot once per language and answers the same bytes again", async () => {
    const first = await receiptPdf(receipt("20261201-0001"), "ja");
    const again = await receiptPdf(receipt("20261201-0001"), "ja");
    const english = await receiptPdf(receipt("20261201-0001"), "en");
    expect(again.equals(first)).toBe(true);
    expect(english.toString()).toBe("PDF 20261201-0001 1000000001 en");
    expect(renders.calls).toEqual(["20261201-0001 1000000001 ja", "20261201-0001 1000000001 en"]);
  });

  it("renders again when the same number holds another snapshot (a reset database)", async () => {
    await receiptPdf(receipt("20261201-0002", "1000000001"), "ja");
    const other = await receiptPdf(receipt("20261201-0002", "1000000002"), "ja");
    expect(other.toString()).toBe("PDF 20261201-0002 1000000002 ja");
    expect(renders.calls).toHaveLength(2);
  });

  it("keeps no failed render: the next request renders again", async () => {
    renders.fail = true;
    await expect(receiptPdf(receipt("20261201-0003"), "ja")).rejects.toThrow("render failed");
    renders.fail = false;
    await expect(receiptPdf(receipt("20261201-0003"), "ja")).resolves.toBeInstanceOf(Buffer);
    expect(renders.calls).toHaveLength(2);
  });

  it("keeps the 32 most recently used and forgets the oldest", async () => {
    for (let i = 0; i < 33; i++) await receiptPdf(receipt(`20261202-${String(i).padStart(4, "0")}`), "ja");
    renders.calls = [];
    await receiptPdf(receipt("20261202-0032"), "ja");
    expect(renders.calls).toEqual([]);
    await receiptPdf(receipt("20261202-0000"), "ja");
    expect(renders.calls).toEqual(["20261202-0000 1000000001 ja"]);
  });
});

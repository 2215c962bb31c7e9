import "server-only";
import { serializeInTransaction, type Tx } from "../db";
import { tokyoDay } from "../time";

/**
 * 受付番号: the Tokyo date and the day's sequence, e.g. 20261126-0007 — short enough to read out
 * at the counter. Terminals issuing at the same moment take turns until their transactions end
 * (serializeInTransaction), so none reads a number another is about to write; the unique index on
 * Receipt.number stays the last word.
 */
export async function nextReceiptNumber(tx: Tx, now: Date): Promise<string> {
  await serializeInTransaction(tx, "receiptNumber");
  const prefix = tokyoDay(now).replace(/-/g, "");
  const last = await tx.receipt.findFirst({
    where: { number: { startsWith: `${prefix}-` } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const seq = last ? Number(last.number.slice(prefix.length + 1)) + 1 : 1;
  return `${prefix}-${String(seq).padStart(4, "0")}`;
}

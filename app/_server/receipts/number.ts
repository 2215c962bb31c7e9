import "server-only";
import type { Tx } from "../db";
import { tokyoDay } from "../time";

/**
 * 受付番号: the Tokyo date and the day's sequence, e.g. 20261126-0007 — short enough to read out
 * at the counter. The unique index on Receipt.number catches the rare concurrent collision
 * (PostgreSQL); SQLite serializes writers, so there it cannot happen.
 */
export async function nextReceiptNumber(tx: Tx, now: Date): Promise<string> {
  const prefix = tokyoDay(now).replace(/-/g, "");
  const last = await tx.receipt.findFirst({
    where: { number: { startsWith: `${prefix}-` } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  const seq = last ? Number(last.number.slice(prefix.length + 1)) + 1 : 1;
  return `${prefix}-${String(seq).padStart(4, "0")}`;
}

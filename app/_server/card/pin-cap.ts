import "server-only";
import type { PinCapFailure } from "@/app/_shared/contracts";
import { PIN_CAPPED_MESSAGE, PIN_TRIES_PER_INSERTION } from "@/machines/pin.cap";
import { config } from "../config";
import { db } from "../db";

// R33 on the server: the kiosk's own cap of wrong PINs per insertion (machines/pin.cap.ts holds
// the number and its message), counted from the audit trail — docs/decisions/005.

export { PIN_TRIES_PER_INSERTION };

export function pinCapped(): PinCapFailure {
  return {
    ok: false,
    code: "pinCapped",
    message: PIN_CAPPED_MESSAGE,
    hints: [
      "PIN番号（ピン番号）は電子証明書と合わせて、認証局が発行するものです。PIN通知書等をご確認ください。",
      "PIN番号が分からない場合は、ICカードを発行した認証局にお問い合わせください。",
    ],
  };
}

/** audit rows read per round trip while counting back */
const PAGE = 50;

/**
 * Wrong PINs in a row for this insertion, newest first, read from this terminal's audit trail: it
 * records every attempt anyway and survives a new kiosk session with the card left in, so that
 * does not reset the count (an insertion itself does not outlive the server process: ADR 005). A
 * correct PIN or any other outcome ends the run; the cap's own refusals are skipped however many
 * there are, so a client that keeps submitting cannot push the wrong PINs out of view. One
 * terminal has one reader, so its rows for one insertion are contiguous.
 */
async function wrongPinsInARow(insertionId: string): Promise<number> {
  let count = 0;
  let before: number | undefined;
  for (;;) {
    const rows = await db().auditLog.findMany({
      where: {
        terminalId: config().TERMINAL_ID,
        action: "card.proof",
        ...(before === undefined ? {} : { seq: { lt: before } }),
      },
      // the chain's order: seq is unique and gap-free, so paging by it misses no row
      orderBy: { seq: "desc" },
      take: PAGE,
      select: { seq: true, detail: true },
    });
    for (const row of rows) {
      const detail = (row.detail ?? {}) as { reason?: unknown; insertionId?: unknown };
      if (detail.reason === "pinCapped") continue;
      if (detail.reason !== "pinIncorrect" || detail.insertionId !== insertionId) return count;
      count += 1;
      if (count >= PIN_TRIES_PER_INSERTION) return count;
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return count;
    before = last.seq;
  }
}

/** True when this insertion has used up the kiosk's wrong PINs: no more PINs go to the card. */
export async function isPinCapped(insertionId: string): Promise<boolean> {
  return (await wrongPinsInARow(insertionId)) >= PIN_TRIES_PER_INSERTION;
}

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

/**
 * Wrong PINs in a row for this insertion, newest first, read from this terminal's audit trail: it
 * records every attempt anyway and survives a server restart and a new kiosk session with the card
 * left in, so neither resets the count. A correct PIN or any other outcome ends the run; the cap's
 * own refusals do not count. One terminal has one reader, so its rows for one insertion are
 * contiguous.
 */
async function wrongPinsInARow(insertionId: string): Promise<number> {
  const rows = await db().auditLog.findMany({
    where: { terminalId: config().TERMINAL_ID, action: "card.proof" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: { detail: true },
  });
  let count = 0;
  for (const row of rows) {
    const detail = (row.detail ?? {}) as { reason?: unknown; insertionId?: unknown };
    if (detail.reason === "pinCapped") continue;
    if (detail.reason !== "pinIncorrect" || detail.insertionId !== insertionId) break;
    count += 1;
  }
  return count;
}

/** True when this insertion has used up the kiosk's wrong PINs: no more PINs go to the card. */
export async function isPinCapped(insertionId: string): Promise<boolean> {
  return (await wrongPinsInARow(insertionId)) >= PIN_TRIES_PER_INSERTION;
}

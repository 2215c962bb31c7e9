import "server-only";
import type { Failure } from "@/app/_shared/contracts";
import { screenInfo } from "@/app/_shared/screen-hints";
import { audit } from "../audit/append";
import { db, isUniqueViolation, type Tx } from "../db";
import { kioskTerminalId, NOT_A_TERMINAL_MESSAGE } from "./terminal";

// R32: a card left in the reader after its visit ended. The kiosk keeps ICカードをお取りください up
// and, after a minute, reports it here; staff get a 係員呼び出し (the take-card screen, the manual's
// hint, reason ICカードの取り忘れ) and mark it 対応済み like any call, plus an audit row `card.left`.
// One call per insertion (StaffCall.cardLeftInsertionId is unique): a reload or a second report of
// the same card adds nothing. A terminal has one open call: a call already waiting there (the bidder
// pressed 係員を呼ぶ, or an earlier card) becomes this one, so staff read what to do at the terminal.

export const CARD_LEFT_ACTION = "card.left";
export const CARD_LEFT_SCREEN = "end.takeCard";
export const CARD_LEFT_REASON = "ICカードの取り忘れ";

export type CardLeftResult =
  { ok: true; callId: string; repeated: boolean } | Failure<"noCard" | "invalid" | "notTerminal">;

/**
 * The kiosk's report; the server decides whether a card is really still in the reader
 * (`insertionId`, the reader's current insertion, null when empty).
 */
export async function reportCardLeft(input: unknown, insertionId: string | null): Promise<CardLeftResult> {
  const seconds = Number((input as { seconds?: unknown } | null)?.seconds);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400)
    return { ok: false, code: "invalid", message: "操作が正しくありません。" };
  const terminalId = kioskTerminalId();
  if (!terminalId) return { ok: false, code: "notTerminal", message: NOT_A_TERMINAL_MESSAGE };
  if (!insertionId) return { ok: false, code: "noCard", message: "ICカードは取り出されています。" };

  // twice: a concurrent report (or 係員を呼ぶ) may win the race for the terminal's open call
  for (let attempt = 0; ; attempt++) {
    const known = await db().staffCall.findUnique({ where: { cardLeftInsertionId: insertionId } });
    if (known) return { ok: true, callId: known.id, repeated: true };
    try {
      const callId = await db().$transaction((tx) => writeCall(tx, terminalId, insertionId, seconds));
      return { ok: true, callId, repeated: false };
    } catch (error) {
      const raced = isUniqueViolation(error) || error instanceof ReportedMeanwhile;
      if (attempt >= 1 || !raced) throw error;
    }
  }
}

async function writeCall(tx: Tx, terminalId: string, insertionId: string, seconds: number): Promise<string> {
  // the visit that ended with this card in (R32, visit/session.ts endSession)
  const visit = await tx.kioskSession.findFirst({
    where: { terminalId, cardLeftInsertionId: insertionId },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const screen = screenInfo(CARD_LEFT_SCREEN);
  const fields = {
    screen: CARD_LEFT_SCREEN,
    screenLabel: screen.label,
    hint: screen.hint,
    reason: CARD_LEFT_REASON,
    cardLeftInsertionId: insertionId,
  };
  const open = await tx.staffCall.findUnique({ where: { openKey: terminalId }, select: { id: true } });
  let callId: string;
  if (open) {
    // re-checked in the write: of two reports of one card at once, the second finds it done
    const taken = await tx.staffCall.updateMany({
      where: {
        id: open.id,
        OR: [{ cardLeftInsertionId: null }, { cardLeftInsertionId: { not: insertionId } }],
      },
      data: fields,
    });
    if (taken.count !== 1) throw new ReportedMeanwhile();
    callId = open.id;
  } else {
    const call = await tx.staffCall.create({
      data: { ...fields, terminalId, kioskSessionId: visit?.id ?? null, openKey: terminalId },
    });
    callId = call.id;
  }
  await audit(
    {
      action: CARD_LEFT_ACTION,
      outcome: "ok",
      kioskSessionId: visit?.id ?? null,
      detail: { terminal: terminalId, seconds, callId },
    },
    tx,
  );
  return callId;
}

/** Another report (or 係員を呼ぶ) changed the terminal's open call between the read and the write. */
class ReportedMeanwhile extends Error {}

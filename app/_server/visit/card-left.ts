import "server-only";
import type { Failure } from "@/app/_shared/contracts";
import { audit } from "../audit/append";
import { config } from "../config";
import { db } from "../db";

// R32: a card left in the reader after its visit ended. The kiosk keeps ICカードをお取りください up
// and, after a minute, tells staff through here. The notice is an audit row (`card.left`), not a
// table of its own: the staff-call mechanism (係員を呼ぶ) can route these rows later.

export const CARD_LEFT_ACTION = "card.left";

/** The kiosk's report; the server decides whether a card is really still in the reader. */
export async function reportCardLeft(
  input: unknown,
  cardPresent: boolean,
): Promise<{ ok: true } | Failure<"noCard" | "invalid">> {
  const seconds = Number((input as { seconds?: unknown } | null)?.seconds);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 86_400)
    return { ok: false, code: "invalid", message: "操作が正しくありません。" };
  if (!cardPresent) return { ok: false, code: "noCard", message: "ICカードは取り出されています。" };
  await audit({
    action: CARD_LEFT_ACTION,
    outcome: "ok",
    detail: { terminal: config().TERMINAL_ID, seconds },
  });
  return { ok: true };
}

export type CardLeftNotice = { terminalId: string; at: Date; seconds: number };

/**
 * Notices still open: a `card.left` after the terminal's latest visit start (a new visit at that
 * terminal means the card was taken — the kiosk refuses to start one while it is in, R32).
 */
export async function openCardLeftNotices(since: Date): Promise<CardLeftNotice[]> {
  const rows = await db().auditLog.findMany({
    where: { action: CARD_LEFT_ACTION, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { terminalId: true, createdAt: true, detail: true },
  });
  const notices: CardLeftNotice[] = [];
  for (const row of rows) {
    if (notices.some((n) => n.terminalId === row.terminalId)) continue;
    const later = await db().auditLog.count({
      where: { terminalId: row.terminalId, action: "session.start", createdAt: { gt: row.createdAt } },
    });
    if (later > 0) continue;
    const seconds = Number((row.detail as { seconds?: unknown } | null)?.seconds ?? 0);
    notices.push({ terminalId: row.terminalId, at: row.createdAt, seconds });
  }
  return notices;
}

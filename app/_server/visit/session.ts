import "server-only";
import { randomBytes } from "node:crypto";
import type { CardView, Failure, SessionView } from "@/app/_shared/contracts";
import { isKind, type Kind } from "@/app/_shared/kinds";
import { Prisma } from "@/prisma/client";
import { audit } from "../audit/append";
import { config } from "../config";
import { db } from "../db";
import { walkInOpeningId } from "./terminals";

// A kiosk session records what the server has *proven* for one visit. Every action names the
// step it needs; a client that skips a step (or a stale tab) gets the "session" failure.
// ICカード更新 adds "newCardProven": the old card (in `card`, with its registration's qualification)
// and then the new card were proven in this visit.
export type Step = "started" | "cardProven" | "qualificationMatched" | "newCardProven";

/** The proven card as kept in the session: which insertion it was, and the certificate itself. */
export type ProvenCard = CardView & { insertionId: string; certificatePem: string };

export type KioskSessionState = {
  id: string;
  agency: { id: string; code: string; name: string; goods: boolean };
  kind: Kind;
  card: ProvenCard | null;
  /** ICカード更新: the new card, proven after the old one */
  newCard: ProvenCard | null;
  qualificationId: string | null;
  receiptId: string | null;
  /** the staff opening the visit started under (written on the receipt) */
  terminalOpeningId: string | null;
};

/** What each step guarantees on top of the ones before it. */
type ProvenAt = {
  started: object;
  cardProven: { card: ProvenCard };
  qualificationMatched: { card: ProvenCard; qualificationId: string };
  newCardProven: { card: ProvenCard; qualificationId: string; newCard: ProvenCard };
};

/** The session as a step may use it: what that step proved is never null. */
export type SessionAt<S extends Step> = KioskSessionState & ProvenAt[S];

export const SESSION_COOKIE = "kiosk_session";

const EXPIRED_MESSAGE =
  "操作の有効期間が過ぎたか、手順が正しくありません。お手数ですが、はじめからやり直してください。";

export function sessionFailure(): Failure<"session"> {
  return { ok: false, code: "session", message: EXPIRED_MESSAGE };
}

function expiry(now: Date): Date {
  return new Date(now.getTime() + config().KIOSK_SESSION_TTL_MINUTES * 60_000);
}

export const TERMINAL_CLOSED_MESSAGE =
  "この端末では、ただいま受付を行っていません。お手数ですが係員にお声がけください。";

/** R20: the chosen agency has no goods e-bidding. */
export function goodsNotOfferedMessage(agencyName: string): string {
  return `${agencyName}では物品等の電子入札を行っていません。`;
}

export const CARD_LEFT_OVER_MESSAGE =
  "前のご利用のICカードが差し込まれたままです。ICカードを一度取り出し、もう一度差し込んでから始めてください。";

/**
 * R32: the card in the reader (`insertionId`) is one left from before if the terminal's latest
 * visit ended with it in the reader, or is still open (never ended: a closed tab) with it proven.
 */
async function isCardLeftOver(insertionId: string | null): Promise<boolean> {
  if (!insertionId) return false;
  const last = await db().kioskSession.findFirst({
    where: { terminalId: config().TERMINAL_ID },
    orderBy: { createdAt: "desc" },
    select: { endedAt: true, cardLeftInsertionId: true, card: true, newCard: true },
  });
  if (!last) return false;
  if (last.endedAt) return last.cardLeftInsertionId === insertionId;
  const proven = [last.card, last.newCard].map((c) => (c as { insertionId?: unknown } | null)?.insertionId);
  return proven.includes(insertionId);
}

/**
 * Starts a visit. `insertionId` is the card in the reader now (if any): a card inserted before the
 * previous visit ended must be taken out and inserted again (R32).
 */
export async function startSession(
  input: { agencyCode: string; kind: Kind },
  now: Date = new Date(),
  insertionId: string | null = null,
): Promise<
  ({ ok: true; id: string } & SessionView) | Failure<"invalid" | "terminalClosed" | "cardLeftOver">
> {
  // R23 and the staff opening: a new visit starts only while the terminal accepts walk-ins
  // (visits already running may finish after closing time or after staff close the terminal)
  const terminalOpeningId = await walkInOpeningId(now);
  if (!terminalOpeningId) {
    await audit({ action: "session.start", outcome: "refused", detail: { reason: "terminalClosed" } });
    return { ok: false, code: "terminalClosed", message: TERMINAL_CLOSED_MESSAGE };
  }
  const agency = await db().agency.findUnique({ where: { code: input.agencyCode } });
  if (!agency) return { ok: false, code: "invalid", message: "調達機関を選択してください。" };
  if (input.kind === "goods" && !agency.goods) {
    // R20: 物品 is not offered where the agency has no goods e-bidding
    return { ok: false, code: "invalid", message: goodsNotOfferedMessage(agency.name) };
  }
  if (await isCardLeftOver(insertionId)) {
    await audit({ action: "session.start", outcome: "refused", detail: { reason: "cardLeftOver" } });
    return { ok: false, code: "cardLeftOver", message: CARD_LEFT_OVER_MESSAGE };
  }
  const id = randomBytes(32).toString("base64url");
  await db().kioskSession.create({
    data: {
      id,
      terminalId: config().TERMINAL_ID,
      terminalOpeningId,
      agencyId: agency.id,
      kind: input.kind,
      expiresAt: expiry(now),
    },
  });
  await audit({
    action: "session.start",
    outcome: "ok",
    kioskSessionId: id,
    detail: { agency: agency.code, kind: input.kind },
  });
  return {
    ok: true,
    id,
    agency: { code: agency.code, name: agency.name, goods: agency.goods },
    kind: input.kind,
  };
}

/**
 * Loads the session if it is live and has reached `step`; extends its lifetime. Returns null
 * otherwise, and the caller answers sessionFailure().
 */
export async function requireSession<S extends Step>(
  id: string | undefined,
  step: S,
  now: Date = new Date(),
): Promise<SessionAt<S> | null> {
  if (!id) return null;
  const row = await db().kioskSession.findUnique({ where: { id }, include: { agency: true } });
  if (!row || row.endedAt || row.expiresAt <= now || !isKind(row.kind)) return null;
  if (row.terminalId !== config().TERMINAL_ID) return null;
  const state: KioskSessionState = {
    id: row.id,
    agency: { id: row.agency.id, code: row.agency.code, name: row.agency.name, goods: row.agency.goods },
    kind: row.kind,
    card: row.cardFingerprint && row.card ? (row.card as ProvenCard) : null,
    newCard: row.newCardFingerprint && row.newCard ? (row.newCard as ProvenCard) : null,
    qualificationId: row.qualificationId,
    receiptId: row.receiptId,
    terminalOpeningId: row.terminalOpeningId,
  };
  if (!reached(state, step)) return null;
  await db().kioskSession.update({ where: { id }, data: { expiresAt: expiry(now) } });
  return state;
}

function reached<S extends Step>(state: KioskSessionState, step: S): state is SessionAt<S> {
  switch (step) {
    case "started":
      return true;
    case "cardProven":
      return state.card !== null;
    case "qualificationMatched":
      return state.card !== null && state.qualificationId !== null;
    case "newCardProven":
      return state.card !== null && state.qualificationId !== null && state.newCard !== null;
  }
  return false;
}

/** The card as the screens and receipts show it: the session-only fields left out. */
export function cardView(card: ProvenCard): CardView {
  const { insertionId: _insertionId, certificatePem: _pem, ...view } = card;
  return view;
}

/**
 * Ends the visit: the proven facts are wiped so nothing of this bidder is reachable any more. The
 * card still in the reader (`insertionId`), if any, is kept so the next visit refuses it (R32).
 */
export async function endSession(
  id: string | undefined,
  reason: string,
  now: Date = new Date(),
  insertionId: string | null = null,
): Promise<void> {
  if (!id) return;
  const { count } = await db().kioskSession.updateMany({
    where: { id, endedAt: null },
    data: {
      endedAt: now,
      cardLeftInsertionId: insertionId,
      card: Prisma.DbNull,
      cardFingerprint: null,
      newCard: Prisma.DbNull,
      newCardFingerprint: null,
      qualificationId: null,
    },
  });
  if (count > 0)
    await audit({ action: "session.end", outcome: "ok", kioskSessionId: id, detail: { reason } });
}

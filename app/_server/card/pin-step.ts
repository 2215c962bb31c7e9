import "server-only";
import type { PinCapFailure, PinPurpose, PinStepResult } from "@/app/_shared/contracts";
import { pinSchema } from "@/app/_shared/schemas";
import { getCardReader } from "@/kiosk/card";
import { isCardError } from "@/kiosk/card/types";
import { audit } from "../audit/append";
import { cardFailureResult } from "./messages";
import { issueNonce, nonceChallenge, verifyCardProof } from "./proof";
import { recordProvenCard } from "./purpose";
import { oldCardExpired } from "./refusals";
import { describeCertificate } from "../certificates/check";
import { config } from "../config";
import { db } from "../db";
import { requireSession, sessionFailure, type ProvenCard } from "../visit/session";

export type CardPurpose = PinPurpose;

/**
 * Wrong PINs in a row the kiosk accepts on one insertion. Real cards lock after 3–10 and the
 * count follows the card to every machine, so the kiosk stops first and never spends the last.
 */
export const PIN_TRIES_PER_INSERTION = 2;

export const PIN_CAPPED_MESSAGE =
  "PIN番号を2回続けて間違えたため、ICカードがロックされないよう、これ以上のPIN番号の入力はお受けできません。PIN通知書等でPIN番号をご確認いただくか、係員にお声がけください。";

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

function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

/**
 * The PIN step: the card signs a fresh server nonce, the server verifies signature, certificate
 * and issuer, and only then records the card as proven in the kiosk session. The PIN goes to the
 * card layer and nowhere else (R30).
 */
export async function proveCard(
  sessionId: string | undefined,
  input: { pin: string; purpose: CardPurpose },
  now: Date = new Date(),
): Promise<PinStepResult> {
  const session = await requireSession(sessionId, "started", now);
  if (!session) return sessionFailure();
  // the new card of 更新 is compared with the old one: without it there is nothing to prove against
  if (input.purpose === "renewalNew" && (!session.card || !session.qualificationId)) return sessionFailure();
  if (!pinSchema.safeParse(input.pin).success) {
    return { ok: false, code: "pinLength", message: "PIN番号は4〜16桁の数字で入力してください。" };
  }
  const reader = getCardReader();
  let proof;
  let insertionId: string | null = null;
  try {
    const status = await reader.status();
    if (!status.present) return cardFailureResult({ code: "noCard" });
    // Refused before the card is touched: the cap must not itself cost a try.
    if (await isPinCapped(status.insertionId)) {
      await audit({
        action: "card.proof",
        outcome: "refused",
        kioskSessionId: session.id,
        detail: { reason: "pinCapped", insertionId: status.insertionId },
      });
      return pinCapped();
    }
    insertionId = status.insertionId;
    const certificateDer = await reader.readCertificate();
    const nonce = await issueNonce(session.id, now);
    const signed = await reader.sign(input.pin, nonceChallenge(nonce));
    proof = { certificateDer, nonce, ...signed };
  } catch (error) {
    if (!isCardError(error)) throw error;
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: session.id,
      detail: { reason: error.failure.code, insertionId },
    });
    const failure = cardFailureResult(error.failure);
    // The wrong PIN that reaches the cap already answers with the stop, not "try again".
    if (failure.code === "pinIncorrect" && insertionId !== null) {
      if (await isPinCapped(insertionId)) return pinCapped();
    }
    return failure;
  }

  const verified = await verifyCardProof({
    sessionId: session.id,
    nonce: proof.nonce,
    certificateDer: proof.certificateDer,
    signature: proof.signature,
    algorithm: proof.algorithm,
    now,
    slot: input.purpose === "renewalNew" ? "newCard" : "card",
  });
  if (!verified.ok) {
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: session.id,
      detail: { reason: verified.code, purpose: input.purpose },
    });
    // R13: an expired card in use cannot be renewed; the manual sends the bidder to 登録
    if (verified.code === "expired" && input.purpose === "renewalOld") {
      return oldCardExpired(new Date(describeCertificate(proof.certificateDer, now).notAfter));
    }
    return verified;
  }
  const card: ProvenCard = {
    ...verified.card,
    insertionId: proof.insertionId,
    certificatePem: toPem(proof.certificateDer),
  };
  // R1 for 登録, R2/R12 for 変更 and the old card, R13 for the new card: refused cards stay unrecorded
  const refusal = await recordProvenCard(session, input.purpose, card);
  if (refusal) return refusal as PinStepResult;
  await audit({
    action: "card.proof",
    outcome: "ok",
    kioskSessionId: session.id,
    detail: { issuer: card.issuer, serial: card.serialHex, purpose: input.purpose },
  });
  return { ok: true, card: verified.card, warnings: verified.warnings };
}

/** The insertion the reader holds now, or null: registration checks it is still the proven card. */
export async function currentInsertionId(): Promise<string | null> {
  const status = await getCardReader().status();
  return status.present ? status.insertionId : null;
}

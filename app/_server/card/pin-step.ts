import "server-only";
import type { PinPurpose, PinStepResult } from "@/app/_shared/contracts";
import { pinSchema } from "@/app/_shared/schemas";
import { getCardReader, inCardTurn } from "@/kiosk/card";
import { isCardError, type CardErrorCode } from "@/kiosk/card/types";
import { audit } from "../audit/append";
import { cardFailureResult } from "./messages";
import { issueNonce, nonceChallenge, verifyCardProof } from "./proof";
import { recordProvenCard, stepFor } from "./purpose";
import { isPinCapped, pinCapped } from "./pin-cap";
import { oldCardExpired } from "./refusals";
import { describeCertificate } from "../certificates/check";
import { requireSession, sessionFailure, type ProvenCard } from "../visit/session";

function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

type Attempt =
  { ok: true; proof: Awaited<ReturnType<typeof signOnCard>> } | { ok: false; failure: PinStepResult };

async function readerStatus(
  sessionId: string,
): Promise<{ present: true; insertionId: string } | { present: false; failure: "noCard" | CardErrorCode }> {
  try {
    const status = await (await getCardReader()).status();
    return status.present
      ? { present: true, insertionId: status.insertionId }
      : { present: false, failure: "noCard" };
  } catch (error) {
    if (!isCardError(error)) throw error;
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: sessionId,
      detail: { reason: error.failure.code, insertionId: null },
    });
    return { present: false, failure: error.failure.code };
  }
}

async function signOnCard(sessionId: string, pin: string, now: Date) {
  const reader = await getCardReader();
  const certificateDer = await reader.readCertificate();
  const nonce = await issueNonce(sessionId, now);
  const signed = await reader.sign(pin, nonceChallenge(nonce));
  return { certificateDer, nonce, ...signed };
}

/** One turn on the card: refused at the cap without touching it, else one login, its outcome audited. */
async function tryOnCard(sessionId: string, pin: string, insertionId: string, now: Date): Promise<Attempt> {
  // Refused before the card is touched: the cap must not itself cost a try.
  if (await isPinCapped(insertionId)) {
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: sessionId,
      detail: { reason: "pinCapped", insertionId },
    });
    return { ok: false, failure: pinCapped() };
  }
  try {
    return { ok: true, proof: await signOnCard(sessionId, pin, now) };
  } catch (error) {
    if (!isCardError(error)) throw error;
    // written before the turn ends: the next request in the queue counts this wrong PIN
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: sessionId,
      detail: { reason: error.failure.code, insertionId },
    });
    const failure = cardFailureResult(error.failure);
    // The wrong PIN that reaches the cap already answers with the stop, not "try again".
    if (failure.code === "pinIncorrect" && (await isPinCapped(insertionId))) {
      return { ok: false, failure: pinCapped() };
    }
    return { ok: false, failure };
  }
}

/**
 * The PIN step: the card signs a fresh server nonce, the server verifies signature, certificate
 * and issuer, and only then records the card as proven in the kiosk session. The PIN goes to the
 * card layer and nowhere else (R30).
 */
export async function proveCard(
  sessionId: string | undefined,
  input: { pin: string; purpose: PinPurpose },
  now: Date = new Date(),
): Promise<PinStepResult> {
  const session = await requireSession(sessionId, stepFor(input.purpose), now);
  if (!session) return sessionFailure();
  if (!pinSchema.safeParse(input.pin).success) {
    return { ok: false, code: "pinLength", message: "PIN番号は4〜16桁の数字で入力してください。" };
  }
  const status = await readerStatus(session.id);
  if (!status.present) return cardFailureResult({ code: status.failure });
  // R33: the cap check, the login and the recording of its outcome are one turn per card, so a
  // burst of PIN requests reaches the card one at a time and stops at the cap
  const attempt = await inCardTurn(status.insertionId, () =>
    tryOnCard(session.id, input.pin, status.insertionId, now),
  );
  if (!attempt.ok) return attempt.failure;
  const proof = attempt.proof;

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

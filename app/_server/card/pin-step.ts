import "server-only";
import type { PinPurpose, PinStepResult } from "@/app/_shared/contracts";
import { pinSchema } from "@/app/_shared/schemas";
import { getCardReader } from "@/kiosk/card";
import { isCardError } from "@/kiosk/card/types";
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
  const reader = await getCardReader();
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

import "server-only";
import type { ProveCardResult } from "@/app/_shared/contracts";
import { pinSchema } from "@/app/_shared/schemas";
import { getCardReader } from "@/kiosk/card";
import { isCardError } from "@/kiosk/card/types";
import { Prisma } from "@/prisma/client";
import { audit } from "./audit";
import { cardFailureResult } from "./card-messages";
import { issueNonce, nonceChallenge, verifyCardProof } from "./card-proof";
import { db } from "./db";
import { alreadyRegistered } from "./registration-messages";
import { requireSession, sessionFailure, type ProvenCard } from "./session";

export type CardPurpose = "register";

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
): Promise<ProveCardResult> {
  const session = await requireSession(sessionId, "started", now);
  if (!session) return sessionFailure();
  if (!pinSchema.safeParse(input.pin).success) {
    return { ok: false, code: "pinLength", message: "PIN番号は4〜16桁の数字で入力してください。" };
  }
  const reader = getCardReader();
  let proof;
  try {
    const status = await reader.status();
    if (!status.present) return cardFailureResult({ code: "noCard" });
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
      detail: { reason: error.failure.code },
    });
    return cardFailureResult(error.failure);
  }

  const verified = await verifyCardProof({
    sessionId: session.id,
    nonce: proof.nonce,
    certificateDer: proof.certificateDer,
    signature: proof.signature,
    algorithm: proof.algorithm,
    now,
  });
  if (!verified.ok) {
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: session.id,
      detail: { reason: verified.code },
    });
    return verified;
  }
  const card: ProvenCard = {
    ...verified.card,
    insertionId: proof.insertionId,
    certificatePem: toPem(proof.certificateDer),
  };
  await db().kioskSession.update({
    where: { id: session.id },
    data: { card: card as unknown as Prisma.InputJsonValue, qualificationId: null },
  });

  if (input.purpose === "register") {
    // R1: a card registered for this kind (to any user ID, active or replaced) cannot be again
    const existing = await db().cardRegistration.findUnique({
      where: {
        issuer_serialNumber_kind: { issuer: card.issuer, serialNumber: card.serialHex, kind: session.kind },
      },
      select: { id: true },
    });
    if (existing) {
      await audit({
        action: "card.proof",
        outcome: "refused",
        kioskSessionId: session.id,
        detail: { reason: "R1" },
      });
      return alreadyRegistered();
    }
  }
  await audit({
    action: "card.proof",
    outcome: "ok",
    kioskSessionId: session.id,
    detail: { issuer: card.issuer, serial: card.serialHex },
  });
  return { ok: true, card: verified.card, warnings: verified.warnings };
}

/** The insertion the reader holds now, or null: registration checks it is still the proven card. */
export async function currentInsertionId(): Promise<string | null> {
  const status = await getCardReader().status();
  return status.present ? status.insertionId : null;
}

import "server-only";
import { randomBytes } from "node:crypto";
import type { CardView, ProveCardResult } from "@/app/_shared/contracts";
import type { SignatureAlgorithm } from "@/kiosk/card/types";
import type { Prisma } from "@/prisma/client";
import { describeCertificate, parseCertificate } from "../certificates/check";
import { checkConfiguredCertificate } from "../certificates/config";
import { db } from "../db";
import { sessionFailure } from "../visit/session";
import { certificateFailure, expiryWarnings, proofFailure } from "./messages";

// Card possession is proven, not claimed (DESIGN): the server hands out a one-time nonce, the
// card signs it after the PIN, and only a signature that verifies with a certificate from a
// trusted CA marks the kiosk session's card as proven.

export const NONCE_TTL_MS = 5 * 60_000;

/** A fresh 256-bit challenge bound to this kiosk session; single use, five minutes. */
export async function issueNonce(sessionId: string, now: Date = new Date()): Promise<string> {
  const value = randomBytes(32).toString("base64url");
  await db().cardNonce.create({
    data: { value, kioskSessionId: sessionId, expiresAt: new Date(now.getTime() + NONCE_TTL_MS) },
  });
  return value;
}

/** What the card signs: the nonce's UTF-8 bytes. */
export function nonceChallenge(nonce: string): Uint8Array {
  return new TextEncoder().encode(nonce);
}

export type CardProofInput = {
  sessionId: string;
  nonce: string;
  certificateDer: Uint8Array;
  signature: Uint8Array;
  algorithm: SignatureAlgorithm;
  now?: Date;
  /** where the proven card goes: `newCard` for the second card of ICカード更新 (the old one stays) */
  slot?: "card" | "newCard";
};

class NonceTaken extends Error {}
class SessionGone extends Error {}

export async function verifyCardProof(input: CardProofInput): Promise<ProveCardResult> {
  const now = input.now ?? new Date();
  const row = await db().cardNonce.findUnique({
    where: { value: input.nonce },
    include: { kioskSession: true },
  });
  // Unknown, used, or another session's nonce all read the same: nothing to tell an attacker.
  if (!row || row.kioskSessionId !== input.sessionId || row.usedAt)
    return proofFailure({ code: "nonceReplayed" });
  // From here on the nonce is spent whatever the outcome: one nonce buys one attempt.
  if (row.expiresAt <= now) return burnThen(row.id, now, proofFailure({ code: "nonceExpired" }));
  const session = row.kioskSession;
  if (session.endedAt || session.expiresAt <= now) return burnThen(row.id, now, sessionFailure());

  let card: CardView;
  try {
    card = describeCertificate(input.certificateDer, now);
  } catch {
    return burnThen(row.id, now, proofFailure({ code: "unreadable" }));
  }
  const signed = await signatureVerifies(input);
  if (!signed) return burnThen(row.id, now, proofFailure({ code: "badSignature" }));

  const check = await checkConfiguredCertificate(input.certificateDer, now);
  if (!check.ok) return burnThen(row.id, now, certificateFailure(check.reason, card));

  try {
    await db().$transaction(async (tx) => {
      // The guard on usedAt makes the nonce single-use even when two proofs race for it.
      const used = await tx.cardNonce.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: now },
      });
      if (used.count !== 1) throw new NonceTaken();
      const recorded = await tx.kioskSession.updateMany({
        where: { id: input.sessionId, endedAt: null },
        data:
          input.slot === "newCard"
            ? {
                newCardFingerprint: card.fingerprint,
                newCard: card as Prisma.InputJsonValue,
                newCardProvenAt: now,
              }
            : { cardFingerprint: card.fingerprint, card: card as Prisma.InputJsonValue, cardProvenAt: now },
      });
      if (recorded.count !== 1) throw new SessionGone();
    });
  } catch (error) {
    if (error instanceof NonceTaken) return proofFailure({ code: "nonceReplayed" });
    if (error instanceof SessionGone) return sessionFailure();
    throw error;
  }

  return { ok: true, card, warnings: expiryWarnings(card) };
}

async function burnThen<T>(nonceId: string, now: Date, result: T): Promise<T> {
  await db().cardNonce.updateMany({ where: { id: nonceId, usedAt: null }, data: { usedAt: now } });
  return result;
}

async function signatureVerifies(input: CardProofInput): Promise<boolean> {
  const algorithm =
    input.algorithm === "ECDSA-SHA256"
      ? { import: { name: "ECDSA", namedCurve: "P-256" }, verify: { name: "ECDSA", hash: "SHA-256" } }
      : { import: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, verify: { name: "RSASSA-PKCS1-v1_5" } };
  try {
    const certificate = parseCertificate(input.certificateDer);
    const key = await certificate.publicKey.export(algorithm.import, ["verify"]);
    return await globalThis.crypto.subtle.verify(
      algorithm.verify,
      key,
      Uint8Array.from(input.signature),
      Uint8Array.from(nonceChallenge(input.nonce)),
    );
  } catch {
    // A key that does not fit the claimed algorithm is a signature that does not verify.
    return false;
  }
}

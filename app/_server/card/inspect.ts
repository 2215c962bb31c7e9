import "server-only";
import type {
  CardFacts,
  InspectCardCode,
  InspectCardFailure,
  InspectCardResult,
  PinPurpose,
  ProveCardFailure,
} from "@/app/_shared/contracts";
import { getCardReader } from "@/kiosk/card";
import { isCardError, type PinStatus } from "@/kiosk/card/types";
import { audit } from "../audit/append";
import { describeCertificate } from "../certificates/check";
import { checkConfiguredCertificate } from "../certificates/config";
import { requireSession, sessionFailure } from "../visit/session";
import { cardFailureResult, certificateFailure, expiryWarnings, proofFailure } from "./messages";
import { isPinCapped, pinCapped } from "./pin-cap";
import { purposeRefusal, stepFor } from "./purpose";
import { oldCardExpired } from "./refusals";

// The pre-flight card check (issue 3): on insertion, before any PIN, the bidder sees whose card it
// is and hears at once when it cannot be used (expired, untrusted, revoked, locked, registered) — so a refused card never costs a PIN try. This is
// guidance only: proveCard re-checks every point against the card's signature.

export const PIN_FINAL_TRY_WARNING =
  "このICカードは、次にPIN番号を間違えるとロックされます。PIN通知書等でPIN番号をよくご確認のうえ入力してください。ご不明な場合は係員にお声がけください。";
export const PIN_COUNT_LOW_WARNING =
  "このICカードは、PIN番号を入力できる残りの回数が少なくなっています。PIN通知書等でPIN番号をよくご確認のうえ入力してください。";

const OWN_CODES: ReadonlySet<string> = new Set<InspectCardCode>([
  "session",
  "noCard",
  "cardError",
  "pinLocked",
  "expired",
  "notYetValid",
  "untrusted",
  "alreadyRegistered",
  "pinCapped",
  "revoked",
  "crlStale",
  "crlInvalid",
  "crlUnavailable",
  "unexpected",
  "notRegistered",
  "replacedCard",
  "lapsedUserId",
  "oldCardExpired",
  "sameCard",
  "issuerDiffers",
  "companyDiffers",
]);

/**
 * A card-layer or certificate failure in the pre-flight's terms. Card trouble the bidder can fix
 * (removed, not seated) reads as "noCard"/"cardError"; revocation and CRL refusals keep their own
 * code; anything else (a wrong key usage, a bad signature) keeps its message as "untrusted".
 */
function asInspectFailure(failure: ProveCardFailure, card?: CardFacts): InspectCardFailure {
  const code: InspectCardCode = OWN_CODES.has(failure.code)
    ? (failure.code as InspectCardCode)
    : failure.code === "cardRemoved"
      ? "noCard"
      : "untrusted";
  const result: InspectCardFailure = { ok: false, code, message: failure.message };
  if (failure.hints) result.hints = failure.hints;
  if (card) result.card = card;
  return result;
}

function pinWarnings(pin: PinStatus): string[] {
  if (pin.finalTry || pin.retriesLeft === 1) return [PIN_FINAL_TRY_WARNING];
  if (pin.countLow) return [PIN_COUNT_LOW_WARNING];
  return [];
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A card call started early whose failure is looked at only when its turn comes. */
function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function unwrap<T>(result: Settled<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

async function refuse<T extends InspectCardFailure>(sessionId: string, result: T): Promise<T> {
  await audit({
    action: "card.inspect",
    outcome: "refused",
    kioskSessionId: sessionId,
    detail: { reason: result.code },
  });
  return result;
}

/**
 * Reads the inserted card's certificate and PIN flags without the PIN, describes the card and
 * checks it: locked, chain to a trusted CA, validity, CRL (R18), and the purpose's rule — for 登録
 * not yet registered for the session's kind (R1), for 変更 and the old card of 更新 registered and
 * active (R2, R12), for the new card of 更新 the R13 comparisons with the old one. Expiring within
 * 30 days is a warning, not a refusal.
 */
export async function inspectCard(
  sessionId: string | undefined,
  input: { purpose: PinPurpose } = { purpose: "register" },
  now: Date = new Date(),
): Promise<InspectCardResult> {
  const purpose = input.purpose;
  // Issue 13 item 5: the steps that do not need each other's answers run together — the session
  // (database) beside the reader's status (card), the PIN cap (database) beside the certificate
  // and PIN flags (card), the chain and CRL beside the purpose's rule (database). The answers are
  // then looked at in the order below, so the bidder hears the same refusal as before.
  const reader = await getCardReader();
  const [session, status] = await Promise.all([
    requireSession(sessionId, stepFor(purpose), now),
    settled(reader.status()),
  ]);
  if (!session) return sessionFailure();
  let der: Uint8Array;
  let pin: PinStatus;
  try {
    const present = unwrap(status);
    if (!present.present) return asInspectFailure(cardFailureResult({ code: "noCard" }));
    // the card's two reads are queued one after the other in the driver anyway: one promise
    const card = settled(Promise.all([reader.readCertificate(), reader.pinStatus()]));
    // Back at the PIN step with the same card (戻る, or a new session with the card left in):
    // the stop stands until the card is taken out.
    if (await isPinCapped(present.insertionId)) return refuse(session.id, pinCapped());
    [der, pin] = unwrap(await card);
  } catch (error) {
    if (!isCardError(error)) throw error;
    return asInspectFailure(cardFailureResult(error.failure));
  }

  let facts: CardFacts;
  try {
    const { holderName, companyOnCard, issuer, serialHex, notBefore, notAfter, daysLeft } =
      describeCertificate(der, now);
    facts = { holderName, companyOnCard, issuer, serialHex, notBefore, notAfter, daysLeft };
  } catch {
    return refuse(session.id, asInspectFailure(proofFailure({ code: "unreadable" })));
  }

  if (pin.locked)
    return refuse(session.id, asInspectFailure(cardFailureResult({ code: "pinLocked" }), facts));

  // The same R18 checks as the proof: chain through the intermediates, and the CRL where configured.
  const [check, refusal] = await Promise.all([
    checkConfiguredCertificate(der, now),
    purposeRefusal(session, purpose, facts),
  ]);
  if (!check.ok) {
    if (check.reason === "expired" && purpose === "renewalOld") {
      // R13: the manual sends an expired card in use to 登録, not to a new card
      return refuse(session.id, { ...oldCardExpired(new Date(facts.notAfter)), card: facts });
    }
    return refuse(session.id, asInspectFailure(certificateFailure(check.reason, facts), facts));
  }

  if (refusal) return refuse(session.id, { ...asInspectFailure(refusal as ProveCardFailure), card: facts });

  const warnings = [...expiryWarnings(facts), ...pinWarnings(pin)];
  return { ok: true, card: facts, warnings, pin: { countLow: pin.countLow, finalTry: pin.finalTry } };
}

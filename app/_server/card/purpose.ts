import "server-only";
import type { Failure, NotActiveCode, PinPurpose } from "@/app/_shared/contracts";
import { normalizeName } from "@/app/_shared/schemas";
import { Prisma } from "@/prisma/client";
import { audit } from "../audit/append";
import {
  companyDiffers,
  issuerDiffers,
  lapsedUserId,
  newCardAlreadyRegistered,
  notRegistered,
  replacedCard,
  sameCard,
} from "./refusals";
import { db } from "../db";
import { alreadyRegistered } from "./refusals";
import {
  sessionFailure,
  type KioskSessionState,
  type ProvenCard,
  type SessionAt,
  type Step,
} from "../visit/session";

// What each PIN purpose asks of the card (R1 for 登録; R2, R12 for 変更 and the old card; R13 for
// the new card). The pre-flight (inspectCard) asks the same questions of the unproven card, so a
// refused card never costs a PIN try; proveCard asks again of the proven one and only then records
// it in the kiosk session.

/**
 * The step a PIN purpose needs: the new card of 更新 is compared with the old one, so the old card
 * and its registration's qualification come first; every other card starts a flow.
 */
export function stepFor(purpose: PinPurpose): Step {
  return purpose === "renewalNew" ? "qualificationMatched" : "started";
}

/** The card facts the rules look at: the same for the pre-flight and the proof. */
export type CardIdentity = { issuer: string; serialHex: string; companyOnCard: string };

function registrationOf(card: CardIdentity, kind: string) {
  return db().cardRegistration.findUnique({
    where: { issuer_serialNumber_kind: { issuer: card.issuer, serialNumber: card.serialHex, kind } },
    include: { qualification: { include: { agencies: { select: { agencyId: true } } } } },
  });
}

export type ActiveRegistration = NonNullable<Awaited<ReturnType<typeof registrationOf>>>;

/**
 * R2, R12: the card's registration for this kind, active, with a qualification that is not lapsed
 * (R15) and includes the session's agency (the manual: choose one of the agencies applied to).
 */
export async function activeRegistration(
  session: Pick<KioskSessionState, "kind" | "agency">,
  card: CardIdentity,
): Promise<{ ok: true; registration: ActiveRegistration } | Failure<NotActiveCode>> {
  const registration = await registrationOf(card, session.kind);
  if (!registration) return notRegistered();
  if (registration.status !== "active") return replacedCard();
  if (registration.qualification.status === "lapsed") {
    return lapsedUserId(registration.qualification.successorUserId);
  }
  if (!registration.qualification.agencies.some((a) => a.agencyId === session.agency.id)) {
    return notRegistered();
  }
  return { ok: true, registration };
}

/**
 * The active registration of the visit's (old) card, if it still holds (R12 may have struck since
 * the PIN) and is the one the visit matched; a card proven for another flow (登録 of an
 * unregistered card) never gets here.
 */
export async function registrationOfVisit(session: SessionAt<"qualificationMatched">) {
  const found = await activeRegistration(session, session.card);
  if (!found.ok) return found;
  if (found.registration.qualificationId !== session.qualificationId) return sessionFailure();
  return found;
}

/** R13 for the new card of ICカード更新, against the old card proven before it. */
export async function newCardRefusal(
  session: Pick<KioskSessionState, "kind">,
  oldCard: CardIdentity,
  card: CardIdentity,
): Promise<Failure | null> {
  if (card.issuer === oldCard.issuer && card.serialHex === oldCard.serialHex) return sameCard();
  if (card.issuer !== oldCard.issuer) return issuerDiffers();
  if (normalizeName(card.companyOnCard) !== normalizeName(oldCard.companyOnCard)) return companyDiffers();
  if (await registrationOf(card, session.kind)) return newCardAlreadyRegistered();
  return null;
}

/** The purpose's refusal for a card, or null when it may go on (the pre-flight's question). */
export async function purposeRefusal(
  session: KioskSessionState,
  purpose: PinPurpose,
  card: CardIdentity,
): Promise<Failure | null> {
  switch (purpose) {
    case "register": {
      // R1: a card registered for this kind (to any user ID, active or replaced) cannot be again;
      // a replaced one is told why it stopped working, so 登録 is not tried with it again (R12)
      const registration = await registrationOf(card, session.kind);
      if (!registration) return null;
      return registration.status === "active" ? alreadyRegistered() : replacedCard();
    }
    case "change":
    case "renewalOld": {
      const found = await activeRegistration(session, card);
      return found.ok ? null : found;
    }
    case "renewalNew":
      if (!session.card || !session.qualificationId) return sessionFailure();
      return newCardRefusal(session, session.card, card);
  }
}

const NO_NEW_CARD = { newCard: Prisma.DbNull, newCardFingerprint: null, newCardProvenAt: null };

/**
 * Records a card whose signature verified, after the purpose's rules: the card in use goes to the
 * `card` slot (with its registration's qualification for 変更 and 更新), the new card of 更新 to
 * `newCard`. A refused card leaves its slot empty, so no later step can build on it.
 */
export async function recordProvenCard(
  session: KioskSessionState,
  purpose: PinPurpose,
  card: ProvenCard,
): Promise<Failure | null> {
  const json = card as unknown as Prisma.InputJsonValue;
  let refusal: Failure | null;
  if (purpose === "renewalNew") {
    refusal = session.card ? await newCardRefusal(session, session.card, card) : sessionFailure();
    await db().kioskSession.update({
      where: { id: session.id },
      data: refusal ? NO_NEW_CARD : { newCard: json },
    });
  } else if (purpose === "register") {
    // 登録 keeps its card recorded on an R1 refusal, as before: the search and the submit re-check.
    await db().kioskSession.update({
      where: { id: session.id },
      data: { card: json, qualificationId: null, ...NO_NEW_CARD },
    });
    refusal = await purposeRefusal(session, purpose, card);
  } else {
    const found = await activeRegistration(session, card);
    refusal = found.ok ? null : found;
    await db().kioskSession.update({
      where: { id: session.id },
      data: found.ok
        ? { card: json, qualificationId: found.registration.qualificationId, ...NO_NEW_CARD }
        : { card: Prisma.DbNull, cardFingerprint: null, qualificationId: null, ...NO_NEW_CARD },
    });
  }
  if (refusal) {
    await audit({
      action: "card.proof",
      outcome: "refused",
      kioskSessionId: session.id,
      detail: { reason: purpose === "register" ? "R1" : refusal.code, purpose },
    });
  }
  return refusal;
}

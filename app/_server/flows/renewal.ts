import "server-only";
import type { LoadRenewalResult, SubmitRenewalResult } from "@/app/_shared/contracts";
import { renewalFormSchema } from "@/app/_shared/schemas";
import { audit } from "../audit/append";
import { newCardRefusal, type ActiveRegistration } from "../card/purpose";
import { newCardAlreadyRegistered, replacedCard } from "../card/refusals";
import { db, type Tx } from "../db";
import { kickOutbox } from "../email/dispatcher";
import { renewalEmail } from "../email/templates";
import {
  agencyChoices,
  AlreadyDone,
  answerRepeat,
  cardRegistrationData,
  cardRemoved,
  cardView,
  contactData,
  doneByRace,
  emailFacts,
  enqueueReceiptEmail,
  invalidForm,
  isUniqueViolation,
  otherAgencies,
  registrationOfVisit,
  writeReceipt,
  type Matched,
} from "./support";
import { contactView, loadMatchedQualification } from "../qualifications/search";
import { requireSession, sessionFailure, type KioskSessionState, type ProvenCard } from "../visit/session";

// ICカード更新 (§3.3): the registration of the old card (proven first, `card`) moves to the new
// card (proven second, `newCard`) in one transaction; the old card is `replaced` from then on (R12).

/** Both cards still fit (R12, R13): time passed since the PIN steps, another visit may have acted. */
async function renewable(session: KioskSessionState) {
  const found = await registrationOfVisit(session);
  if (!found.ok) return found;
  const refusal = await newCardRefusal(session, session.card!, session.newCard!);
  // sameCard, issuerDiffers and companyDiffers are facts of the two certificates, settled at the
  // PIN step; only a registration of the new card can have appeared since
  if (refusal) return refusal.code === "alreadyRegistered" ? newCardAlreadyRegistered() : sessionFailure();
  return found;
}

export async function loadRenewal(
  sessionId: string | undefined,
  now: Date = new Date(),
): Promise<LoadRenewalResult> {
  const session = await requireSession(sessionId, "newCardProven", now);
  if (!session) return sessionFailure();
  const found = await renewable(session);
  if (!found.ok) return found as LoadRenewalResult;
  const q = await loadMatchedQualification(session.qualificationId!);
  return {
    ok: true,
    userId: q.userId,
    company: q.company,
    old: cardView(session.card!),
    new: cardView(session.newCard!),
    agencies: agencyChoices(q, session.agency.id),
  };
}

class NotActive extends Error {}

/**
 * One transaction: the new card's registration with the old one's 部署 info, the old one
 * `replaced` by it (R12; the status guard lets exactly one of two concurrent renewals through),
 * the receipt with both cards, the nightly batch's tasks when chosen (R22), the email to the 部署
 * address (R40) and the audit row.
 */
export async function submitRenewal(
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<SubmitRenewalResult> {
  const session = await requireSession(sessionId, "newCardProven", now);
  if (!session) return sessionFailure();
  if (session.receiptId) return answerRepeat(session.receiptId, "renewal");
  // the new card stays in the reader until the end: the old one was taken out for it
  if (currentInsertionId !== session.newCard!.insertionId) return cardRemoved();
  const parsed = renewalFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error);
  const found = await renewable(session);
  if (!found.ok) return found as SubmitRenewalResult;
  const q = await loadMatchedQualification(session.qualificationId!);

  try {
    const done = await db().$transaction((tx) =>
      writeRenewal(tx, session, q, found.registration, parsed.data.propagate, now),
    );
    kickOutbox();
    return { ok: true, ...done };
  } catch (error) {
    // a second submit of this visit loses to the first at whichever write comes first (the new
    // card's row, the old row's status, the visit's receipt): it answers the first's receipt
    if (error instanceof AlreadyDone || error instanceof NotActive || isUniqueViolation(error)) {
      const first = await doneByRace(session.id, "renewal");
      if (first) return { ok: true, ...first };
    }
    if (error instanceof NotActive || isUniqueViolation(error)) {
      // another visit renewed the old card first (R12), or registered the new card (R13)
      const lostOld = error instanceof NotActive;
      await audit({
        action: "registration.renewal",
        outcome: "refused",
        kioskSessionId: session.id,
        detail: { reason: lostOld ? "R12" : "R13" },
      });
      return (lostOld ? replacedCard() : newCardAlreadyRegistered()) as SubmitRenewalResult;
    }
    throw error;
  }
}

async function writeRenewal(
  tx: Tx,
  session: KioskSessionState,
  q: Matched,
  old: ActiveRegistration,
  propagate: boolean,
  now: Date,
) {
  const card: ProvenCard = session.newCard!;
  const department = contactData(old);
  const created = await tx.cardRegistration.create({
    data: cardRegistrationData(
      { qualificationId: old.qualificationId, kind: old.kind, agencyId: session.agency.id },
      card,
      department,
    ),
  });
  const replaced = await tx.cardRegistration.updateMany({
    where: { id: old.id, status: "active" },
    data: { status: "replaced", replacedById: created.id },
  });
  if (replaced.count !== 1) throw new NotActive();
  await tx.agencyRegistration.create({
    data: { cardRegistrationId: created.id, agencyId: session.agency.id, reflectedAt: now },
  });
  // the old card ends here at once (kept as history); elsewhere the nightly batch ends it (R22)
  await tx.agencyRegistration.updateMany({
    where: { cardRegistrationId: old.id, agencyId: session.agency.id, endedAt: null },
    data: { endedAt: now },
  });

  const targets = propagate ? otherAgencies(q, session.agency.id) : [];
  const representative = q.userRegistration ? contactView(q.userRegistration) : department;
  const receipt = await writeReceipt(tx, {
    session,
    operation: "renewal",
    cardRegistrationId: created.id,
    data: {
      userId: q.userId,
      company: q.company,
      representative,
      card: cardView(card),
      previousCard: cardView(session.card!),
      department,
      propagatesTo: targets.map((a) => a.name),
    },
    targets,
    now,
  });
  const email = renewalEmail({
    ...emailFacts(session, q, department),
    holderName: card.holderName,
    serialDecimal: card.serialDecimal,
  });
  await enqueueReceiptEmail(tx, department.email, email, receipt);
  await audit(
    {
      action: "registration.renewal",
      outcome: "ok",
      kioskSessionId: session.id,
      userId: q.userId,
      detail: {
        receipt: receipt.number,
        issuer: card.issuer,
        oldSerial: session.card!.serialHex,
        newSerial: card.serialHex,
        propagate,
      },
    },
    tx,
  );
  return {
    receiptNumber: receipt.number,
    emailTo: department.email,
    propagatesTo: targets.map((a) => a.name),
  };
}

import "server-only";
import type { LoadRenewalResult, NotActiveCode, SubmitRenewalResult } from "@/app/_shared/contracts";
import { renewalFormSchema } from "@/app/_shared/schemas";
import { newCardRefusal, registrationOfVisit, type ActiveRegistration } from "../card/purpose";
import { newCardAlreadyRegistered, replacedCard } from "../card/refusals";
import { isUniqueViolation } from "../db";
import { renewalEmail } from "../email/templates";
import {
  agencyChoices,
  contactOf,
  loadMatchedQualification,
  otherAgencies,
  type Matched,
} from "../qualifications/records";
import { cardView, requireSession, sessionFailure, type SessionAt } from "../visit/session";
import { newCardRow } from "./new-card-row";
import { RuleConflict, submit, type SubmitFlow } from "./pipeline";

// ICカード更新 (§3.3): the registration of the old card (proven first, `card`) moves to the new
// card (proven second, `newCard`) in one transaction; the old card is `replaced` from then on (R12).

type Session = SessionAt<"newCardProven">;

/** Both cards still fit (R12, R13): time passed since the PIN steps, another visit may have acted. */
async function renewable(session: Session) {
  const found = await registrationOfVisit(session);
  if (!found.ok) return found;
  const refusal = await newCardRefusal(session, session.card, session.newCard);
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
  if (!found.ok) return found;
  const q = await loadMatchedQualification(session.qualificationId);
  return {
    ok: true,
    userId: q.userId,
    company: q.company,
    old: cardView(session.card),
    new: cardView(session.newCard),
    agencies: agencyChoices(q, session.agency.id),
  };
}

type Form = ReturnType<typeof renewalFormSchema.parse>;

type Prepared = { q: Matched; old: ActiveRegistration };

const renewal: SubmitFlow<"newCardProven", Form, Prepared, "session" | NotActiveCode | "alreadyRegistered"> =
  {
    operation: "renewal",
    auditAction: "registration.renewal",
    step: "newCardProven",
    schema: renewalFormSchema,
    // the new card stays in the reader until the end: the old one was taken out for it
    cardInReader: (session) => session.newCard,

    async prepare(session) {
      const found = await renewable(session);
      if (!found.ok) return found;
      const q = await loadMatchedQualification(session.qualificationId);
      return { ok: true, value: { q, old: found.registration } };
    },

    // The new card's registration with the old one's 部署 info, the old one `replaced` by it (the
    // status guard lets exactly one of two concurrent renewals through, R12).
    async write(tx, { session, form, prepared: { q, old }, now }) {
      const card = session.newCard;
      const department = contactOf(old);
      const created = await tx.cardRegistration.create({
        data: newCardRow(
          { qualificationId: old.qualificationId, kind: old.kind, agencyId: session.agency.id },
          card,
          department,
        ),
      });
      const replaced = await tx.cardRegistration.updateMany({
        where: { id: old.id, status: "active" },
        data: { status: "replaced", replacedById: created.id },
      });
      if (replaced.count !== 1) throw new RuleConflict("R12", replacedCard());
      await tx.agencyRegistration.create({
        data: { cardRegistrationId: created.id, agencyId: session.agency.id, reflectedAt: now },
      });
      // the old card ends here at once (kept as history); elsewhere the nightly batch ends it (R22)
      await tx.agencyRegistration.updateMany({
        where: { cardRegistrationId: old.id, agencyId: session.agency.id, endedAt: null },
        data: { endedAt: now },
      });
      return {
        cardRegistrationId: created.id,
        qualification: q,
        representative: q.userRegistration ? contactOf(q.userRegistration) : department,
        department,
        card,
        previousCard: session.card,
        targets: form.propagate ? otherAgencies(q, session.agency.id) : [],
        auditDetail: {
          issuer: card.issuer,
          oldSerial: session.card.serialHex,
          newSerial: card.serialHex,
          propagate: form.propagate,
        },
      };
    },

    // the new card's holder and serial, so the bidder can tell which card now works
    email: (facts, session) =>
      renewalEmail({
        ...facts,
        holderName: session.newCard.holderName,
        serialDecimal: session.newCard.serialDecimal,
      }),

    // R13: another visit registered the new card between its PIN step and now
    uniqueConflict: (error) =>
      isUniqueViolation(error, "serialNumber") ? new RuleConflict("R13", newCardAlreadyRegistered()) : null,
  };

/** A second submit of the visit answers the first receipt. */
export async function submitRenewal(
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<SubmitRenewalResult> {
  return submit(renewal, sessionId, input, currentInsertionId, now);
}

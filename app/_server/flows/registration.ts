import "server-only";
import type { ContactView, RegisterResult } from "@/app/_shared/contracts";
import { registrationFormSchema } from "@/app/_shared/schemas";
import { alreadyRegistered } from "../card/refusals";
import { isUniqueViolation } from "../db";
import { registrationEmail } from "../email/templates";
import {
  contactOf,
  holderCheck,
  loadMatchedQualification,
  otherAgencies,
  sameContact,
  type Matched,
} from "../qualifications/records";
import { newCardRow } from "./new-card-row";
import { RuleConflict, submit, type SubmitFlow } from "./pipeline";

// 登録 (§3.1 confirm → done): the card proven in this visit is registered to the user ID the
// search matched. Its own part of the one submit (pipeline.ts): R4 — 代表窓口情報 comes with the
// user ID's first card only —, R17's acknowledgement, the rows, and R1 settled by the unique index
// on issuer + serial + kind when two terminals register one card at once.

type Form = ReturnType<typeof registrationFormSchema.parse>;

const REPRESENTATIVE_MISSING = "代表窓口情報を入力してください。";

/** What the checks leave for the writes: the qualification and the 代表窓口情報 in force (R4). */
type Prepared = { q: Matched; representative: ContactView; firstCard: boolean };

type Refusal = "invalid" | "holderMismatch" | "alreadyRegistered";

const registration: SubmitFlow<"qualificationMatched", Form, Prepared, Refusal> = {
  operation: "register",
  auditAction: "registration.create",
  step: "qualificationMatched",
  schema: registrationFormSchema,
  cardInReader: (session) => session.card,

  async prepare(session, form) {
    const q = await loadMatchedQualification(session.qualificationId);
    // R4: on file from the user ID's first card on; a later card shows it, never rewrites it
    const representative = q.userRegistration ?? form.representative;
    if (!representative) {
      return {
        ok: false,
        code: "invalid",
        message: REPRESENTATIVE_MISSING,
        fieldErrors: { "representative.contactName": REPRESENTATIVE_MISSING },
      };
    }
    const holder = holderCheck(session.card, q);
    if (!holder.matches && !form.holderMismatchAcknowledged) {
      return { ok: false, code: "holderMismatch", message: holder.message };
    }
    return {
      ok: true,
      value: { q, representative: contactOf(representative), firstCard: !q.userRegistration },
    };
  },

  async write(tx, { session, form, prepared: { q, representative, firstCard }, now }) {
    if (firstCard) await tx.userRegistration.create({ data: { qualificationId: q.id, ...representative } });
    const department = contactOf(form.department);
    const created = await tx.cardRegistration.create({
      data: newCardRow(
        { qualificationId: q.id, kind: q.kind, agencyId: session.agency.id },
        session.card,
        department,
      ),
    });
    await tx.agencyRegistration.create({
      data: { cardRegistrationId: created.id, agencyId: session.agency.id, reflectedAt: now },
    });
    return {
      cardRegistrationId: created.id,
      qualification: q,
      representative,
      department,
      card: session.card,
      // R21: 登録 always reaches the user ID's other agencies tonight
      targets: otherAgencies(q, session.agency.id),
      auditDetail: { issuer: session.card.issuer, serial: session.card.serialHex, kind: q.kind },
    };
  },

  email: registrationEmail,

  // another tab's 登録 of this visit with a different 部署 was not registered
  sameAsRecorded: (form, recorded) => sameContact(contactOf(form.department), recorded.department),

  // R1: another visit registered this card (to any user ID) between the PIN step and now
  uniqueConflict: (error) =>
    isUniqueViolation(error, "serialNumber") ? new RuleConflict("R1", alreadyRegistered()) : null,
  // R4: another terminal registered this user ID's first card (and its 代表窓口情報) meanwhile;
  // prepared again, this card becomes a later one and shows what is on file
  preparedTooEarly: (error) => isUniqueViolation(error, "qualificationId"),
};

/** Submitting twice in one visit answers the first receipt. */
export async function registerCard(
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<RegisterResult> {
  return submit(registration, sessionId, input, currentInsertionId, now);
}

import "server-only";
import type { ContactView, ReceiptData, RegisterResult } from "@/app/_shared/contracts";
import { registrationFormSchema } from "@/app/_shared/schemas";
import { audit } from "../audit/append";
import { db, type Tx } from "../db";
import { kickOutbox } from "../email/dispatcher";
import { registrationEmail } from "../email/templates";
import {
  cardRegistrationData,
  cardRemoved,
  cardView,
  contactData,
  createPropagationTasks,
  createReceipt,
  emailFacts,
  enqueueReceiptEmail,
  invalidForm,
  isUniqueViolation,
  otherAgencies,
  type Matched,
} from "./support";
import { contactView, holderCheck, loadMatchedQualification } from "../qualifications/search";
import { alreadyRegistered } from "../card/already-registered";
import { requireSession, sessionFailure, type KioskSessionState, type ProvenCard } from "../visit/session";

/**
 * 登録 (§3.1 confirm → done): one transaction writes the card registration, the user
 * registration the first time (R4), the receipt, the propagation tasks (R21), the audit row and
 * the completion email (R40). Submitting twice in one visit answers the first receipt.
 */
export async function registerCard(
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<RegisterResult> {
  const session = await requireSession(sessionId, "qualificationMatched", now);
  if (!session) return sessionFailure();
  if (session.receiptId) return previousResult(session.receiptId);
  const card = session.card!;
  if (currentInsertionId !== card.insertionId) return cardRemoved();

  const parsed = registrationFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error);
  const q = await loadMatchedQualification(session.qualificationId!);
  const form = parsed.data;
  if (!q.userRegistration && !form.representative) {
    return {
      ok: false,
      code: "invalid",
      message: "代表窓口情報を入力してください。",
      fieldErrors: { "representative.contactName": "代表窓口情報を入力してください。" },
    };
  }
  if (!holderCheck(card, q).matches && !form.holderMismatchAcknowledged) {
    return { ok: false, code: "holderMismatch", message: holderCheck(card, q).message! };
  }

  try {
    const result = await db().$transaction((tx) => writeRegistration(tx, session, card, q, form, now));
    kickOutbox();
    return { ok: true, receiptNumber: result.receiptNumber, emailTo: result.emailTo };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // a second submit of this visit lost the race to the first: answer the first's receipt
      const again = await db().kioskSession.findUnique({ where: { id: session.id } });
      if (again?.receiptId) return previousResult(again.receiptId);
      if (isUniqueViolation(error, "serialNumber")) {
        await audit({
          action: "registration.create",
          outcome: "refused",
          kioskSessionId: session.id,
          detail: { reason: "R1" },
        });
        return alreadyRegistered();
      }
    }
    throw error;
  }
}

async function previousResult(receiptId: string): Promise<RegisterResult> {
  const receipt = await db().receipt.findUniqueOrThrow({ where: { id: receiptId } });
  const data = receipt.data as unknown as ReceiptData;
  return { ok: true, receiptNumber: receipt.number, emailTo: data.department.email };
}

type Form = ReturnType<typeof registrationFormSchema.parse>;

async function writeRegistration(
  tx: Tx,
  session: KioskSessionState,
  card: ProvenCard,
  q: Matched,
  form: Form,
  now: Date,
): Promise<{ receiptNumber: string; emailTo: string }> {
  const representative: ContactView = q.userRegistration
    ? contactView(q.userRegistration)
    : contactData(form.representative!);
  if (!q.userRegistration) {
    await tx.userRegistration.create({ data: { qualificationId: q.id, ...representative } });
  }
  const department = contactData(form.department);
  const registration = await tx.cardRegistration.create({
    data: cardRegistrationData(
      { qualificationId: q.id, kind: q.kind, agencyId: session.agency.id },
      card,
      department,
    ),
  });

  const others = otherAgencies(q, session.agency.id);
  const receipt = await createReceipt(tx, {
    session,
    operation: "register",
    cardRegistrationId: registration.id,
    data: {
      userId: q.userId,
      company: q.company,
      representative,
      card: cardView(card),
      department,
      propagatesTo: others.map((a) => a.name),
    },
    now,
  });
  const number = receipt.number;
  // in force here at once, with this receipt (the other agencies follow by the nightly batch)
  await tx.agencyRegistration.create({
    data: {
      cardRegistrationId: registration.id,
      agencyId: session.agency.id,
      reflectedAt: now,
      receiptId: receipt.id,
    },
  });
  await createPropagationTasks(tx, {
    operation: "register",
    cardRegistrationId: registration.id,
    receiptId: receipt.id,
    sourceAgencyId: session.agency.id,
    targets: others,
  });
  const email = registrationEmail(emailFacts(session, q, department));
  await enqueueReceiptEmail(tx, department.email, email, receipt);
  // the unique receiptId makes a concurrent second submit of this visit fail here and roll back
  await tx.kioskSession.update({ where: { id: session.id }, data: { receiptId: receipt.id } });
  await audit(
    {
      action: "registration.create",
      outcome: "ok",
      kioskSessionId: session.id,
      userId: q.userId,
      detail: { receipt: number, issuer: card.issuer, serial: card.serialHex, kind: q.kind },
    },
    tx,
  );
  return { receiptNumber: number, emailTo: department.email };
}

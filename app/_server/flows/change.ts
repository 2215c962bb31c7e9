import "server-only";
import type { LoadChangeResult, SubmitChangeResult } from "@/app/_shared/contracts";
import { changeFormSchema } from "@/app/_shared/schemas";
import { audit } from "../audit/append";
import { replacedCard } from "../card/refusals";
import { db, type Tx } from "../db";
import { kickOutbox } from "../email/dispatcher";
import { changeEmail } from "../email/templates";
import {
  agencyChoices,
  AlreadyDone,
  answerRepeat,
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
import { requireSession, sessionFailure, type KioskSessionState } from "../visit/session";

// 変更 (§3.2): the card proven for `change` (registered and active for this kind, R2, R12) edits
// 代表窓口情報 — the user ID's, so every card of it sees the change (R3) — and its own
// ICカード利用部署情報.

export async function loadChange(
  sessionId: string | undefined,
  now: Date = new Date(),
): Promise<LoadChangeResult> {
  const session = await requireSession(sessionId, "qualificationMatched", now);
  if (!session) return sessionFailure();
  const found = await registrationOfVisit(session);
  if (!found.ok) return found;
  const q = await loadMatchedQualification(session.qualificationId!);
  // a card registration always comes with its user ID's 代表窓口情報 (R4)
  if (!q.userRegistration) throw new Error(`qualification ${q.id} has a card but no user registration`);
  return {
    ok: true,
    userId: q.userId,
    company: q.company,
    representative: contactView(q.userRegistration),
    department: contactData(found.registration),
    card: cardView(session.card!),
    agencies: agencyChoices(q, session.agency.id),
  };
}

class NotActive extends Error {}

/**
 * One transaction: 代表窓口情報 on the user registration (R3), 部署 on this card, the receipt,
 * the nightly batch's tasks when chosen (R22), the email to the (new) 部署 address (R40) and the
 * audit row. A second submit of the visit answers the first receipt.
 */
export async function submitChange(
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<SubmitChangeResult> {
  const session = await requireSession(sessionId, "qualificationMatched", now);
  if (!session) return sessionFailure();
  if (session.receiptId) return answerRepeat(session.receiptId, "change");
  if (currentInsertionId !== session.card!.insertionId) return cardRemoved();
  const parsed = changeFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error);
  const found = await registrationOfVisit(session);
  if (!found.ok) return found;
  const q = await loadMatchedQualification(session.qualificationId!);

  try {
    const done = await db().$transaction((tx) =>
      writeChange(tx, session, q, found.registration.id, parsed.data, now),
    );
    kickOutbox();
    return { ok: true, ...done };
  } catch (error) {
    if (error instanceof AlreadyDone || isUniqueViolation(error)) {
      const first = await doneByRace(session.id, "change");
      if (first) return { ok: true, ...first };
    }
    if (error instanceof NotActive) {
      // R12: an ICカード更新 of this card committed between the PIN and this submit
      await audit({
        action: "registration.change",
        outcome: "refused",
        kioskSessionId: session.id,
        detail: { reason: "R12" },
      });
      return replacedCard() as SubmitChangeResult;
    }
    throw error;
  }
}

async function writeChange(
  tx: Tx,
  session: KioskSessionState,
  q: Matched,
  registrationId: string,
  form: ReturnType<typeof changeFormSchema.parse>,
  now: Date,
) {
  const representative = contactData(form.representative);
  const department = contactData(form.department);
  // the status guard: a renewal that replaced this card first makes this change roll back
  const updated = await tx.cardRegistration.updateMany({
    where: { id: registrationId, status: "active" },
    data: department,
  });
  if (updated.count !== 1) throw new NotActive();
  await tx.userRegistration.update({ where: { qualificationId: q.id }, data: representative });

  const targets = form.propagate ? otherAgencies(q, session.agency.id) : [];
  const receipt = await writeReceipt(tx, {
    session,
    operation: "change",
    cardRegistrationId: registrationId,
    data: {
      userId: q.userId,
      company: q.company,
      representative,
      card: cardView(session.card!),
      department,
      propagatesTo: targets.map((a) => a.name),
    },
    targets,
    now,
  });
  const email = changeEmail(emailFacts(session, q, department));
  await enqueueReceiptEmail(tx, department.email, email, receipt);
  await audit(
    {
      action: "registration.change",
      outcome: "ok",
      kioskSessionId: session.id,
      userId: q.userId,
      detail: {
        receipt: receipt.number,
        issuer: session.card!.issuer,
        serial: session.card!.serialHex,
        propagate: form.propagate,
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

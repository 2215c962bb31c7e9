import "server-only";
import type { LoadChangeResult, NotActiveCode, SubmitChangeResult } from "@/app/_shared/contracts";
import { changeFormSchema } from "@/app/_shared/schemas";
import { registrationOfVisit } from "../card/purpose";
import { replacedCard } from "../card/refusals";
import { changeEmail } from "../email/templates";
import {
  agencyChoices,
  contactOf,
  loadMatchedQualification,
  otherAgencies,
  type Matched,
} from "../qualifications/records";
import { cardView, requireSession, sessionFailure } from "../visit/session";
import { RuleConflict, submit, type SubmitFlow } from "./pipeline";

// 変更 (§3.2): the card proven for `change` (registered and active for this kind, R2, R12) edits
// 代表窓口情報 — the user ID's, so every card of it sees the change (R3) — and its own
// ICカード利用部署情報; the other agencies follow tonight only when the bidder chose so (R22).

export async function loadChange(
  sessionId: string | undefined,
  now: Date = new Date(),
): Promise<LoadChangeResult> {
  const session = await requireSession(sessionId, "qualificationMatched", now);
  if (!session) return sessionFailure();
  const found = await registrationOfVisit(session);
  if (!found.ok) return found;
  const q = await loadMatchedQualification(session.qualificationId);
  // a card registration always comes with its user ID's 代表窓口情報 (R4)
  if (!q.userRegistration) throw new Error(`qualification ${q.id} has a card but no user registration`);
  return {
    ok: true,
    userId: q.userId,
    company: q.company,
    representative: contactOf(q.userRegistration),
    department: contactOf(found.registration),
    card: cardView(session.card),
    agencies: agencyChoices(q, session.agency.id),
  };
}

type Form = ReturnType<typeof changeFormSchema.parse>;

const change: SubmitFlow<
  "qualificationMatched",
  Form,
  { q: Matched; registrationId: string },
  "session" | NotActiveCode
> = {
  operation: "change",
  auditAction: "registration.change",
  step: "qualificationMatched",
  schema: changeFormSchema,
  cardInReader: (session) => session.card,

  async prepare(session) {
    const found = await registrationOfVisit(session);
    if (!found.ok) return found;
    const q = await loadMatchedQualification(session.qualificationId);
    return { ok: true, value: { q, registrationId: found.registration.id } };
  },

  async write(tx, { session, form, prepared: { q, registrationId } }) {
    const representative = contactOf(form.representative);
    const department = contactOf(form.department);
    // the status guard: a renewal of this card that committed first (R12) rolls this change back
    const updated = await tx.cardRegistration.updateMany({
      where: { id: registrationId, status: "active" },
      data: department,
    });
    if (updated.count !== 1) throw new RuleConflict("R12", replacedCard());
    await tx.userRegistration.update({ where: { qualificationId: q.id }, data: representative });
    return {
      cardRegistrationId: registrationId,
      qualification: q,
      representative,
      department,
      card: session.card,
      targets: form.propagate ? otherAgencies(q, session.agency.id) : [],
      auditDetail: { issuer: session.card.issuer, serial: session.card.serialHex, propagate: form.propagate },
    };
  },

  email: changeEmail,
};

/** A second submit of the visit answers the first receipt. */
export async function submitChange(
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<SubmitChangeResult> {
  return submit(change, sessionId, input, currentInsertionId, now);
}

import "server-only";
import type { z } from "@/app/_shared/zod";
import type {
  CompanyView,
  ContactView,
  Failure,
  FlowDone,
  Operation,
  ReceiptData,
  Result,
} from "@/app/_shared/contracts";
import { invalidAnswer } from "@/app/_shared/schemas";
import type { Prisma } from "@/prisma/client";
import { audit } from "../audit/append";
import { createPropagationTasks } from "../batch/tasks";
import { db, isUniqueViolation, type Tx } from "../db";
import { kickOutbox } from "../email/dispatcher";
import { enqueueEmail } from "../email/outbox";
import type { EmailContent, RegistrationEmailInput } from "../email/templates";
import { prepareReceiptPdf, whileSubmitting } from "../receipts/prepare";
import { createReceipt } from "../receipts/write";
import { cardView, requireSession, sessionFailure, type ProvenCard, type SessionAt } from "../visit/session";

// The one submit of 登録, 変更 and ICカード更新 (the last step of §3.1–3.3). A flow says only what
// is its own — the step it needs, its form schema, its preconditions and refusals, its writes —
// and this file does the rest the same way for all three:
//   1. the visit reached the flow's step (server authority) and has not completed yet, else the
//      repeat answer: the first receipt again, so a second tap or a reload never writes twice;
//   2. the proven card is still in the reader (R31) and the form passes its schema;
//   3. the flow's preconditions (R1, R2, R4, R12, R13, R17), read before anything is written;
//   4. one transaction: the flow's writes, the receipt (R41), the operation in force at this
//      agency, the nightly batch's tasks (R21, R22), the email (R40), the visit marked done and
//      the audit row — all or nothing;
//   5. a lost race: a second submit of this visit answers the first's receipt; a rule the
//      database settled (a status guard, a unique index) is audited and answered as its refusal.

export type SubmitStep = "qualificationMatched" | "newCardProven";

/**
 * Thrown by a flow's write when a guard in the database says no (e.g. the card was replaced by a
 * renewal that committed first, R12): the transaction rolls back and the bidder hears `failure`.
 */
export class RuleConflict<C extends string = string> extends Error {
  constructor(
    readonly rule: string,
    readonly failure: Failure<C>,
  ) {
    super(`refused by ${rule}`);
  }
}

/** The visit completed its operation in a concurrent submit: this transaction rolls back. */
class AlreadyDone extends Error {}

/** What a flow's writes hand back to the pipeline: the facts its receipt, email and audit state. */
export type Written = {
  /** the card registration the operation leaves in force (the new card's, for 更新) */
  cardRegistrationId: string;
  /** the visit's qualification: its user ID and 企業情報 (R16) */
  qualification: { userId: string; company: CompanyView };
  representative: ContactView;
  department: ContactView;
  /** the card in force after the operation, and for 更新 the one it replaced */
  card: ProvenCard;
  previousCard?: ProvenCard;
  /** the other agencies the nightly batch carries the operation to (R21, R22) */
  targets: { id: string; name: string }[];
  /** facts for the audit row besides the receipt number */
  auditDetail: Record<string, string | boolean>;
};

export type SubmitFlow<S extends SubmitStep, F, P, C extends string> = {
  operation: Operation;
  /** the audit action of the operation: its ok row, and its refusals by a rule */
  auditAction: string;
  step: S;
  schema: z.ZodType<F>;
  /** the proven card that must still be in the reader */
  cardInReader(session: SessionAt<S>): ProvenCard;
  /** the flow's reads and refusals before anything is written */
  prepare(session: SessionAt<S>, form: F): Promise<{ ok: true; value: P } | Failure<C>>;
  /** the flow's own rows, in the pipeline's transaction; a RuleConflict rolls everything back */
  write(tx: Tx, input: { session: SessionAt<S>; form: F; prepared: P; now: Date }): Promise<Written>;
  /** the completion email (R40) from the facts every notice lists */
  email(facts: RegistrationEmailInput, session: SessionAt<S>): EmailContent;
  /**
   * Whether a repeated submit of a completed visit carries what the receipt recorded (a second tap,
   * a reload: answered with the receipt) or other input (another tab: told it was not registered).
   * Without it every repeat is the same.
   */
  sameAsRecorded?(form: F, recorded: ReceiptData): boolean;
  /** a unique violation a rule explains (R1, R13) as its refusal; null lets the error through */
  uniqueConflict?(error: unknown): RuleConflict<C> | null;
  /**
   * A unique violation meaning another visit committed first what `prepare` read as absent (the
   * user ID's first card, R4): the pipeline prepares and writes once more on what is now there.
   */
  preparedTooEarly?(error: unknown): boolean;
};

export type SubmitCode = "session" | "cardRemoved" | "invalid" | "alreadyDone";
export type SubmitResult<C extends string> = Result<FlowDone, SubmitCode | C>;

export function cardRemoved(): Failure<"cardRemoved"> {
  return {
    ok: false,
    code: "cardRemoved",
    message: "ICカードが取り出されたか、別のICカードに差し替えられました。はじめからやり直してください。",
  };
}

export function submit<S extends SubmitStep, F, P, C extends string>(
  flow: SubmitFlow<S, F, P, C>,
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date = new Date(),
): Promise<SubmitResult<C>> {
  // receipts are rendered ahead only while no submit is waiting for its answer (receipts/prepare.ts)
  return whileSubmitting(() => submitNow(flow, sessionId, input, currentInsertionId, now));
}

async function submitNow<S extends SubmitStep, F, P, C extends string>(
  flow: SubmitFlow<S, F, P, C>,
  sessionId: string | undefined,
  input: unknown,
  currentInsertionId: string | null,
  now: Date,
): Promise<SubmitResult<C>> {
  const session = await requireSession(sessionId, flow.step, now);
  if (!session) return sessionFailure();
  const parsed = flow.schema.safeParse(input);
  if (session.receiptId) return answerRepeat(flow, session.receiptId, parsed.success ? parsed.data : null);
  if (currentInsertionId !== flow.cardInReader(session).insertionId) return cardRemoved();
  if (!parsed.success) return invalidAnswer(parsed.error, "入力内容をご確認ください。");

  for (let attempt = 1; ; attempt++) {
    const prepared = await flow.prepare(session, parsed.data);
    if (!prepared.ok) return prepared;
    try {
      const done = await db().$transaction(
        (tx) => commit(tx, flow, { session, form: parsed.data, prepared: prepared.value, now }),
        WRITE_TRANSACTION,
      );
      kickOutbox();
      prepareReceiptPdf(done.receiptNumber);
      return { ok: true, ...done };
    } catch (error) {
      if (attempt === 1 && flow.preparedTooEarly?.(error)) continue;
      return lostRace(flow, session, parsed.data, error);
    }
  }
}

/**
 * Waits in line rather than failing: when every terminal submits at once, the writes queue on the
 * audit chain's head row (and the day's receipt numbers), and the pool hands out connections in
 * turn. Generous bounds, far above one submit's own few tens of milliseconds.
 */
const WRITE_TRANSACTION = { maxWait: 20_000, timeout: 30_000 };

async function lostRace<S extends SubmitStep, F, P, C extends string>(
  flow: SubmitFlow<S, F, P, C>,
  session: SessionAt<S>,
  form: F,
  error: unknown,
): Promise<SubmitResult<C>> {
  if (!(error instanceof AlreadyDone || error instanceof RuleConflict || isUniqueViolation(error)))
    throw error;
  // a second submit of this visit loses to the first at whichever guarded write it reaches
  // first (the visit's receipt, a status guard, a unique index): it answers the first's receipt
  const first = await raceAnswer(flow, session.id, form);
  if (first) return first;
  const conflict =
    error instanceof RuleConflict
      ? (error as RuleConflict<C>)
      : isUniqueViolation(error)
        ? (flow.uniqueConflict?.(error) ?? null)
        : null;
  if (!conflict) throw error;
  await audit({
    action: flow.auditAction,
    outcome: "refused",
    kioskSessionId: session.id,
    detail: { reason: conflict.rule },
  });
  return conflict.failure;
}

async function commit<S extends SubmitStep, F, P, C extends string>(
  tx: Tx,
  flow: SubmitFlow<S, F, P, C>,
  input: { session: SessionAt<S>; form: F; prepared: P; now: Date },
): Promise<FlowDone> {
  const { session, now } = input;
  const written = await flow.write(tx, input);
  const { cardRegistrationId, targets, department } = written;
  const propagatesTo = targets.map((a) => a.name);
  const receipt = await createReceipt(tx, {
    visit: session,
    operation: flow.operation,
    cardRegistrationId,
    content: {
      userId: written.qualification.userId,
      company: written.qualification.company,
      representative: written.representative,
      card: cardView(written.card),
      ...(written.previousCard ? { previousCard: cardView(written.previousCard) } : {}),
      department,
      propagatesTo,
    },
    now,
  });
  // in force at this agency at once, with this receipt; the nightly batch does the same elsewhere
  await tx.agencyRegistration.updateMany({
    where: { cardRegistrationId, agencyId: session.agency.id },
    data: { receiptId: receipt.id },
  });
  await createPropagationTasks(tx, {
    operation: flow.operation,
    cardRegistrationId,
    receiptId: receipt.id,
    sourceAgencyId: session.agency.id,
    targets,
  });
  const facts = {
    agencyName: session.agency.name,
    companyName: written.qualification.company.companyName,
    contactName: department.personName,
    contactAddress: department.address,
  };
  await enqueueEmail(tx, {
    to: department.email,
    ...flow.email(facts, session),
    receiptId: receipt.id,
    // one email per receipt, whatever retries the dispatcher makes (R40)
    idempotencyKey: `receipt-${receipt.number}`,
  });
  const marked = await tx.kioskSession.updateMany({
    where: { id: session.id, receiptId: null },
    data: { receiptId: receipt.id },
  });
  if (marked.count !== 1) throw new AlreadyDone();
  await audit(
    {
      action: flow.auditAction,
      outcome: "ok",
      kioskSessionId: session.id,
      userId: written.qualification.userId,
      detail: { receipt: receipt.number, ...written.auditDetail } as Prisma.InputJsonValue,
    },
    tx,
  );
  return { receiptNumber: receipt.number, emailTo: department.email, propagatesTo };
}

/** What the tab whose input lost to another tab's submit of the same visit is told. */
export function alreadyDone(receiptNumber: string): Failure<"alreadyDone"> {
  return {
    ok: false,
    code: "alreadyDone",
    message: `この手続きは別の画面で既に完了しています（受付番号 ${receiptNumber}）。この画面で入力した内容は登録されていません。`,
  };
}

/**
 * The answer to a repeated submit: the visit's receipt when it is this operation's and carries
 * this input (a second tap, a reload); a submit with other input (another tab) is told its input
 * was not registered. A visit that completed another operation cannot start this one: it is a
 * stale screen, told to start again.
 */
async function answerRepeat<S extends SubmitStep, F, P, C extends string>(
  flow: SubmitFlow<S, F, P, C>,
  receiptId: string,
  form: F | null,
): Promise<SubmitResult<C>> {
  const receipt = await db().receipt.findUniqueOrThrow({ where: { id: receiptId } });
  if (receipt.operation !== flow.operation) return sessionFailure();
  const data = receipt.data as unknown as ReceiptData;
  if (form === null || (flow.sameAsRecorded && !flow.sameAsRecorded(form, data))) {
    return alreadyDone(receipt.number);
  }
  return {
    ok: true,
    receiptNumber: receipt.number,
    emailTo: data.department.email,
    propagatesTo: data.propagatesTo,
  };
}

/** After a lost race: the repeat answer if the visit has completed meanwhile, else null. */
async function raceAnswer<S extends SubmitStep, F, P, C extends string>(
  flow: SubmitFlow<S, F, P, C>,
  sessionId: string,
  form: F,
): Promise<SubmitResult<C> | null> {
  const again = await db().kioskSession.findUnique({ where: { id: sessionId }, select: { receiptId: true } });
  return again?.receiptId ? answerRepeat(flow, again.receiptId, form) : null;
}

import "server-only";
import type {
  AgencyChoice,
  CardView,
  ContactView,
  Failure,
  FlowDone,
  Operation,
  ReceiptData,
} from "@/app/_shared/contracts";
import { fieldErrors, type Contact } from "@/app/_shared/schemas";
import { Prisma } from "@/prisma/client";
import { activeRegistration } from "../card/purpose";
import { config } from "../config";
import { db, type Tx } from "../db";
import { enqueueEmail, type EnqueueEmailInput } from "../email/outbox";
import type { loadMatchedQualification } from "../qualifications/search";
import { nextReceiptNumber } from "../receipts/number";
import { sessionFailure, type KioskSessionState, type ProvenCard } from "../visit/session";

// What 登録, 変更 and 更新 write alike: the receipt snapshot (R41), the nightly batch's tasks
// (R21, R22), the one-receipt-per-visit guard, and the answers for a repeated submit.

export type Matched = Awaited<ReturnType<typeof loadMatchedQualification>>;

export function isUniqueViolation(error: unknown, field?: string): boolean {
  // duck-typed: the client on globalThis may come from another server chunk than this module's
  // copy of the generated Prisma namespace, so instanceof would miss it
  const known = error as { name?: string; code?: string; meta?: unknown } | null;
  if (known?.name !== "PrismaClientKnownRequestError" || known.code !== "P2002") return false;
  if (!field) return true;
  return JSON.stringify(known.meta ?? {}).includes(field);
}

export function contactData(c: Contact | ContactView): ContactView {
  const { contactName, postalCode, address, personName, phone, fax, email } = c;
  return { contactName, postalCode, address, personName, phone, fax, email };
}

/** The card as the screens and receipts show it: the session-only fields left out. */
export function cardView(card: ProvenCard): CardView {
  const { insertionId: _insertionId, certificatePem: _pem, ...view } = card;
  return view;
}

export function cardRemoved(): Failure<"cardRemoved"> {
  return {
    ok: false,
    code: "cardRemoved",
    message: "ICカードが取り出されたか、別のICカードに差し替えられました。はじめからやり直してください。",
  };
}

/** The answer to a form that fails its schema. */
export function invalidForm(error: Parameters<typeof fieldErrors>[0]): Failure<"invalid"> & {
  fieldErrors: ReturnType<typeof fieldErrors>;
} {
  return {
    ok: false,
    code: "invalid",
    message: "入力内容をご確認ください。",
    fieldErrors: fieldErrors(error),
  };
}

/** A new card registration's row: the proven card's certificate facts and its 部署 info. */
export function cardRegistrationData(
  owner: { qualificationId: string; kind: string; agencyId: string },
  card: ProvenCard,
  department: ContactView,
) {
  return {
    qualificationId: owner.qualificationId,
    kind: owner.kind,
    agencyId: owner.agencyId,
    issuer: card.issuer,
    serialNumber: card.serialHex,
    fingerprint: card.fingerprint,
    subject: card.subject,
    notBefore: new Date(card.notBefore),
    notAfter: new Date(card.notAfter),
    holderName: card.holderName,
    holderAddress: card.holderAddress,
    companyOnCard: card.companyOnCard,
    certificatePem: card.certificatePem,
    ...department,
  };
}

/**
 * The active registration of the visit's (old) card, if it still holds (R12 may have struck since
 * the PIN); a card proven for another flow (登録 of an unregistered card) never gets here.
 */
export async function registrationOfVisit(session: KioskSessionState) {
  const found = await activeRegistration(session, session.card!);
  if (!found.ok) return found;
  if (found.registration.qualificationId !== session.qualificationId) return sessionFailure();
  return found;
}

/** Every agency of the user ID's qualification, the one of this visit marked (R22's choice). */
export function agencyChoices(q: Matched, currentAgencyId: string): AgencyChoice[] {
  return [...q.agencies]
    .sort((a, b) => a.agency.sortOrder - b.agency.sortOrder || a.agency.code.localeCompare(b.agency.code))
    .map((a) => ({ name: a.agency.name, current: a.agencyId === currentAgencyId }));
}

/** The other agencies where the user ID holds the qualification: the nightly batch's targets. */
export function otherAgencies(q: Matched, currentAgencyId: string) {
  return q.agencies.filter((a) => a.agencyId !== currentAgencyId).map((a) => a.agency);
}

/** Thrown inside a transaction when this visit already completed its operation: rolls it back. */
export class AlreadyDone extends Error {}

type ReceiptInput = {
  session: KioskSessionState;
  operation: Operation;
  cardRegistrationId: string;
  data: Omit<ReceiptData, "number" | "operation" | "issuedAt" | "terminalId" | "agency" | "kind">;
  now: Date;
};

/** The receipt row with its snapshot (R41): the next number, this terminal, the visit's agency. */
export async function createReceipt(tx: Tx, input: ReceiptInput): Promise<{ id: string; number: string }> {
  const { session, operation, now } = input;
  const number = await nextReceiptNumber(tx, now);
  const data: ReceiptData = {
    number,
    operation,
    issuedAt: now.toISOString(),
    terminalId: config().TERMINAL_ID,
    agency: { code: session.agency.code, name: session.agency.name },
    kind: session.kind,
    ...input.data,
  };
  const receipt = await tx.receipt.create({
    data: {
      number,
      operation,
      cardRegistrationId: input.cardRegistrationId,
      agencyId: session.agency.id,
      kind: session.kind,
      terminalId: config().TERMINAL_ID,
      terminalOpeningId: session.terminalOpeningId,
      data: data as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
  return { id: receipt.id, number };
}

/** The nightly batch's tasks carrying the operation to the other agencies (R21, R22). */
export async function createPropagationTasks(
  tx: Tx,
  input: {
    operation: Operation;
    cardRegistrationId: string;
    receiptId: string;
    sourceAgencyId: string;
    targets: { id: string }[];
  },
): Promise<void> {
  if (input.targets.length === 0) return;
  await tx.propagationTask.createMany({
    data: input.targets.map((a) => ({
      operation: input.operation,
      cardRegistrationId: input.cardRegistrationId,
      receiptId: input.receiptId,
      sourceAgencyId: input.sourceAgencyId,
      targetAgencyId: a.id,
    })),
  });
}

/** What every flow's completion email states: the visit's agency, the company, the 部署 contact. */
export function emailFacts(session: KioskSessionState, q: Matched, department: ContactView) {
  return {
    agencyName: session.agency.name,
    companyName: q.company.companyName,
    contactName: department.personName,
    contactAddress: department.address,
  };
}

/** The completion email of a receipt to the 部署 address (R40), once per receipt. */
export async function enqueueReceiptEmail(
  tx: Tx,
  to: string,
  email: Pick<EnqueueEmailInput, "subject" | "text" | "html">,
  receipt: { id: string; number: string },
): Promise<void> {
  await enqueueEmail(tx, {
    to,
    ...email,
    receiptId: receipt.id,
    idempotencyKey: `receipt-${receipt.number}`,
  });
}

/**
 * Writes the receipt (R41), the propagation tasks when the operation reaches other agencies (R21,
 * R22) and marks the visit done. The guard on receiptId makes a concurrent second submit of one
 * visit roll back whole, whatever else it wrote.
 */
export async function writeReceipt(
  tx: Tx,
  input: ReceiptInput & { targets: { id: string }[] },
): Promise<{ id: string; number: string }> {
  const { session, operation } = input;
  const receipt = await createReceipt(tx, input);
  // the operation in force at this agency from now on (the nightly batch does the same elsewhere)
  await tx.agencyRegistration.updateMany({
    where: { cardRegistrationId: input.cardRegistrationId, agencyId: session.agency.id },
    data: { receiptId: receipt.id },
  });
  await createPropagationTasks(tx, {
    operation,
    cardRegistrationId: input.cardRegistrationId,
    receiptId: receipt.id,
    sourceAgencyId: session.agency.id,
    targets: input.targets,
  });
  const marked = await tx.kioskSession.updateMany({
    where: { id: session.id, receiptId: null },
    data: { receiptId: receipt.id },
  });
  if (marked.count !== 1) throw new AlreadyDone();
  return receipt;
}

/**
 * The answer to a repeated submit: the visit's receipt when it is this operation's, else null
 * (a visit that completed another operation cannot start this one: the caller refuses).
 */
export async function previousDone(receiptId: string, operation: Operation): Promise<FlowDone | null> {
  const receipt = await db().receipt.findUniqueOrThrow({ where: { id: receiptId } });
  if (receipt.operation !== operation) return null;
  const data = receipt.data as unknown as ReceiptData;
  return { receiptNumber: receipt.number, emailTo: data.department.email, propagatesTo: data.propagatesTo };
}

/** The visit's receipt after a lost race (AlreadyDone, or a unique violation on it), if any. */
/** A repeated submit's answer: the first receipt when it was this operation's, else a stale visit. */
export async function answerRepeat(receiptId: string, operation: Operation) {
  const first = await previousDone(receiptId, operation);
  return first ? ({ ok: true, ...first } as const) : sessionFailure();
}

export async function doneByRace(sessionId: string, operation: Operation): Promise<FlowDone | null> {
  const again = await db().kioskSession.findUnique({ where: { id: sessionId } });
  return again?.receiptId ? previousDone(again.receiptId, operation) : null;
}

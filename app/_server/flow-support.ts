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
import type { Contact } from "@/app/_shared/schemas";
import { Prisma } from "@/prisma/client";
import { config } from "./config";
import { db, type Tx } from "./db";
import type { loadMatchedQualification } from "./qualifications";
import { nextReceiptNumber } from "./receipt-number";
import type { KioskSessionState, ProvenCard } from "./session";

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

/**
 * Writes the receipt (R41), the propagation tasks when the operation reaches other agencies (R21,
 * R22) and marks the visit done. The guard on receiptId makes a concurrent second submit of one
 * visit roll back whole, whatever else it wrote.
 */
export async function writeReceipt(
  tx: Tx,
  input: {
    session: KioskSessionState;
    operation: Operation;
    cardRegistrationId: string;
    data: Omit<ReceiptData, "number" | "operation" | "issuedAt" | "terminalId" | "agency" | "kind">;
    targets: { id: string }[];
    now: Date;
  },
): Promise<{ id: string; number: string }> {
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
  // the operation in force at this agency from now on (the nightly batch does the same elsewhere)
  await tx.agencyRegistration.updateMany({
    where: { cardRegistrationId: input.cardRegistrationId, agencyId: session.agency.id },
    data: { receiptId: receipt.id },
  });
  if (input.targets.length > 0) {
    await tx.propagationTask.createMany({
      data: input.targets.map((a) => ({
        operation,
        cardRegistrationId: input.cardRegistrationId,
        receiptId: receipt.id,
        sourceAgencyId: session.agency.id,
        targetAgencyId: a.id,
      })),
    });
  }
  const marked = await tx.kioskSession.updateMany({
    where: { id: session.id, receiptId: null },
    data: { receiptId: receipt.id },
  });
  if (marked.count !== 1) throw new AlreadyDone();
  return { id: receipt.id, number };
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
export async function doneByRace(sessionId: string, operation: Operation): Promise<FlowDone | null> {
  const again = await db().kioskSession.findUnique({ where: { id: sessionId } });
  return again?.receiptId ? previousDone(again.receiptId, operation) : null;
}

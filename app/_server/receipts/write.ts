import "server-only";
import type { Operation, ReceiptData } from "@/app/_shared/contracts";
import type { Kind } from "@/app/_shared/kinds";
import type { Prisma } from "@/prisma/client";
import { config } from "../config";
import type { Tx } from "../db";
import { nextReceiptNumber } from "./number";

/** What the operation itself puts on its receipt; the rest comes from the visit and the clock. */
export type ReceiptContent = Omit<
  ReceiptData,
  "number" | "operation" | "issuedAt" | "terminalId" | "agency" | "kind"
>;

export type ReceiptVisit = {
  agency: { id: string; code: string; name: string };
  kind: Kind;
  /** the staff opening the visit started under: every receipt names who opened its terminal */
  terminalOpeningId: string | null;
};

/**
 * The receipt row with its snapshot (R41): the next number, this terminal, the visit's agency.
 * The snapshot, not the live rows, is what every reprint shows.
 */
export async function createReceipt(
  tx: Tx,
  input: {
    visit: ReceiptVisit;
    operation: Operation;
    cardRegistrationId: string;
    content: ReceiptContent;
    now: Date;
  },
): Promise<{ id: string; number: string }> {
  const { visit, operation, now } = input;
  const number = await nextReceiptNumber(tx, now);
  const data: ReceiptData = {
    number,
    operation,
    issuedAt: now.toISOString(),
    terminalId: config().TERMINAL_ID,
    agency: { code: visit.agency.code, name: visit.agency.name },
    kind: visit.kind,
    ...input.content,
  };
  const receipt = await tx.receipt.create({
    data: {
      number,
      operation,
      cardRegistrationId: input.cardRegistrationId,
      agencyId: visit.agency.id,
      kind: visit.kind,
      terminalId: config().TERMINAL_ID,
      terminalOpeningId: visit.terminalOpeningId,
      data: data as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
  return { id: receipt.id, number };
}

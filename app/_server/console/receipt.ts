import "server-only";
import { db } from "@/app/_server/db";
import { receiptLayout, type ReceiptLayout } from "@/app/_server/receipts/sections";
import type { ReceiptData } from "@/app/_shared/contracts";
import { receiptAgencyStatus, type ReceiptAgencyStatus } from "./agency-status";

export type ReceiptView = {
  number: string;
  operation: string;
  createdAt: Date;
  terminalId: string;
  agencyName: string;
  cardRegistrationId: string;
  /** the stored snapshot as the printout lays it out */
  layout: ReceiptLayout;
  userId: string;
  /** the staff opening of the terminal the operation ran under */
  opening: {
    openedAt: Date;
    openedBy: { login: string; displayName: string };
    overrideReason: string | null;
  } | null;
  emails: {
    id: string;
    to: string;
    subject: string;
    status: string;
    attempts: number;
    lastError: string | null;
    sentAt: Date | null;
    createdAt: Date;
  }[];
  agencies: ReceiptAgencyStatus[];
};

/** The receipt's verification page data; null for an unknown 受付番号. */
export async function receiptView(number: string): Promise<ReceiptView | null> {
  if (number.length === 0 || number.length > 64) return null;
  const receipt = await db().receipt.findUnique({
    where: { number },
    select: {
      id: true,
      number: true,
      operation: true,
      createdAt: true,
      terminalId: true,
      cardRegistrationId: true,
      data: true,
      agency: { select: { name: true } },
      terminalOpening: {
        select: {
          openedAt: true,
          overrideReason: true,
          openedBy: { select: { login: true, displayName: true } },
        },
      },
      emails: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          to: true,
          subject: true,
          status: true,
          attempts: true,
          lastError: true,
          sentAt: true,
          createdAt: true,
        },
      },
    },
  });
  if (!receipt || typeof receipt.data !== "object" || receipt.data === null) return null;
  const data = receipt.data as unknown as ReceiptData;
  return {
    number: receipt.number,
    operation: receipt.operation,
    createdAt: receipt.createdAt,
    terminalId: receipt.terminalId,
    agencyName: receipt.agency.name,
    cardRegistrationId: receipt.cardRegistrationId,
    layout: receiptLayout(data),
    userId: data.userId,
    opening: receipt.terminalOpening,
    emails: receipt.emails,
    agencies: await receiptAgencyStatus(receipt.id),
  };
}

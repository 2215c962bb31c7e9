import "server-only";
import { cookies } from "next/headers";
import type { ReceiptData } from "@/app/_shared/contracts";
import { audit } from "../audit/append";
import { db } from "../db";
import { SESSION_COOKIE } from "../visit/session";
import { currentStaff } from "../staff/auth";

/** The kiosk visit that completed the operation, while it lasts (the bidder prints at the kiosk). */
async function isOwnKioskVisit(number: string): Promise<boolean> {
  const sessionId = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!sessionId) return false;
  const session = await db().kioskSession.findUnique({
    where: { id: sessionId },
    select: { endedAt: true, expiresAt: true, receipt: { select: { number: true } } },
  });
  return (
    !!session && !session.endedAt && session.expiresAt > new Date() && session.receipt?.number === number
  );
}

/**
 * Who may open a receipt PDF: the kiosk visit that made it, or any signed-in staff member (R41
 * reprint). A staff reprint of an existing receipt is audited (receipt.reprint) before the PDF is
 * served; staff may learn which numbers exist, so an unknown number is left to the 404.
 */
export async function canViewReceipt(number: string): Promise<boolean> {
  if (await isOwnKioskVisit(number)) return true;
  const staff = await currentStaff("staff");
  if (!staff) return false;
  const receipt = await db().receipt.findUnique({ where: { number }, select: { data: true } });
  if (receipt) {
    const userId = (receipt.data as Partial<ReceiptData> | null)?.userId ?? null;
    await audit({
      action: "receipt.reprint",
      outcome: "ok",
      staffLogin: staff.login,
      userId,
      detail: { receipt: number },
    });
  }
  return true;
}

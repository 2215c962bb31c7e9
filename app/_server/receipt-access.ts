import "server-only";
import { cookies } from "next/headers";
import { db } from "./db";
import { SESSION_COOKIE } from "./session";

/**
 * Who may open a receipt PDF: the kiosk visit that completed the operation, while it lasts (the
 * bidder prints at the kiosk). Staff reprints come with the staff console's sign-in.
 */
export async function canViewReceipt(number: string): Promise<boolean> {
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

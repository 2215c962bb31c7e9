import "server-only";
import { REMINDER_THRESHOLDS } from "../batch/reminders";
import { db } from "../db";
import { tokyoDaysBetween } from "../time";

// The console's 有効期限が近いICカード (issue 13 item 4): active cards whose certificate expires
// within 60 Tokyo days, soonest first, with the reminders the nightly batch has dealt with — so
// staff can call a bidder who has not come, or tell one at the desk which emails went out.

export const EXPIRING_WITHIN_DAYS = REMINDER_THRESHOLDS[0];

export type ReminderState = {
  threshold: number;
  /** emailed: queued an email; passed: reached while a closer one was due, recorded without one */
  state: "emailed" | "passed";
  at: Date;
};

export type ExpiringCard = {
  cardRegistrationId: string;
  userId: string;
  kind: string;
  companyName: string;
  /** the user ID lapsed (失効): no reminder is sent, a new 登録 under the successor is needed */
  lapsed: boolean;
  holderName: string;
  serialDecimal: string;
  notAfter: Date;
  daysLeft: number;
  reminders: ReminderState[];
};

const DAY_MS = 86_400_000;

export async function expiringCards(now: Date = new Date()): Promise<ExpiringCard[]> {
  const cards = await db().cardRegistration.findMany({
    where: {
      status: "active",
      notAfter: { gt: now, lte: new Date(now.getTime() + (EXPIRING_WITHIN_DAYS + 1) * DAY_MS) },
    },
    include: {
      qualification: { select: { userId: true, kind: true, companyName: true, status: true } },
      reminders: { select: { threshold: true, outboxEmailId: true, createdAt: true } },
    },
    orderBy: [{ notAfter: "asc" }, { id: "asc" }],
  });
  return cards
    .map((card) => ({
      cardRegistrationId: card.id,
      userId: card.qualification.userId,
      kind: card.qualification.kind,
      companyName: card.qualification.companyName,
      lapsed: card.qualification.status === "lapsed",
      holderName: card.holderName,
      serialDecimal: BigInt(`0x${card.serialNumber}`).toString(10),
      notAfter: card.notAfter,
      daysLeft: tokyoDaysBetween(now, card.notAfter),
      reminders: card.reminders
        .map((r) => ({
          threshold: r.threshold,
          state: r.outboxEmailId ? ("emailed" as const) : ("passed" as const),
          at: r.createdAt,
        }))
        .sort((a, b) => b.threshold - a.threshold),
    }))
    .filter((card) => card.daysLeft <= EXPIRING_WITHIN_DAYS);
}

import "server-only";
import { randomUUID } from "node:crypto";
import { tokyoDateKanji } from "@/app/_shared/tokyo-time";
import { KIND_SHORT, isKind } from "@/app/_shared/kinds";
import { config } from "../config";
import { db, type Tx } from "../db";
import { enqueueEmail } from "../email/outbox";
import { renewalReminderEmail } from "../email/templates";
import { hoursSettings, hoursText } from "../visit/hours";
import { tokyoDaysBetween } from "../time";

// The nightly batch's second step (issue 13 item 4): an email to the 代表窓口 of every active card
// whose certificate expires within 60, 30 or 7 days (Tokyo days), so the bidder comes for ICカード
// 更新 while it is still possible (R13: an expired card can only be registered anew). Once per
// card and threshold: the RenewalReminder row's unique key decides, in the same transaction as
// the email, so a rerun or a second server running at the same moment queues nothing twice — the
// batch lock alone would not hold if a run were taken over mid-step.

/** Days before expiry, widest first. */
export const REMINDER_THRESHOLDS = [60, 30, 7] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLDS)[number];

const DAY_MS = 86_400_000;

/** The thresholds a card `daysLeft` from expiry has reached (≤ threshold days left). */
export function reachedThresholds(daysLeft: number): ReminderThreshold[] {
  return REMINDER_THRESHOLDS.filter((t) => daysLeft <= t);
}

export function reminderIdempotencyKey(cardRegistrationId: string, threshold: number): string {
  return `renewal-reminder:${cardRegistrationId}:${threshold}`;
}

/** 「平日 8:30〜20:00（土日祝日・年末年始を除く）」 as the kiosk's closed screen words R23. */
export function helpdeskHoursText(): string {
  const settings = hoursSettings(config());
  const exceptions = settings.closedDays.length > 0 ? "土日祝日・年末年始を除く" : "土日祝日を除く";
  return `${hoursText(settings)}（${exceptions}）`;
}

/**
 * Queues the due reminders at `now`; returns how many emails were queued. Never for a replaced
 * (更新済) card, one already expired, or a lapsed (失効) user ID (R15: it cannot be renewed).
 */
export async function queueRenewalReminders(options: { now: Date; runId?: string | null }): Promise<number> {
  const { now } = options;
  const cards = await db().cardRegistration.findMany({
    where: {
      status: "active",
      // one day of slack past 60: the exact cut is in Tokyo days, below
      notAfter: { gt: now, lte: new Date(now.getTime() + (REMINDER_THRESHOLDS[0] + 1) * DAY_MS) },
      qualification: { status: { not: "lapsed" } },
    },
    include: {
      qualification: { include: { userRegistration: { select: { email: true } } } },
      reminders: { select: { threshold: true } },
    },
    orderBy: [{ notAfter: "asc" }, { id: "asc" }],
  });

  let queued = 0;
  const hours = cards.length > 0 ? helpdeskHoursText() : "";
  for (const card of cards) {
    const daysLeft = tokyoDaysBetween(now, card.notAfter);
    const reached = reachedThresholds(daysLeft);
    const recorded = new Set(card.reminders.map((r) => r.threshold));
    if (reached.every((t) => recorded.has(t))) continue;
    const to = card.qualification.userRegistration?.email;
    if (!to) continue; // no 代表窓口 yet: nothing to write to (a registered card always has one)
    // the closest threshold reached gets the email; wider ones passed meanwhile are only recorded
    const closest = reached[reached.length - 1]!;
    const sent = await db().$transaction(async (tx) => {
      let emailed = 0;
      if (!recorded.has(closest) && (await claim(tx, card.id, closest, options.runId ?? null, now))) {
        const kind = card.qualification.kind;
        const email = renewalReminderEmail({
          userId: card.qualification.userId,
          kindLabel: isKind(kind) ? KIND_SHORT[kind] : kind,
          companyName: card.qualification.companyName,
          holderName: card.holderName,
          serialDecimal: BigInt(`0x${card.serialNumber}`).toString(10),
          expiryDate: tokyoDateKanji(card.notAfter),
          daysLeft,
          helpdeskHours: hours,
        });
        const { id } = await enqueueEmail(tx, {
          to,
          ...email,
          receiptId: null,
          idempotencyKey: reminderIdempotencyKey(card.id, closest),
        });
        await tx.renewalReminder.update({
          where: { cardRegistrationId_threshold: { cardRegistrationId: card.id, threshold: closest } },
          data: { outboxEmailId: id },
        });
        emailed = 1;
      }
      for (const passed of reached.slice(0, -1)) {
        if (!recorded.has(passed)) await claim(tx, card.id, passed, options.runId ?? null, now);
      }
      return emailed;
    });
    queued += sent;
  }
  return queued;
}

/**
 * Records (card, threshold) unless a row exists; true when this call wrote it. ON CONFLICT DO
 * NOTHING (SQLite and PostgreSQL alike): a second writer waits for the first and then writes
 * nothing, without aborting its transaction as a unique-violation error would on PostgreSQL.
 */
async function claim(tx: Tx, cardRegistrationId: string, threshold: number, runId: string | null, now: Date) {
  const written = await tx.$executeRaw`
    INSERT INTO "RenewalReminder" ("id", "cardRegistrationId", "threshold", "batchRunId", "createdAt")
    VALUES (${randomUUID()}, ${cardRegistrationId}, ${threshold}, ${runId}, ${now})
    ON CONFLICT ("cardRegistrationId", "threshold") DO NOTHING`;
  return written === 1;
}

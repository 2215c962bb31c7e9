import "server-only";
import { db } from "@/app/_server/db";

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export function isEmailStatus(value: unknown): value is EmailStatus {
  return typeof value === "string" && (EMAIL_STATUSES as readonly string[]).includes(value);
}

export type OutboxRow = {
  id: string;
  createdAt: Date;
  to: string;
  subject: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  receiptNumber: string | null;
};

/** The newest outbox emails for the staff view, optionally of one status. */
export async function listOutbox(
  options: { status?: EmailStatus; limit?: number } = {},
): Promise<OutboxRow[]> {
  const rows = await db().outboxEmail.findMany({
    where: options.status ? { status: options.status } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 200,
    select: {
      id: true,
      createdAt: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      sentAt: true,
      receipt: { select: { number: true } },
    },
  });
  return rows.map(({ receipt, ...row }) => ({ ...row, receiptNumber: receipt?.number ?? null }));
}

export type OutboxSummary = Record<EmailStatus, number>;

/** How many emails are in each state (the console's front page box). */
export async function outboxSummary(): Promise<OutboxSummary> {
  const groups = await db().outboxEmail.groupBy({ by: ["status"], _count: { _all: true } });
  const summary: OutboxSummary = { pending: 0, sent: 0, failed: 0 };
  for (const g of groups) if (isEmailStatus(g.status)) summary[g.status] = g._count._all;
  return summary;
}

import "server-only";
import { db } from "@/app/_server/db";

export type OutboxRow = {
  id: string;
  createdAt: Date;
  to: string;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
};

/** The newest outbox emails for the staff view. */
export async function listOutbox(limit = 200): Promise<OutboxRow[]> {
  return db().outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      createdAt: true,
      to: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
    },
  });
}

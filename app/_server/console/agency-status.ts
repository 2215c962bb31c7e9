import "server-only";
import { db } from "@/app/_server/db";

// Read straight from AgencyRegistration and PropagationTask (the nightly batch writes them), so the
// console shows the rows as they are, whoever wrote them.

export type AgencyRef = { id: string; code: string; name: string };

export type CardAgencyStatus = {
  agency: AgencyRef;
  /** ended: a renewal ended the card there (R12); excluded: never chosen for it (R22) */
  status: "applied" | "ended" | "pending" | "excluded";
  /** the agency where the card was registered */
  registeredHere: boolean;
  /** the qualification lists the agency (a row may outlive the agency's removal from it) */
  qualified: boolean;
  reflectedAt: Date | null;
  endedAt: Date | null;
  /** operations still waiting for the batch at this agency: register | change | renewal */
  pendingOperations: string[];
};

const byOrder = (a: { sortOrder: number; code: string }, b: { sortOrder: number; code: string }) =>
  a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/** Per agency where the card's user ID holds the qualification (and wherever the card reached). */
export async function cardAgencyStatus(cardRegistrationId: string): Promise<CardAgencyStatus[]> {
  const card = await db().cardRegistration.findUnique({
    where: { id: cardRegistrationId },
    select: {
      agencyId: true,
      qualification: { select: { agencies: { select: { agency: true } } } },
      reflections: { select: { agency: true, reflectedAt: true, endedAt: true } },
      tasks: { where: { status: "pending" }, select: { operation: true, targetAgency: true } },
    },
  });
  if (!card) return [];
  const agencies = new Map<string, { id: string; code: string; name: string; sortOrder: number }>();
  for (const a of card.qualification.agencies) agencies.set(a.agency.id, a.agency);
  for (const r of card.reflections) agencies.set(r.agency.id, r.agency);
  for (const t of card.tasks) agencies.set(t.targetAgency.id, t.targetAgency);
  const qualified = new Set(card.qualification.agencies.map((a) => a.agency.id));

  return [...agencies.values()].sort(byOrder).map((agency) => {
    const reflection = card.reflections.find((r) => r.agency.id === agency.id);
    const pendingOperations = card.tasks
      .filter((t) => t.targetAgency.id === agency.id)
      .map((t) => t.operation);
    const status: CardAgencyStatus["status"] = reflection?.endedAt
      ? "ended"
      : pendingOperations.length > 0
        ? "pending"
        : reflection
          ? "applied"
          : "excluded";
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      status,
      registeredHere: agency.id === card.agencyId,
      qualified: qualified.has(agency.id),
      reflectedAt: reflection?.reflectedAt ?? null,
      endedAt: reflection?.endedAt ?? null,
      pendingOperations,
    };
  });
}

export type ReceiptAgencyStatus = {
  agency: AgencyRef;
  /** source: the agency where the operation was made (in force at once) */
  status: "source" | "applied" | "pending" | "excluded";
  at: Date | null;
};

/** Where one operation (receipt) went: its own agency, each batch target, and the ones not chosen (R22). */
export async function receiptAgencyStatus(receiptId: string): Promise<ReceiptAgencyStatus[]> {
  const receipt = await db().receipt.findUnique({
    where: { id: receiptId },
    select: {
      createdAt: true,
      agency: true,
      tasks: { select: { status: true, appliedAt: true, targetAgency: true } },
      cardRegistration: {
        select: { qualification: { select: { agencies: { select: { agency: true } } } } },
      },
    },
  });
  if (!receipt) return [];
  const rows: (ReceiptAgencyStatus & { order: { sortOrder: number; code: string } })[] = [
    {
      agency: { id: receipt.agency.id, code: receipt.agency.code, name: receipt.agency.name },
      status: "source",
      at: receipt.createdAt,
      order: receipt.agency,
    },
  ];
  const seen = new Set([receipt.agency.id]);
  for (const task of receipt.tasks) {
    if (seen.has(task.targetAgency.id)) continue;
    seen.add(task.targetAgency.id);
    rows.push({
      agency: { id: task.targetAgency.id, code: task.targetAgency.code, name: task.targetAgency.name },
      status: task.status === "applied" ? "applied" : "pending",
      at: task.status === "applied" ? task.appliedAt : null,
      order: task.targetAgency,
    });
  }
  for (const { agency } of receipt.cardRegistration.qualification.agencies) {
    if (seen.has(agency.id)) continue;
    seen.add(agency.id);
    rows.push({
      agency: { id: agency.id, code: agency.code, name: agency.name },
      status: "excluded",
      at: null,
      order: agency,
    });
  }
  const [source, ...rest] = rows;
  return [source!, ...rest.sort((a, b) => byOrder(a.order, b.order))].map(({ order: _order, ...row }) => row);
}

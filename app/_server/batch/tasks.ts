import "server-only";
import type { Operation } from "@/app/_shared/contracts";
import type { Tx } from "../db";

/**
 * The nightly batch's input (R21, R22): one pending task per other agency, written in the
 * operation's own transaction so an operation and its propagation exist together or not at all.
 */
export async function createPropagationTasks(
  tx: Tx,
  input: {
    operation: Operation;
    cardRegistrationId: string;
    receiptId: string;
    sourceAgencyId: string;
    targets: { id: string }[];
  },
): Promise<void> {
  if (input.targets.length === 0) return;
  await tx.propagationTask.createMany({
    data: input.targets.map((a) => ({
      operation: input.operation,
      cardRegistrationId: input.cardRegistrationId,
      receiptId: input.receiptId,
      sourceAgencyId: input.sourceAgencyId,
      targetAgencyId: a.id,
    })),
  });
}

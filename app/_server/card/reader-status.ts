import "server-only";
import { z } from "@/app/_shared/zod";
import { getCardReader, getSimulatedCardReader } from "@/kiosk/card";

export type SimulatedReaderState = {
  cards: { label: string; holderName: string; companyOnCard: string; locked: boolean }[];
  insertedLabel: string | null;
};

/** What the kiosk screen polls: presence and the insertion id, nothing about the bidder. */
export async function cardStatus(): Promise<{ present: boolean; insertionId: string | null }> {
  const status = await (await getCardReader()).status();
  return status.present
    ? { present: true, insertionId: status.insertionId }
    : { present: false, insertionId: null };
}

/** The insertion the reader holds now, or null: a submit checks it is still the proven card (R31). */
export async function currentInsertionId(): Promise<string | null> {
  return (await cardStatus()).insertionId;
}

/** The 仮想カードリーダー panel's view, or null when a real card driver is configured. */
export async function simulatedReaderState(): Promise<SimulatedReaderState | null> {
  const reader = await getSimulatedCardReader();
  if (!reader) return null;
  const status = await reader.status();
  return {
    cards: reader
      .cards()
      .map((c) => ({ label: c.label, holderName: c.holder, companyOnCard: c.company, locked: c.locked })),
    insertedLabel: status.present ? status.label : null,
  };
}

const actionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("insert"), label: z.string().regex(/^DEMO-[A-Z]$/) }),
  z.object({ action: z.literal("remove") }),
]);

export async function simulatedReaderAction(
  body: unknown,
): Promise<{ ok: true; state: SimulatedReaderState } | { ok: false; message: string } | null> {
  const reader = await getSimulatedCardReader();
  if (!reader) return null;
  const parsed = actionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: "操作が正しくありません。" };
  const action = parsed.data;
  if (action.action === "insert") {
    if (!reader.cards().some((c) => c.label === action.label))
      return { ok: false, message: "そのカードはありません。" };
    reader.insert(action.label);
  } else {
    reader.remove();
  }
  return { ok: true, state: (await simulatedReaderState())! };
}

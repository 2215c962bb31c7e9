// Turns successive GET /api/card answers into the machine's card events. A changed insertionId
// while a card stays present is a swap faster than one poll: the old card was removed and another
// inserted, and the flow must treat it as such (R31).
export type CardStatus = { present: boolean; insertionId: string | null };
export type CardSignal = { type: "card.inserted"; insertionId: string } | { type: "card.removed" };

export function cardSignals(previous: CardStatus, next: CardStatus): CardSignal[] {
  if (!next.present || next.insertionId === null) {
    return previous.present ? [{ type: "card.removed" }] : [];
  }
  if (!previous.present) return [{ type: "card.inserted", insertionId: next.insertionId }];
  if (previous.insertionId !== next.insertionId) {
    return [{ type: "card.removed" }, { type: "card.inserted", insertionId: next.insertionId }];
  }
  return [];
}

export const NO_CARD: CardStatus = { present: false, insertionId: null };

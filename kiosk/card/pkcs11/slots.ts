// One poll of the module's slots: which readers exist, which hold a card, and what changed since
// the previous poll. A card keeps its insertion id while the same token (serial) stays in its slot.
import { CardError, type CardEvent } from "../types";
import { handleId, trimPadded, type Handle, type Pkcs11Api } from "./api";
import * as K from "./constants";
import { cardFailureFrom } from "./errors";

export type Card = { serial: string; label: string; insertionId: string };
export type Slot = { id: string; handle: Handle; name: string; card: Card | null };

function readerName(api: Pkcs11Api, handle: Handle): string {
  try {
    return trimPadded(api.C_GetSlotInfo(handle).slotDescription) || handleId(handle);
  } catch {
    return handleId(handle);
  }
}

/**
 * The card in a slot, or null. A token whose info cannot be read is no card: that is how a module
 * that does not report removal (SoftHSM2 after its token is deleted) shows it is gone.
 */
function tokenIn(
  api: Pkcs11Api,
  handle: Handle,
  wanted: string | null,
): { serial: string; label: string } | null {
  try {
    if ((api.C_GetSlotInfo(handle).flags & K.CKF_TOKEN_PRESENT) === 0) return null;
    const info = api.C_GetTokenInfo(handle);
    if ((info.flags & K.CKF_TOKEN_INITIALIZED) === 0) return null;
    const label = trimPadded(info.label);
    if (wanted && label !== wanted) return null;
    return { serial: trimPadded(info.serialNumber), label };
  } catch {
    return null;
  }
}

export function scanSlots(
  api: Pkcs11Api,
  previous: readonly Slot[],
  tokenLabel: string | null,
  newInsertionId: (serial: string) => string,
): { slots: Slot[]; events: CardEvent[] } {
  let handles: Handle[];
  try {
    handles = api.C_GetSlotList(false);
  } catch (error) {
    throw new CardError(cardFailureFrom(error));
  }
  const before = new Map(previous.map((s) => [s.id, s]));
  const events: CardEvent[] = [];
  const slots = handles.map((handle): Slot => {
    const id = handleId(handle);
    const old = before.get(id)?.card ?? null;
    const token = tokenIn(api, handle, tokenLabel);
    let card: Card | null = null;
    if (token && old && old.serial === token.serial) card = old;
    else if (token) card = { ...token, insertionId: newInsertionId(token.serial) };
    if (old && old !== card)
      events.push({ type: "card.removed", readerId: id, insertionId: old.insertionId });
    if (card && card !== old)
      events.push({ type: "card.inserted", readerId: id, insertionId: card.insertionId });
    return { id, handle, name: readerName(api, handle), card };
  });
  for (const [id, slot] of before) {
    if (slot.card && !slots.some((s) => s.id === id)) {
      events.push({ type: "card.removed", readerId: id, insertionId: slot.card.insertionId });
    }
  }
  return { slots, events };
}

/** No id: the first slot holding a card, else the first slot. */
export function slotFor(slots: readonly Slot[], readerId: string | undefined): Slot {
  const slot =
    readerId === undefined ? (slots.find((s) => s.card) ?? slots[0]) : slots.find((s) => s.id === readerId);
  if (!slot) throw new CardError({ code: "noReader" });
  return slot;
}

export function presentCard(
  slots: readonly Slot[],
  readerId: string | undefined,
): { slot: Slot; card: Card } {
  const slot = slotFor(slots, readerId);
  if (!slot.card) throw new CardError({ code: "noCard" });
  return { slot, card: slot.card };
}

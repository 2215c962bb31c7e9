// Issue 13 item 5: does the module report slot events, and has one happened since the last look?
// Only ever asked with CKF_DONT_BLOCK: a blocking C_WaitForSlotEvent runs synchronously in
// pkcs11js on Node's one JavaScript thread, so every kiosk request would wait for the next card.
// (A worker thread could block instead, but the module is not ours to call from two threads while
// a C_Login runs on the other.) Asking without blocking costs one call, much less than a rescan.
import type { Pkcs11Api } from "./api";
import * as K from "./constants";

/** "changed": rescan now; "quiet": nothing moved since the last call; "unsupported": poll. */
export type SlotEventAnswer = "changed" | "quiet" | "unsupported";

/** Several cards can move between two looks; one is enough to rescan, the rest are drained. */
const DRAIN_LIMIT = 16;

export function slotEventSince(api: Pkcs11Api): SlotEventAnswer {
  let changed = false;
  try {
    for (let i = 0; i < DRAIN_LIMIT; i += 1) {
      if (api.C_WaitForSlotEvent(K.CKF_DONT_BLOCK) === null) return changed ? "changed" : "quiet";
      changed = true;
    }
    return "changed";
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === K.CKR_FUNCTION_NOT_SUPPORTED) return "unsupported";
    if (code === K.CKR_NO_EVENT) return changed ? "changed" : "quiet";
    // any other failure says nothing about the slots: rescan, as without events
    return "changed";
  }
}

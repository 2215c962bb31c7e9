// Which events the kiosk passes on to each flow, so the screens can send everything to the kiosk
// actor. Card insertion is wired in the machine itself (it also updates the kiosk's cardPresent).
import type { KioskEvent } from "./kiosk.types";

type EventType = KioskEvent["type"];

export const FORWARDED = {
  registration: [
    "pin.submit",
    "pin.cancel",
    "refusal.back",
    "search.submit",
    "search.back",
    "form.submit",
    "form.back",
    "holder.acknowledge",
    "holder.back",
    "confirm.submit",
    "confirm.back",
    "receipt.print",
  ],
  change: [
    "pin.submit",
    "pin.cancel",
    "refusal.back",
    "refusal.register",
    "form.submit",
    "form.back",
    "propagate.toggle",
    "confirm.submit",
    "confirm.back",
    "receipt.print",
  ],
  renewal: [
    "notice.ok",
    "notice.back",
    "pin.submit",
    "pin.cancel",
    "refusal.back",
    "refusal.register",
    "propagate.toggle",
    "confirm.submit",
    "confirm.back",
    "receipt.print",
  ],
} as const satisfies Record<string, readonly EventType[]>;

/** `{ [type]: { actions: action } }` for each event type: the `on` block of a flow state. */
export function forwardAll<const T extends EventType, const A extends string>(
  types: readonly T[],
  action: A,
): Record<T, { actions: A }> {
  return Object.fromEntries(types.map((type) => [type, { actions: action }])) as Record<T, { actions: A }>;
}

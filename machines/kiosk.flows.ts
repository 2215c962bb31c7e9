// How the kiosk talks to its flows: what each flow starts with, which events the kiosk passes on
// (so the screens can send everything to the kiosk actor; card insertion is wired in the machine
// itself, as it also updates the kiosk's cardPresent), and where a flow's output leads.
import type { AgencyView } from "../app/_shared/contracts";
import type { FlowInput } from "./change.types";
import type { KioskContext, KioskEvent } from "./kiosk.types";
import type { RenewalOutput } from "./renewal.types";

export function flowInput({ context }: { context: KioskContext }): FlowInput {
  // `active` is only entered after storeSession, so the choice is always there.
  const agency: AgencyView = context.agency ?? { code: "", name: "", goods: false };
  return { agency, kind: context.kind ?? "construction", cardPresent: context.cardPresent };
}

/** How 変更 and 更新 hand back: to 登録 with the card in hand, to 終了 (renewal only), or to the menu. */
export const flowDone = [
  {
    guard: { type: "isSwitchToRegister", params: ({ event }: { event: { output: RenewalOutput } }) => event },
    target: "#kiosk.active.screens.flow.registration",
  },
  {
    guard: { type: "isCardRemoved", params: ({ event }: { event: { output: RenewalOutput } }) => event },
    target: "#kiosk.end",
    actions: { type: "storeEndReason", params: { reason: "cardRemoved" } },
  },
  { target: "#kiosk.active.screens.menu" },
] as const;

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

// How the kiosk starts its flows and where a flow's output leads. The kiosk relays only the
// card's signals (wired in the machine, beside its own cardPresent); a flow's screens send to the
// flow's actor themselves.
import type { AgencyView } from "../app/_shared/contracts";
import type { FlowInput } from "./change.types";
import type { KioskContext } from "./kiosk.types";
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

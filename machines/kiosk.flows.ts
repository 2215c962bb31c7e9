// How the kiosk starts its flows and where a flow's output leads. The kiosk relays only the
// card's signals (wired in the machine, beside its own cardPresent); a flow's screens send to the
// flow's actor themselves.
import type { AnyActorRef } from "xstate";
import type { AgencyView } from "../app/_shared/contracts";
import type { FlowInput } from "./change.types";
import type { KioskContext } from "./kiosk.types";
import type { RenewalOutput } from "./renewal.types";

export function flowInput({ context }: { context: KioskContext }): FlowInput {
  // `active` is only entered after storeSession, so the choice is always there.
  const agency: AgencyView = context.agency ?? { code: "", name: "", goods: false };
  return { agency, kind: context.kind ?? "construction", cardPresent: context.cardPresent };
}

/**
 * How a flow hands back: to 登録 with the card in hand (変更, 更新), to 終了 when the card was taken
 * out before the commit (R31), or to the menu.
 */
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

const FLOW_IDS = ["registration", "change", "renewal"] as const;

/**
 * Whether the running flow has committed its operation (its result screen is up): 終了画面 then
 * says the operation is done instead of "nothing was saved". Read from the flow's own states, the
 * one place that knows.
 */
export function flowCommitted(children: Record<string, AnyActorRef | undefined>): boolean {
  return FLOW_IDS.some((id) => {
    const snapshot = children[id]?.getSnapshot() as { matches?: (state: string) => boolean } | undefined;
    return snapshot?.matches?.("done") === true || snapshot?.matches?.("print") === true;
  });
}

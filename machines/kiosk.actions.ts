// The kiosk machine's context updates, kept apart so the statechart file stays readable (as
// change.actions.ts). Each takes what it needs as params; the machine maps events to params.
import { assign } from "xstate";
import type { Result, SessionView } from "../app/_shared/contracts";
import { flowCommitted } from "./kiosk.flows";
import {
  STANDARD_ACCESS,
  type EndReason,
  type KioskContext,
  type KioskEvent,
  type Lang,
  type TextSize,
} from "./kiosk.types";

type Update = Partial<KioskContext>;

/** assign() typed for this machine, so the actions can live outside its setup() call. */
function update<TParams = undefined>(fn: (context: KioskContext, params: TParams) => Update) {
  return assign<KioskContext, KioskEvent, TParams, KioskEvent, never>(({ context }, params) =>
    fn(context, params),
  );
}

export const kioskActions = {
  markCardPresent: update(() => ({ cardPresent: true })),
  markCardAbsent: update(() => ({ cardPresent: false })),
  clearNotices: update(() => ({ error: null, endReason: null, committed: false })),
  storeSession: update((_, params: { result: Result<SessionView> }): Update =>
    params.result.ok ? { agency: params.result.agency, kind: params.result.kind, error: null } : {},
  ),
  storeSessionError: update((_, params: { message: string }) => ({ error: params.message })),
  startCountdown: update((context) => ({ idleRemaining: context.warningSeconds })),
  countDown: update((context) => ({ idleRemaining: context.idleRemaining - 1 })),
  stopCountdown: update(() => ({ idleRemaining: 0 })),
  storeEndReason: update((_, params: { reason: EndReason | null }) => ({
    endReason: params.reason,
    committed: false,
  })),
  // Logout and timeout may come before or after the flow committed; the flow's state says which.
  storeEnd: assign<KioskContext, KioskEvent, { reason: EndReason }, KioskEvent, never>(
    ({ self }, params) => ({
      endReason: params.reason,
      committed: flowCommitted(self.getSnapshot().children),
    }),
  ),
  // The flow's own data (cards, qualification, form) lives in the flow's actor, which stops
  // when the flow state is left; this clears what the kiosk itself holds.
  clearBidderData: update(() => ({ agency: null, kind: null, idleRemaining: 0, error: null })),
  storeTextSize: update((context, params: { size: TextSize }) => ({
    access: { ...context.access, textSize: params.size },
  })),
  storeContrast: update((context, params: { highContrast: boolean }) => ({
    access: { ...context.access, highContrast: params.highContrast },
  })),
  storeLang: update((context, params: { lang: Lang }) => ({
    access: { ...context.access, lang: params.lang },
  })),
  // The visit's text size, contrast and language are the bidder's, not the terminal's: the next bidder
  // starts from the standard screen.
  resetAccessModes: update(() => ({ access: STANDARD_ACCESS })),
};

// The kiosk around the flows: select → entry → top → menu → flow, with the escapes that are
// legal anywhere in a session (card removed R31, inactivity R32, logout) at the top.
import { forwardTo, setup } from "xstate";
import type { Result, SessionView } from "../app/_shared/contracts";
import { changeMachine } from "./change.machine";
import { kioskActions } from "./kiosk.actions";
import { CARD_LEFT_NOTICE_SECONDS, endState, HEALTH_RETRY_MS, unavailableState } from "./kiosk.end";
import { flowDone, flowInput } from "./kiosk.flows";
import { MESSAGES } from "./messages";
import { placeholder } from "./placeholder";
import { registrationMachine } from "./registration.machine";
import { renewalMachine } from "./renewal.machine";
import type { RegistrationOutput } from "./registration.types";
import type { RenewalOutput } from "./renewal.types";
import {
  isStandardAccess,
  STANDARD_ACCESS,
  type KioskContext,
  type KioskEvent,
  type KioskInput,
  type StartSessionInput,
} from "./kiosk.types";

/**
 * The kiosk root's systemId: pass it to createActor, so that a step deep in a flow can tell the
 * root the server is unavailable (machines/implementations.ts).
 */
export const KIOSK_SYSTEM_ID = "kiosk";

export { CARD_LEFT_NOTICE_SECONDS } from "./kiosk.end";

export const kioskMachine = setup({
  types: {} as {
    context: KioskContext;
    events: KioskEvent;
    input: KioskInput;
    children: {
      registration: "registration";
      change: "change";
      renewal: "renewal";
      startSession: "startSession";
      endSession: "endSession";
      checkHealth: "checkHealth";
      reportCardLeft: "reportCardLeft";
    };
  },
  actors: {
    startSession: placeholder<Result<SessionView>, StartSessionInput>("startSession"),
    endSession: placeholder<void, void>("endSession"),
    /** true when the server reaches its database again */
    checkHealth: placeholder<boolean, void>("checkHealth"),
    /** tells staff a card has stayed in the reader after the visit ended (R32) */
    reportCardLeft: placeholder<void, { seconds: number }>("reportCardLeft"),
    registration: registrationMachine,
    change: changeMachine,
    renewal: renewalMachine,
  },
  delays: {
    idleTimeout: ({ context }) => context.idleSeconds * 1000,
    warningTick: 1000,
    endDelay: ({ context }) => context.endSeconds * 1000,
    healthRetry: HEALTH_RETRY_MS,
    cardLeftNotice: CARD_LEFT_NOTICE_SECONDS * 1000,
  },
  guards: {
    isStarted: (_, params: { result: Result<SessionView> }) => params.result.ok,
    isLastSecond: ({ context }) => context.idleRemaining <= 1,
    isSwitchToRegister: (_, params: { output: RenewalOutput }) => "switchTo" in params.output,
    isCardRemoved: (_, params: { output: RenewalOutput | RegistrationOutput }) =>
      "cardRemoved" in params.output,
    isVisitEnded: (_, params: { output: RegistrationOutput }) => "visitEnded" in params.output,
    isHealthy: (_, params: { healthy: boolean }) => params.healthy,
    isCardPresent: ({ context }) => context.cardPresent,
    hasAccessModes: ({ context }) => !isStandardAccess(context.access),
  },
  actions: {
    ...kioskActions,
    forwardToRegistration: forwardTo("registration"),
    forwardToChange: forwardTo("change"),
    forwardToRenewal: forwardTo("renewal"),
  },
}).createMachine({
  id: "kiosk",
  context: ({ input }) => ({
    idleSeconds: input.idleSeconds,
    warningSeconds: input.warningSeconds,
    endSeconds: input.endSeconds,
    agency: null,
    kind: null,
    cardPresent: input.cardPresent ?? false,
    idleRemaining: 0,
    endReason: null,
    committed: false,
    error: null,
    access: STANDARD_ACCESS,
  }),
  initial: "select",
  on: {
    "card.inserted": { actions: "markCardPresent" },
    "card.removed": { actions: "markCardAbsent" },
    // from every screen, before and during a visit (the select screen is the visit's first)
    "access.textSize": {
      actions: { type: "storeTextSize", params: ({ event }) => ({ size: event.size }) },
    },
    "access.contrast": {
      actions: { type: "storeContrast", params: ({ event }) => ({ highContrast: event.highContrast }) },
    },
    "access.lang": { actions: { type: "storeLang", params: ({ event }) => ({ lang: event.lang }) } },
    // from any state: leaving `active` stops the flow and its data (nothing half-done continues)
    "system.unavailable": { target: ".unavailable" },
  },
  states: {
    // Screen 1 comes before any visit, so no visit's end resets the modes here: a bidder who chose
    // 特大, 高コントラスト or English and walked away would leave them to the next. After the idle
    // time without a tap or key they go back to standard (only when changed; the screen stays).
    select: {
      after: { idleTimeout: { guard: "hasAccessModes", actions: "resetAccessModes" } },
      on: {
        "select.submit": { target: "starting", actions: "clearNotices" },
        "user.activity": { target: "select", reenter: true },
      },
    },
    starting: {
      invoke: {
        id: "startSession",
        src: "startSession",
        input: ({ event }) =>
          event.type === "select.submit"
            ? { agencyCode: event.agencyCode, kind: event.kind }
            : { agencyCode: "", kind: "construction" },
        onDone: [
          {
            guard: { type: "isStarted", params: ({ event }) => ({ result: event.output }) },
            target: "active",
            actions: { type: "storeSession", params: ({ event }) => ({ result: event.output }) },
          },
          {
            target: "select",
            actions: {
              type: "storeSessionError",
              params: ({ event }) => ({ message: event.output.ok ? "" : event.output.message }),
            },
          },
        ],
        onError: {
          target: "select",
          actions: { type: "storeSessionError", params: { message: MESSAGES.sessionFailed } },
        },
      },
    },
    active: {
      type: "parallel",
      states: {
        screens: {
          initial: "entry",
          states: {
            entry: { on: { "entry.userRegistration": { target: "top" } } },
            top: { on: { "top.proceed": { target: "menu" } } },
            menu: {
              on: {
                "menu.register": { target: "flow.registration" },
                "menu.change": { target: "flow.change" },
                "menu.renewal": { target: "flow.renewal" },
              },
            },
            // Each flow decides what a removed card means (R31): before its commit it ends with
            // `{ cardRemoved: true }` (→ 終了, flowDone); on its result screen the result stays.
            flow: {
              initial: "registration",
              states: {
                registration: {
                  invoke: {
                    id: "registration",
                    src: "registration",
                    input: flowInput,
                    onDone: [
                      {
                        guard: {
                          type: "isVisitEnded",
                          params: ({ event }: { event: { output: RegistrationOutput } }) => event,
                        },
                        target: "#kiosk.end",
                        actions: { type: "storeEndReason", params: { reason: "searchLimit" } },
                      },
                      {
                        guard: {
                          type: "isCardRemoved",
                          params: ({ event }: { event: { output: RegistrationOutput } }) => event,
                        },
                        target: "#kiosk.end",
                        actions: { type: "storeEndReason", params: { reason: "cardRemoved" } },
                      },
                      { target: "#kiosk.active.screens.menu" },
                    ],
                    // A flow that breaks returns the bidder to the menu instead of stopping the kiosk.
                    onError: { target: "#kiosk.active.screens.menu" },
                  },
                  on: {
                    "card.inserted": { actions: ["markCardPresent", "forwardToRegistration"] },
                    "card.removed": { actions: ["markCardAbsent", "forwardToRegistration"] },
                  },
                },
                change: {
                  invoke: {
                    id: "change",
                    src: "change",
                    input: flowInput,
                    onDone: flowDone,
                    onError: { target: "#kiosk.active.screens.menu" },
                  },
                  on: {
                    "card.inserted": { actions: ["markCardPresent", "forwardToChange"] },
                    "card.removed": { actions: ["markCardAbsent", "forwardToChange"] },
                  },
                },
                renewal: {
                  invoke: {
                    id: "renewal",
                    src: "renewal",
                    input: flowInput,
                    onDone: flowDone,
                    onError: { target: "#kiosk.active.screens.menu" },
                  },
                  on: {
                    "card.inserted": { actions: ["markCardPresent", "forwardToRenewal"] },
                    // in `swap` the old card coming out is a step, not an abort (renewal machine)
                    "card.removed": { actions: ["markCardAbsent", "forwardToRenewal"] },
                  },
                },
              },
            },
          },
        },
        idle: {
          initial: "watching",
          states: {
            watching: {
              after: { idleTimeout: { target: "warning", actions: "startCountdown" } },
              on: { "user.activity": { target: "watching", reenter: true } },
            },
            warning: {
              after: {
                warningTick: [
                  {
                    guard: "isLastSecond",
                    target: "#kiosk.end",
                    actions: { type: "storeEnd", params: { reason: "timeout" } },
                  },
                  { target: "warning", reenter: true, actions: "countDown" },
                ],
              },
              on: { "user.activity": { target: "watching", actions: "stopCountdown" } },
            },
          },
        },
        dialog: {
          initial: "closed",
          states: {
            closed: { on: { "session.logout": { target: "confirming" } } },
            confirming: {
              on: {
                "logout.confirm": {
                  target: "#kiosk.end",
                  actions: { type: "storeEnd", params: { reason: "logout" } },
                },
                "logout.cancel": { target: "closed" },
              },
            },
          },
        },
      },
    },
    end: endState,
    unavailable: unavailableState,
  },
});

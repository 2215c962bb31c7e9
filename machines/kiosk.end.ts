// The kiosk's states outside a visit's screens: `end`, which every visit goes through (ICカードを
// お取りください while a card is in, R32, then 終了画面), and `unavailable`, while the server cannot
// reach its database. Kept apart from kiosk.machine.ts (as kiosk.flows.ts) so the statechart file
// stays readable; the machine's setup() holds the actions, guards, delays and actors named here.
import { not } from "xstate";
import { MESSAGES } from "./messages";
import type { KioskContext, KioskEvent } from "./kiosk.types";

/** How often the unavailable screen asks whether the server can reach its database again. */
export const HEALTH_RETRY_MS = 5000;

/** How long a card may stay in the reader on ICカードをお取りください before staff are told (R32). */
export const CARD_LEFT_NOTICE_SECONDS = 60;

const noCardIn = not<KioskContext, KioskEvent, "isCardPresent">("isCardPresent");

// Every visit ends here (logout, card removed, timeout). A card still in the reader keeps
// ICカードをお取りください up until it is taken (R32), so no one walks away without it and the
// next visit does not start with it; then 終了画面, then screen 1.
export const endState = {
  entry: "clearBidderData",
  // the bidder still reads 終了画面 in their own text size; the modes go when it does
  exit: "resetAccessModes",
  // The bidder has already left: a server that cannot end the session (its row expires by
  // TTL) must not keep 終了画面 from returning to screen 1, so the failure is only consumed.
  invoke: { id: "endSession", src: "endSession", onError: {} },
  initial: "takeCard",
  states: {
    // left at once when the reader is empty (also when the card was what ended the visit)
    takeCard: {
      always: { guard: noCardIn, target: "farewell" },
      initial: "waiting",
      states: {
        waiting: { after: { cardLeftNotice: { target: "reporting" } } },
        // Staff are told once; a failed report is not the bidder's problem and is dropped.
        reporting: {
          invoke: {
            id: "reportCardLeft",
            src: "reportCardLeft",
            input: { seconds: CARD_LEFT_NOTICE_SECONDS },
            onDone: { target: "reported" },
            onError: { target: "reported" },
          },
        },
        reported: {},
      },
    },
    farewell: { after: { endDelay: { target: "#kiosk.select" } } },
  },
} as const;

// The server cannot reach its database. No endSession here (it would fail too): the visit's
// row expires by TTL, or the next startSession ends it. Back on select the bidder starts over.
export const unavailableState = {
  entry: ["clearBidderData", { type: "storeEndReason", params: { reason: null } }],
  exit: "resetAccessModes",
  initial: "waiting",
  states: {
    waiting: { after: { healthRetry: { target: "checking" } } },
    checking: {
      invoke: {
        id: "checkHealth",
        src: "checkHealth",
        onDone: [
          {
            guard: {
              type: "isHealthy",
              params: ({ event }: { event: { output: boolean } }) => ({ healthy: event.output }),
            },
            target: "#kiosk.select",
            actions: { type: "storeSessionError", params: { message: MESSAGES.resumed } },
          },
          { target: "waiting" },
        ],
        onError: { target: "waiting" },
      },
    },
  },
} as const;

// ICカード更新 (§3.3): notice → oldCard (pin) → swap → newCard (pin) → loading → confirm →
// submitting → done → print. This is the one flow where taking the card out is a step, not an
// abort: in `swap` the old card leaves and the new one comes in. Anywhere else a removed card
// ends the flow (R31) — the machine answers `{ cardRemoved: true }` and the kiosk ends the session.
import { sendTo, setup } from "xstate";
import {
  answered,
  canRegisterInstead,
  isOk,
  CARD_REMOVAL_ENDS_FLOW,
  CARD_REMOVED_FINAL,
  PIN_CARD_EVENTS,
  pinGuards,
  pinInvoke,
  receiptStates,
  REFUSED_WITH_REGISTER_OFFER,
} from "./flow-fragments";
import { MESSAGES } from "./messages";
import { pinMachine } from "./pin.machine";
import { placeholder } from "./placeholder";
import { renewalActions } from "./renewal.actions";
import type { FlowInput } from "./change.types";
import type {
  LoadRenewalResult,
  RenewalContext,
  RenewalEvent,
  RenewalInput,
  RenewalOutput,
  SubmitRenewalResult,
} from "./renewal.types";

/**
 * Refusals whose way forward is 登録 with the card in hand (manual §5: not registered, R2; the new
 * card from another CA, R13). An expired old card is not one: 登録 would refuse it again, so the
 * way to 登録 goes through `swapForRegister` (take it out, insert the new card).
 */
const REGISTER_INSTEAD: ReadonlySet<string> = new Set(["notRegistered", "issuerDiffers"]);
const REGISTER_WITH_NEW_CARD: ReadonlySet<string> = new Set(["oldCardExpired"]);

export const renewalMachine = setup({
  types: {} as {
    context: RenewalContext;
    events: RenewalEvent;
    input: FlowInput;
    output: RenewalOutput;
    children: {
      pin: "pin";
      loadRenewal: "loadRenewal";
      submitRenewal: "submitRenewal";
      printReceipt: "printReceipt";
    };
  },
  actors: {
    pin: pinMachine,
    loadRenewal: placeholder<LoadRenewalResult, void>("loadRenewal"),
    submitRenewal: placeholder<SubmitRenewalResult, RenewalInput>("submitRenewal"),
    printReceipt: placeholder<void, { receiptNumber: string }>("printReceipt"),
  },
  guards: {
    ...pinGuards,
    isOk,
    canRegisterInstead: canRegisterInstead(REGISTER_INSTEAD),
    canRegisterWithNewCard: canRegisterInstead(REGISTER_WITH_NEW_CARD),
  },
  actions: {
    ...renewalActions,
    forwardToPin: sendTo("pin", ({ event }) => event),
  },
}).createMachine({
  id: "renewal",
  context: ({ input }) => ({
    agency: input.agency,
    kind: input.kind,
    cardPresent: input.cardPresent,
    oldCard: null,
    newCard: null,
    warnings: [],
    view: null,
    propagate: false,
    failure: null,
    receiptNumber: null,
    emailTo: null,
    propagatesTo: [],
    printError: null,
  }),
  initial: "notice",
  output: ({ event }) => event.output as RenewalOutput,
  on: {
    "card.inserted": { actions: "markCardPresent" },
    ...CARD_REMOVAL_ENDS_FLOW,
  },
  states: {
    notice: {
      on: {
        "notice.ok": { target: "oldCard" },
        "notice.back": { target: "cancelled" },
      },
    },
    oldCard: {
      entry: "clearFailure",
      // While a PIN step runs, a removed card still ends the flow (the root's card.removed).
      invoke: pinInvoke("renewalOld", { target: "swap", store: "storeOldCard" }),
      on: PIN_CARD_EVENTS,
    },
    swap: {
      // 「現在使用しているICカードを取り出し、新しいICカードを差し込んでください」: the old card
      // leaving is expected here; the next card in is the new one.
      on: {
        "card.removed": { actions: "markCardAbsent" },
        "card.inserted": { target: "newCard", actions: "markCardPresent" },
        "swap.cancel": { target: "cancelled" },
      },
    },
    newCard: {
      invoke: pinInvoke("renewalNew", { target: "loading", store: "storeNewCard" }),
      on: PIN_CARD_EVENTS,
    },
    loading: {
      invoke: {
        id: "loadRenewal",
        src: "loadRenewal",
        ...answered({ target: "confirm", store: "storeView" }, "storeAnswerFailure", MESSAGES.loadFailed),
      },
    },
    confirm: {
      on: {
        "propagate.toggle": { actions: "togglePropagate" },
        "confirm.submit": { target: "submitting" },
        // The manual: 戻る leaves the renewal, which is then done again from the start.
        "confirm.back": { target: "cancelled" },
      },
    },
    submitting: {
      // No confirm.submit here: a second tap while the renewal commits is ignored.
      invoke: {
        id: "submitRenewal",
        src: "submitRenewal",
        input: ({ context }) => ({ propagate: context.propagate }),
        ...answered(
          { target: "done", store: "storeSubmitted" },
          "storeAnswerFailure",
          MESSAGES.renewalFailed,
        ),
      },
    },
    refused: {
      on: {
        ...REFUSED_WITH_REGISTER_OFFER.on,
        "refusal.register": [
          { guard: "canRegisterInstead", target: "registerInstead" },
          { guard: "canRegisterWithNewCard", target: "swapForRegister" },
        ],
      },
    },
    swapForRegister: {
      // The expired old card (R13) comes out and the new card goes in; 登録 then starts with the
      // card that can succeed. Taking the card out is the expected step here, not an abort.
      on: {
        "card.removed": { actions: "markCardAbsent" },
        "card.inserted": { target: "registerInstead", actions: "markCardPresent" },
        "swap.cancel": { target: "cancelled" },
      },
    },
    ...receiptStates(),
    cancelled: { type: "final", output: { cancelled: true } },
    registerInstead: { type: "final", output: { switchTo: "register" } },
    cardRemoved: CARD_REMOVED_FINAL,
  },
});

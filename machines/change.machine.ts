// 変更 (§3.2): pin → loading → form → confirm → submitting → done → print. A card that is not
// registered (or was replaced, R12) for this kind is refused at the PIN step with a way to 登録
// (R2); the R22 choice is the machine's, so it reaches submitChange whatever the form sends.
import { sendTo, setup } from "xstate";
import {
  answered,
  answeredOrInvalid,
  canRegisterInstead,
  emptyContact,
  isInvalid,
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
import { NO_POSTAL_ANSWERS, POSTAL_LOOKUP, postalLookupActions, postalLookupGuards } from "./postal-lookup";
import type { PostalLookupInput, PostalLookupResult } from "./postal-lookup";
import { changeActions } from "./change.actions";
import type {
  ChangeContext,
  ChangeEvent,
  ChangeInput,
  FlowInput,
  FlowOutput,
  LoadChangeResult,
  SubmitChangeResult,
} from "./change.types";

/** Refusals whose way forward is 登録 with the card in hand (R2: this card is not registered here). */
const REGISTER_INSTEAD: ReadonlySet<string> = new Set(["notRegistered"]);

export const changeMachine = setup({
  types: {} as {
    context: ChangeContext;
    events: ChangeEvent;
    input: FlowInput;
    output: FlowOutput;
    children: {
      pin: "pin";
      loadChange: "loadChange";
      submitChange: "submitChange";
      printReceipt: "printReceipt";
      "lookupPostalCode.representative": "lookupPostalCode";
      "lookupPostalCode.department": "lookupPostalCode";
    };
  },
  actors: {
    pin: pinMachine,
    loadChange: placeholder<LoadChangeResult, void>("loadChange"),
    submitChange: placeholder<SubmitChangeResult, ChangeInput>("submitChange"),
    printReceipt: placeholder<void, { receiptNumber: string }>("printReceipt"),
    lookupPostalCode: placeholder<PostalLookupResult, PostalLookupInput>("lookupPostalCode"),
  },
  guards: {
    ...pinGuards,
    ...postalLookupGuards,
    isOk,
    isInvalid,
    canRegisterInstead: canRegisterInstead(REGISTER_INSTEAD),
  },
  actions: {
    ...changeActions,
    ...postalLookupActions<ChangeContext, ChangeEvent>(),
    forwardToPin: sendTo("pin", ({ event }) => event),
  },
}).createMachine({
  id: "change",
  context: ({ input }) => ({
    agency: input.agency,
    kind: input.kind,
    cardPresent: input.cardPresent,
    card: null,
    warnings: [],
    view: null,
    form: null,
    postal: NO_POSTAL_ANSWERS,
    propagate: false,
    fieldErrors: null,
    failure: null,
    receiptNumber: null,
    emailTo: null,
    propagatesTo: [],
    printError: null,
  }),
  initial: "pin",
  output: ({ event }) => event.output as FlowOutput,
  on: {
    "card.inserted": { actions: "markCardPresent" },
    ...CARD_REMOVAL_ENDS_FLOW,
  },
  states: {
    pin: {
      entry: "clearFailure",
      invoke: pinInvoke("change", { target: "loading", store: "storeCard" }),
      on: PIN_CARD_EVENTS,
    },
    loading: {
      invoke: {
        id: "loadChange",
        src: "loadChange",
        ...answered({ target: "form", store: "storeView" }, "storeLoadFailure", MESSAGES.loadFailed),
      },
    },
    refused: REFUSED_WITH_REGISTER_OFFER,
    form: {
      exit: POSTAL_LOOKUP.exit,
      on: {
        ...POSTAL_LOOKUP.on,
        "form.submit": {
          target: "confirm",
          actions: { type: "storeForm", params: ({ event }) => ({ values: event.values }) },
        },
        "form.back": { target: "cancelled" },
      },
    },
    confirm: {
      on: {
        "propagate.toggle": { actions: "togglePropagate" },
        "confirm.submit": { target: "submitting" },
        "confirm.back": { target: "form" },
      },
    },
    submitting: {
      // No confirm.submit here: a second tap while the change commits is ignored.
      invoke: {
        id: "submitChange",
        src: "submitChange",
        input: ({ context }) => ({
          representative: context.form?.representative ?? emptyContact(),
          department: context.form?.department ?? emptyContact(),
          propagate: context.propagate,
        }),
        ...answeredOrInvalid(
          { target: "done", store: "storeSubmitted" },
          "storeSubmitFailure",
          MESSAGES.changeFailed,
        ),
      },
    },
    ...receiptStates(),
    cancelled: { type: "final", output: { cancelled: true } },
    registerInstead: { type: "final", output: { switchTo: "register" } },
    cardRemoved: CARD_REMOVED_FINAL,
  },
});

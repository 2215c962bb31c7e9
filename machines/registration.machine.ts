// 利用者登録 (§3.1): pin → search → form → (holderWarning) → confirm → done → print. The R17
// mismatch is shown on the form from its arrival, where the bidder may acknowledge it at once; a
// form sent without that acknowledgement still stops at the holderWarning dialog. The flow
// only ever ends by being cancelled, or by the visit's 5th failed search (R11); a finished registration stays on its result screen until
// the bidder logs out or the kiosk ends the session.
import { sendTo, setup } from "xstate";
import type { RegisterInput, RegisterResult, SearchResult } from "../app/_shared/contracts";
import { conceal } from "./concealed";
import {
  answeredOrInvalid,
  emptyContact,
  isInvalid,
  isOk,
  CARD_REMOVAL_ENDS_FLOW,
  CARD_REMOVED_FINAL,
  PIN_CARD_EVENTS,
  pinGuards,
  pinInvoke,
  receiptStates,
} from "./flow-fragments";
import { MESSAGES } from "./messages";
import { pinMachine } from "./pin.machine";
import { placeholder } from "./placeholder";
import { NO_POSTAL_ANSWERS, POSTAL_LOOKUP, postalLookupActions, postalLookupGuards } from "./postal-lookup";
import type { PostalLookupInput, PostalLookupResult } from "./postal-lookup";
import { registrationActions } from "./registration.actions";
import type {
  RegistrationContext,
  RegistrationEvent,
  RegistrationInput,
  RegistrationOutput,
  SearchActorInput,
} from "./registration.types";

export const registrationMachine = setup({
  types: {} as {
    context: RegistrationContext;
    events: RegistrationEvent;
    input: RegistrationInput;
    output: RegistrationOutput;
    children: {
      pin: "pin";
      searchQualification: "searchQualification";
      register: "register";
      printReceipt: "printReceipt";
      "lookupPostalCode.representative": "lookupPostalCode";
      "lookupPostalCode.department": "lookupPostalCode";
    };
  },
  actors: {
    pin: pinMachine,
    searchQualification: placeholder<SearchResult, SearchActorInput>("searchQualification"),
    register: placeholder<RegisterResult, RegisterInput>("register"),
    printReceipt: placeholder<void, { receiptNumber: string }>("printReceipt"),
    lookupPostalCode: placeholder<PostalLookupResult, PostalLookupInput>("lookupPostalCode"),
  },
  guards: {
    ...pinGuards,
    ...postalLookupGuards,
    isOk,
    isInvalid,
    isVisitEnded: (_, params: { result: SearchResult }) =>
      !params.result.ok && params.result.code === "visitEnded",
    hasHolderMismatch: ({ context }) => context.search !== null && !context.search.holderCheck.matches,
    needsHolderAcknowledgement: ({ context }) =>
      context.search !== null && !context.search.holderCheck.matches && !context.holderMismatchAcknowledged,
  },
  actions: {
    ...registrationActions,
    ...postalLookupActions<RegistrationContext, RegistrationEvent>(),
    forwardToPin: sendTo("pin", ({ event }) => event),
  },
}).createMachine({
  id: "registration",
  context: ({ input }) => ({
    agency: input.agency,
    kind: input.kind,
    cardPresent: input.cardPresent,
    card: null,
    warnings: [],
    search: null,
    searchFailure: null,
    form: null,
    postal: NO_POSTAL_ANSWERS,
    holderMismatchAcknowledged: false,
    fieldErrors: null,
    failure: null,
    receiptNumber: null,
    emailTo: null,
    printError: null,
  }),
  initial: "pin",
  // the flow ends at a final state: visitEnded (R11) sends the kiosk to its end screen, cardRemoved
  // (before the commit, R31) too, cancelled back to the menu
  output: ({ event }) => event.output as RegistrationOutput,
  on: {
    "card.inserted": { actions: "markCardPresent" },
    ...CARD_REMOVAL_ENDS_FLOW,
  },
  states: {
    pin: {
      entry: "clearFailure",
      invoke: pinInvoke("register", { target: "search", store: "storeCard" }),
      on: PIN_CARD_EVENTS,
    },
    refused: {
      on: { "refusal.back": { target: "cancelled" } },
    },
    search: {
      initial: "editing",
      states: {
        editing: {
          on: {
            "search.submit": { target: "searching", actions: "clearSearchFailure" },
            "search.back": { target: "#registration.cancelled" },
          },
        },
        searching: {
          invoke: {
            id: "searchQualification",
            src: "searchQualification",
            input: ({ event }) =>
              event.type === "search.submit"
                ? {
                    officialName: event.officialName,
                    userId: event.userId,
                    password: conceal(event.password),
                  }
                : { officialName: "", userId: "", password: conceal("") },
            onDone: [
              {
                guard: { type: "isOk", params: ({ event }) => ({ result: event.output }) },
                target: "#registration.form",
                actions: { type: "storeSearch", params: ({ event }) => ({ result: event.output }) },
              },
              {
                // R11: the server ended the visit after its 5th failed search
                guard: { type: "isVisitEnded", params: ({ event }) => ({ result: event.output }) },
                target: "#registration.searchLimit",
                actions: { type: "storeSearchFailure", params: ({ event }) => ({ result: event.output }) },
              },
              {
                target: "editing",
                actions: { type: "storeSearchFailure", params: ({ event }) => ({ result: event.output }) },
              },
            ],
            onError: { target: "editing", actions: "storeThrownSearchFailure" },
          },
        },
      },
    },
    form: {
      exit: POSTAL_LOOKUP.exit,
      on: {
        ...POSTAL_LOOKUP.on,
        // R17: the form's own acknowledgement box; only a real mismatch can be acknowledged
        "holder.check": {
          guard: "hasHolderMismatch",
          actions: {
            type: "setHolderAcknowledgement",
            params: ({ event }) => ({ acknowledged: event.acknowledged }),
          },
        },
        "form.submit": [
          {
            guard: "needsHolderAcknowledgement",
            target: "holderWarning",
            actions: { type: "storeForm", params: ({ event }) => ({ values: event.values }) },
          },
          {
            target: "confirm",
            actions: { type: "storeForm", params: ({ event }) => ({ values: event.values }) },
          },
        ],
        "form.back": { target: "search" },
      },
    },
    holderWarning: {
      on: {
        "holder.acknowledge": { target: "confirm", actions: "acknowledgeHolderMismatch" },
        "holder.back": { target: "form" },
      },
    },
    confirm: {
      on: {
        "confirm.submit": { target: "registering" },
        "confirm.back": { target: "form" },
      },
    },
    registering: {
      invoke: {
        id: "register",
        src: "register",
        input: ({ context }) => ({
          representative: context.form?.representative ?? null,
          department: context.form?.department ?? emptyContact(),
          // The machine, not the form, is the authority on whether the R17 warning was seen.
          holderMismatchAcknowledged: context.holderMismatchAcknowledged,
        }),
        ...answeredOrInvalid(
          { target: "done", store: "storeRegistered" },
          "storeRegisterFailure",
          MESSAGES.registerFailed,
        ),
      },
    },
    ...receiptStates(),
    // the checklist stays until the bidder reads it and ends (or the idle timer does)
    searchLimit: {
      on: { "searchLimit.end": { target: "visitEnded" } },
    },
    visitEnded: { type: "final", output: { visitEnded: true } },
    cancelled: { type: "final", output: { cancelled: true } },
    cardRemoved: CARD_REMOVED_FINAL,
  },
});

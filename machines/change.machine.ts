// 変更 (§3.2): pin → loading → form → confirm → submitting → done → print. A card that is not
// registered (or was replaced, R12) for this kind is refused at the PIN step with a way to 登録
// (R2); the R22 choice is the machine's, so it reaches submitChange whatever the form sends.
import { sendTo, setup } from "xstate";
import { MESSAGES } from "./messages";
import { pinMachine } from "./pin.machine";
import type { PinOutput } from "./pin.types";
import { placeholder } from "./placeholder";
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

type Answered = { result: { ok: boolean; code?: string } };

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
    };
  },
  actors: {
    pin: pinMachine,
    loadChange: placeholder<LoadChangeResult, void>("loadChange"),
    submitChange: placeholder<SubmitChangeResult, ChangeInput>("submitChange"),
    printReceipt: placeholder<void, { receiptNumber: string }>("printReceipt"),
  },
  guards: {
    isVerified: (_, params: { output: PinOutput }) => params.output.ok,
    isCancelled: (_, params: { output: PinOutput }) => !params.output.ok && "cancelled" in params.output,
    isOk: (_, params: Answered) => params.result.ok,
    isInvalid: (_, params: Answered) => !params.result.ok && params.result.code === "invalid",
    canRegisterInstead: ({ context }) =>
      context.failure !== null && REGISTER_INSTEAD.has(context.failure.code),
  },
  actions: {
    ...changeActions,
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
    "card.removed": { actions: "markCardAbsent" },
  },
  states: {
    pin: {
      entry: "clearFailure",
      invoke: {
        id: "pin",
        src: "pin",
        input: ({ context }) => ({ purpose: "change", cardPresent: context.cardPresent }),
        onDone: [
          {
            guard: { type: "isVerified", params: ({ event }) => ({ output: event.output }) },
            target: "loading",
            actions: { type: "storeCard", params: ({ event }) => ({ output: event.output }) },
          },
          {
            guard: { type: "isCancelled", params: ({ event }) => ({ output: event.output }) },
            target: "cancelled",
          },
          {
            target: "refused",
            actions: { type: "storePinFailure", params: ({ event }) => ({ output: event.output }) },
          },
        ],
        onError: {
          target: "refused",
          actions: { type: "storeThrownFailure", params: { message: MESSAGES.cardFailed } },
        },
      },
      on: {
        "card.inserted": { actions: ["markCardPresent", "forwardToPin"] },
        "card.removed": { actions: ["markCardAbsent", "forwardToPin"] },
        "pin.submit": { actions: "forwardToPin" },
        "pin.cancel": { actions: "forwardToPin" },
      },
    },
    loading: {
      invoke: {
        id: "loadChange",
        src: "loadChange",
        onDone: [
          {
            guard: { type: "isOk", params: ({ event }) => ({ result: event.output }) },
            target: "form",
            actions: { type: "storeView", params: ({ event }) => ({ result: event.output }) },
          },
          {
            target: "refused",
            actions: { type: "storeLoadFailure", params: ({ event }) => ({ result: event.output }) },
          },
        ],
        onError: {
          target: "refused",
          actions: { type: "storeThrownFailure", params: { message: MESSAGES.loadFailed } },
        },
      },
    },
    refused: {
      on: {
        "refusal.back": { target: "cancelled" },
        "refusal.register": { guard: "canRegisterInstead", target: "registerInstead" },
      },
    },
    form: {
      on: {
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
        onDone: [
          {
            guard: { type: "isOk", params: ({ event }) => ({ result: event.output }) },
            target: "done",
            actions: { type: "storeSubmitted", params: ({ event }) => ({ result: event.output }) },
          },
          {
            guard: { type: "isInvalid", params: ({ event }) => ({ result: event.output }) },
            target: "form",
            actions: { type: "storeFieldErrors", params: ({ event }) => ({ result: event.output }) },
          },
          {
            target: "refused",
            actions: { type: "storeSubmitFailure", params: ({ event }) => ({ result: event.output }) },
          },
        ],
        onError: {
          target: "refused",
          actions: { type: "storeThrownFailure", params: { message: MESSAGES.changeFailed } },
        },
      },
    },
    done: {
      on: { "receipt.print": { target: "print" } },
    },
    print: {
      initial: "printing",
      states: {
        printing: {
          entry: "clearPrintError",
          invoke: {
            id: "printReceipt",
            src: "printReceipt",
            input: ({ context }) => ({ receiptNumber: context.receiptNumber ?? "" }),
            onDone: { target: "printed" },
            onError: { target: "failed", actions: "storePrintError" },
          },
        },
        printed: { on: { "receipt.print": { target: "printing" } } },
        failed: { on: { "receipt.print": { target: "printing" } } },
      },
    },
    cancelled: { type: "final", output: { cancelled: true } },
    registerInstead: { type: "final", output: { switchTo: "register" } },
  },
});

/** Only reachable if confirm were entered without a form, which the statechart rules out. */
function emptyContact(): ChangeInput["department"] {
  return {
    contactName: "",
    postalCode: "",
    address: "",
    personName: "",
    phone: "",
    fax: "",
    email: "",
    emailConfirm: "",
  };
}

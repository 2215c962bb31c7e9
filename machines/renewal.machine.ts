// ICカード更新 (§3.3): notice → oldCard (pin) → swap → newCard (pin) → loading → confirm →
// submitting → done → print. This is the one flow where taking the card out is a step, not an
// abort: in `swap` the old card leaves and the new one comes in. Anywhere else a removed card
// ends the flow (R31) — the machine answers `{ cardRemoved: true }` and the kiosk ends the session.
import { sendTo, setup } from "xstate";
import { MESSAGES } from "./messages";
import { pinMachine } from "./pin.machine";
import type { PinOutput, PinPurpose } from "./pin.types";
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

/** Refusals whose way forward is 登録 with the card in hand (manual §5: expired, another CA; R2). */
const REGISTER_INSTEAD: ReadonlySet<string> = new Set(["notRegistered", "oldCardExpired", "issuerDiffers"]);

const pinInput =
  (purpose: PinPurpose) =>
  ({ context }: { context: RenewalContext }) => ({
    purpose,
    cardPresent: context.cardPresent,
  });

/** While a PIN step runs, the card and keypad events are the pin child's. */
const toPin = {
  "card.inserted": { actions: ["markCardPresent", "forwardToPin"] },
  "pin.submit": { actions: "forwardToPin" },
  "pin.cancel": { actions: "forwardToPin" },
} as const;

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
    isVerified: (_, params: { output: PinOutput }) => params.output.ok,
    isCancelled: (_, params: { output: PinOutput }) => !params.output.ok && "cancelled" in params.output,
    isOk: (_, params: { result: { ok: boolean } }) => params.result.ok,
    canRegisterInstead: ({ context }) =>
      context.failure !== null && REGISTER_INSTEAD.has(context.failure.code),
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
    "card.removed": { target: ".cardRemoved", actions: "markCardAbsent" },
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
      invoke: {
        id: "pin",
        src: "pin",
        input: pinInput("renewalOld"),
        onDone: [
          {
            guard: { type: "isVerified", params: ({ event }) => ({ output: event.output }) },
            target: "swap",
            actions: { type: "storeOldCard", params: ({ event }) => ({ output: event.output }) },
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
      on: toPin,
    },
    swap: {
      // 「現在使用しているICカードを取り出し、新しいICカードを差し込んでください」: the old card
      // leaving is expected here; the next card in is the new one.
      on: {
        "card.removed": { actions: "markCardAbsent" },
        "card.inserted": { target: "newCard", actions: "markCardPresent" },
      },
    },
    newCard: {
      invoke: {
        id: "pin",
        src: "pin",
        input: pinInput("renewalNew"),
        onDone: [
          {
            guard: { type: "isVerified", params: ({ event }) => ({ output: event.output }) },
            target: "loading",
            actions: { type: "storeNewCard", params: ({ event }) => ({ output: event.output }) },
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
      on: toPin,
    },
    loading: {
      invoke: {
        id: "loadRenewal",
        src: "loadRenewal",
        onDone: [
          {
            guard: { type: "isOk", params: ({ event }) => ({ result: event.output }) },
            target: "confirm",
            actions: { type: "storeView", params: ({ event }) => ({ result: event.output }) },
          },
          {
            target: "refused",
            actions: { type: "storeAnswerFailure", params: ({ event }) => ({ result: event.output }) },
          },
        ],
        onError: {
          target: "refused",
          actions: { type: "storeThrownFailure", params: { message: MESSAGES.loadFailed } },
        },
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
        onDone: [
          {
            guard: { type: "isOk", params: ({ event }) => ({ result: event.output }) },
            target: "done",
            actions: { type: "storeSubmitted", params: ({ event }) => ({ result: event.output }) },
          },
          {
            target: "refused",
            actions: { type: "storeAnswerFailure", params: ({ event }) => ({ result: event.output }) },
          },
        ],
        onError: {
          target: "refused",
          actions: { type: "storeThrownFailure", params: { message: MESSAGES.renewalFailed } },
        },
      },
    },
    refused: {
      on: {
        "refusal.back": { target: "cancelled" },
        "refusal.register": { guard: "canRegisterInstead", target: "registerInstead" },
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
    cardRemoved: { type: "final", output: { cardRemoved: true } },
  },
});

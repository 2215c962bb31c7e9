// PIN entry, reused by every flow (registration now; change and renewal, twice, later). The PIN
// travels only inside the `pin.submit` event and the concealed `proveCard` input; the context
// never holds it (R30).
import { assign, setup } from "xstate";
import type { CardView, ProveCardFailure, ProveCardResult } from "../app/_shared/contracts";
import type { Concealed } from "./concealed";
import { conceal } from "./concealed";
import { MESSAGES } from "./messages";
import { placeholder } from "./placeholder";

/** Why the card is being proven: the server checks the rule that goes with it (R1, R2, R13). */
export type PinPurpose = "register" | "change" | "renewalOld" | "renewalNew";

export type PinInput = { purpose: PinPurpose; cardPresent: boolean };

export type ProveCardInput = { pin: Concealed; purpose: PinPurpose };

export type PinOutput =
  | { ok: true; card: CardView; warnings: string[] }
  | { ok: false; failure: ProveCardFailure }
  | { ok: false; cancelled: true };

export type PinEvent =
  | { type: "card.inserted" }
  | { type: "card.removed" }
  | { type: "pin.submit"; pin: string }
  | { type: "pin.cancel" };

export type PinContext = {
  purpose: PinPurpose;
  cardPresent: boolean;
  /** the last retryable failure, shown at the keypad until the next try */
  error: ProveCardFailure | null;
  card: CardView | null;
  warnings: string[];
  failure: ProveCardFailure | null;
};

/** Failures the bidder can fix at the keypad: wrong PIN, card not (properly) inserted. */
const RETRYABLE: ReadonlySet<ProveCardFailure["code"]> = new Set([
  "pinIncorrect",
  "noCard",
  "cardError",
  "pinLength",
]);

function thrownCardFailure(): ProveCardFailure {
  return { ok: false, code: "cardError", message: MESSAGES.cardFailed };
}

export const pinMachine = setup({
  types: {} as {
    context: PinContext;
    events: PinEvent;
    input: PinInput;
    output: PinOutput;
    children: { proveCard: "proveCard" };
  },
  actors: {
    proveCard: placeholder<ProveCardResult, ProveCardInput>("proveCard"),
  },
  guards: {
    isCardPresent: ({ context }) => context.cardPresent,
    isProved: (_, params: { result: ProveCardResult }) => params.result.ok,
    isRetryable: (_, params: { result: ProveCardResult }) =>
      !params.result.ok && RETRYABLE.has(params.result.code),
  },
  actions: {
    markCardPresent: assign({ cardPresent: true }),
    markCardAbsent: assign({ cardPresent: false }),
    clearError: assign({ error: null }),
    storeProof: assign((_, params: { result: ProveCardResult }) =>
      params.result.ok ? { card: params.result.card, warnings: params.result.warnings } : {},
    ),
    storeError: assign((_, params: { result: ProveCardResult }) => ({
      error: params.result.ok ? null : params.result,
    })),
    storeFailure: assign((_, params: { result: ProveCardResult }) => ({
      failure: params.result.ok ? null : params.result,
    })),
    storeThrownError: assign({ error: () => thrownCardFailure() }),
  },
}).createMachine({
  id: "pin",
  context: ({ input }) => ({
    purpose: input.purpose,
    cardPresent: input.cardPresent,
    error: null,
    card: null,
    warnings: [],
    failure: null,
  }),
  initial: "waitingForCard",
  output: ({ event }) => event.output as PinOutput,
  states: {
    waitingForCard: {
      // A card already in the reader skips the prompt; leaving `entering` on removal marks the
      // card absent first, so this only fires for a card that is really there.
      always: { guard: "isCardPresent", target: "entering" },
      on: {
        "card.inserted": { target: "entering", actions: "markCardPresent" },
        "pin.cancel": { target: "cancelled" },
      },
    },
    entering: {
      exit: "clearError",
      on: {
        "pin.submit": { target: "verifying" },
        "pin.cancel": { target: "cancelled" },
        "card.removed": { target: "waitingForCard", actions: "markCardAbsent" },
      },
    },
    verifying: {
      invoke: {
        id: "proveCard",
        src: "proveCard",
        input: ({ context, event }) => ({
          // Only a pin.submit enters this state; the fallback keeps the type honest.
          pin: conceal(event.type === "pin.submit" ? event.pin : ""),
          purpose: context.purpose,
        }),
        onDone: [
          {
            guard: { type: "isProved", params: ({ event }) => ({ result: event.output }) },
            target: "verified",
            actions: { type: "storeProof", params: ({ event }) => ({ result: event.output }) },
          },
          {
            guard: { type: "isRetryable", params: ({ event }) => ({ result: event.output }) },
            target: "entering",
            actions: { type: "storeError", params: ({ event }) => ({ result: event.output }) },
          },
          {
            target: "refused",
            actions: { type: "storeFailure", params: ({ event }) => ({ result: event.output }) },
          },
        ],
        onError: { target: "entering", actions: "storeThrownError" },
      },
      on: {
        "card.removed": { target: "waitingForCard", actions: "markCardAbsent" },
      },
    },
    verified: {
      type: "final",
      output: ({ context }) => ({ ok: true, card: context.card, warnings: context.warnings }),
    },
    refused: {
      type: "final",
      output: ({ context }) => ({ ok: false, failure: context.failure }),
    },
    cancelled: {
      type: "final",
      output: { ok: false, cancelled: true },
    },
  },
});

// PIN entry, reused by every flow (registration now; change and renewal, twice, later). The card
// is inspected on insertion before any PIN (issue 3: a refused card never costs a try), and the
// kiosk stops after two wrong PINs on one insertion so a card's last tries are never spent. The
// PIN travels only inside the `pin.submit` event and the concealed `proveCard` input; the context
// never holds it (R30).
import { assign, setup } from "xstate";
import type { InspectCardResult, PinStepFailure, PinStepResult } from "../app/_shared/contracts";
import { conceal } from "./concealed";
import { MESSAGES } from "./messages";
import { PIN_TRIES_PER_INSERTION } from "./pin.cap";
import { placeholder } from "./placeholder";
import type {
  InspectCardInput,
  PinContext,
  PinEvent,
  PinInput,
  PinOutput,
  ProveCardInput,
} from "./pin.types";

export type {
  CardEvent,
  InspectCardInput,
  PinContext,
  PinEvent,
  PinInput,
  PinOutput,
  PinPurpose,
  ProveCardInput,
} from "./pin.types";

export { PIN_TRIES_PER_INSERTION } from "./pin.cap";

/** Failures the bidder can fix at the keypad: wrong PIN, card not (properly) inserted. */
const RETRYABLE: ReadonlySet<string> = new Set(["pinIncorrect", "noCard", "cardError", "pinLength"]);
/** Pre-flight answers that are guidance about the reader, not about the card: the PIN step goes on. */
const INSPECT_PASSABLE: ReadonlySet<string> = new Set(["noCard", "cardError", "unexpected"]);

function thrownCardFailure(): PinStepFailure {
  return { ok: false, code: "cardError", message: MESSAGES.cardFailed };
}

function capFailure(): PinStepFailure {
  return { ok: false, code: "pinCapped", message: MESSAGES.pinCapped };
}

type Proved = { result: PinStepResult };
type Inspected = { result: InspectCardResult };

export const pinMachine = setup({
  types: {} as {
    context: PinContext;
    events: PinEvent;
    input: PinInput;
    output: PinOutput;
    children: { proveCard: "proveCard"; inspectCard: "inspectCard" };
  },
  actors: {
    inspectCard: placeholder<InspectCardResult, InspectCardInput>("inspectCard"),
    proveCard: placeholder<PinStepResult, ProveCardInput>("proveCard"),
  },
  guards: {
    isCardPresent: ({ context }) => context.cardPresent,
    isUsable: (_, params: Inspected) => params.result.ok,
    isInspectCapped: (_, params: Inspected) => !params.result.ok && params.result.code === "pinCapped",
    isInspectPassable: (_, params: Inspected) =>
      !params.result.ok && INSPECT_PASSABLE.has(params.result.code),
    isProved: (_, params: Proved) => params.result.ok,
    // The server's cap, or this insertion's second wrong PIN: stop before the card's last tries.
    isCapped: ({ context }, params: Proved) =>
      !params.result.ok &&
      (params.result.code === "pinCapped" ||
        (params.result.code === "pinIncorrect" && context.wrongPins + 1 >= PIN_TRIES_PER_INSERTION)),
    isRetryable: (_, params: Proved) => !params.result.ok && RETRYABLE.has(params.result.code),
  },
  actions: {
    markCardPresent: assign({ cardPresent: true }),
    // A card taken out takes its facts and its wrong-PIN count with it: the next is a new insertion.
    forgetCard: assign({ cardPresent: false, facts: null, notices: [], wrongPins: 0, error: null }),
    clearError: assign({ error: null }),
    storeFacts: assign((_, params: Inspected) =>
      params.result.ok ? { facts: params.result.card, notices: params.result.warnings } : {},
    ),
    storeInspectError: assign((_, params: Inspected) => ({
      error: params.result.ok ? null : params.result,
    })),
    storeInspectFailure: assign((_, params: Inspected) => ({
      failure: params.result.ok ? null : params.result,
    })),
    storeProof: assign((_, params: Proved) =>
      params.result.ok ? { card: params.result.card, warnings: params.result.warnings } : {},
    ),
    storeError: assign(({ context }, params: Proved) => ({
      error: params.result.ok ? null : params.result,
      wrongPins:
        !params.result.ok && params.result.code === "pinIncorrect"
          ? context.wrongPins + 1
          : context.wrongPins,
    })),
    storeCap: assign(({ context }, params: Proved) => ({
      failure: !params.result.ok && params.result.code === "pinCapped" ? params.result : capFailure(),
      wrongPins: context.wrongPins + 1,
    })),
    storeFailure: assign((_, params: Proved) => ({
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
    facts: null,
    notices: [],
    wrongPins: 0,
    card: null,
    warnings: [],
    failure: null,
  }),
  initial: "waitingForCard",
  output: ({ event }) => event.output as PinOutput,
  states: {
    waitingForCard: {
      // A card already in the reader skips the prompt; leaving on removal marks the card absent
      // first, so this only fires for a card that is really there.
      always: { guard: "isCardPresent", target: "inspecting" },
      on: {
        "card.inserted": { target: "inspecting", actions: "markCardPresent" },
        "pin.cancel": { target: "cancelled" },
      },
    },
    inspecting: {
      invoke: {
        id: "inspectCard",
        src: "inspectCard",
        input: ({ context }) => ({ purpose: context.purpose }),
        onDone: [
          {
            guard: { type: "isUsable", params: ({ event }) => ({ result: event.output }) },
            target: "entering",
            actions: { type: "storeFacts", params: ({ event }) => ({ result: event.output }) },
          },
          {
            // the same card, back after the stop: the stop stands until it is taken out
            guard: { type: "isInspectCapped", params: ({ event }) => ({ result: event.output }) },
            target: "capped",
            actions: { type: "storeInspectFailure", params: ({ event }) => ({ result: event.output }) },
          },
          {
            guard: { type: "isInspectPassable", params: ({ event }) => ({ result: event.output }) },
            target: "entering",
            actions: { type: "storeInspectError", params: ({ event }) => ({ result: event.output }) },
          },
          {
            // expired, untrusted, locked, already registered: no PIN is asked for this card
            target: "refused",
            actions: { type: "storeInspectFailure", params: ({ event }) => ({ result: event.output }) },
          },
        ],
        // The pre-flight is guidance; without it the PIN step still re-checks everything.
        onError: { target: "entering" },
      },
      on: {
        "pin.cancel": { target: "cancelled" },
        "card.removed": { target: "waitingForCard", actions: "forgetCard" },
      },
    },
    entering: {
      on: {
        "pin.submit": { target: "verifying", actions: "clearError" },
        "pin.cancel": { target: "cancelled" },
        "card.removed": { target: "waitingForCard", actions: "forgetCard" },
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
            guard: { type: "isCapped", params: ({ event }) => ({ result: event.output }) },
            target: "capped",
            actions: { type: "storeCap", params: ({ event }) => ({ result: event.output }) },
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
        "card.removed": { target: "waitingForCard", actions: "forgetCard" },
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
    /** the kiosk's own stop after two wrong PINs: the card keeps its remaining tries */
    capped: {
      type: "final",
      output: ({ context }) => ({ ok: false, failure: context.failure }),
    },
    cancelled: {
      type: "final",
      output: { ok: false, cancelled: true },
    },
  },
});

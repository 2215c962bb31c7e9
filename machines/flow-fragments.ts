// The state-node fragments the three flow machines (registration, change, renewal) share: the
// PIN step's invoke and event wiring, the answer handling of a server step, the receipt's
// done/print states and the refusal with its 登録 offer. Each builds plain config that the
// machine's own setup() checks where it is used, so actor, guard and action names must exist
// there. Pure: no I/O.
import type { ChangeInput, Failure, FlowDone, Result } from "../app/_shared/contracts";
import { MESSAGES } from "./messages";
import type { PinOutput, PinPurpose } from "./pin.types";

/** A done event's output as the `output` param (the PIN step's actions and guards). */
const pinOutput = ({ event }: { event: { output: PinOutput } }) => ({ output: event.output });

/** A done event's output as the `result` param (a server step's actions and guards). */
const resultOf = <TResult>({ event }: { event: { output: TResult } }) => ({ result: event.output });

/** The guards every PIN step uses. */
export const pinGuards = {
  isVerified: (_: unknown, params: { output: PinOutput }) => params.output.ok,
  isCancelled: (_: unknown, params: { output: PinOutput }) =>
    !params.output.ok && "cancelled" in params.output,
};

export const isOk = (_: unknown, params: { result: { ok: boolean } }) => params.result.ok;

export const isInvalid = (_: unknown, params: { result: { ok: boolean; code?: string } }) =>
  !params.result.ok && params.result.code === "invalid";

/** `refusal.register` is taken only for a failure whose way forward is 登録 with the card in hand. */
export function canRegisterInstead(codes: ReadonlySet<string>) {
  return ({ context }: { context: { failure: Failure | null } }) =>
    context.failure !== null && codes.has(context.failure.code);
}

/**
 * The pin child (id `pin`) for `purpose`: verified → `target` with `store`, cancelled →
 * `cancelled`, refused or capped → `refused` (`storePinFailure`), a crashed child → `refused`.
 */
export function pinInvoke<TTarget extends string, TStore extends string>(
  purpose: PinPurpose,
  verified: { target: TTarget; store: TStore },
) {
  return {
    id: "pin",
    src: "pin",
    input: ({ context }: { context: { cardPresent: boolean } }) => ({
      purpose,
      cardPresent: context.cardPresent,
    }),
    onDone: [
      {
        guard: { type: "isVerified", params: pinOutput },
        target: verified.target,
        actions: { type: verified.store, params: pinOutput },
      },
      { guard: { type: "isCancelled", params: pinOutput }, target: "cancelled" },
      { target: "refused", actions: { type: "storePinFailure", params: pinOutput } },
    ],
    onError: thrownToRefused(MESSAGES.cardFailed),
  } as const;
}

/**
 * While a PIN step runs, the pin child hears the card through the flow (the flow keeps its own
 * cardPresent too); the keypad needs no such relay, as the PIN screen sends to the pin child.
 */
export const PIN_CARD_EVENTS = {
  "card.inserted": { actions: ["markCardPresent", "forwardToPin"] },
} as const;

/**
 * R31 before the commit: at a flow's root, a removed card ends the flow (`cardRemoved`, final),
 * and the kiosk ends the visit. The result screen (`receiptStates`) overrides it.
 */
export const CARD_REMOVAL_ENDS_FLOW = {
  "card.removed": { target: ".cardRemoved", actions: "markCardAbsent" },
} as const;

/** The final state a removed card leads to before the commit. */
export const CARD_REMOVED_FINAL = { type: "final", output: { cardRemoved: true } } as const;

/**
 * R31 after the commit: the operation is done and its receipt exists, so taking the card (as at an
 * ATM) must not lose the result screen, 印刷 or the 受付番号; only ログアウト or the idle timer end it.
 */
const CARD_REMOVAL_KEEPS_RESULT = {
  "card.removed": { actions: "markCardAbsent" },
} as const;

function thrownToRefused(message: string) {
  return { target: "refused", actions: { type: "storeThrownFailure", params: { message } } } as const;
}

function okTo<TTarget extends string, TStore extends string>(ok: { target: TTarget; store: TStore }) {
  return {
    guard: { type: "isOk", params: resultOf },
    target: ok.target,
    actions: { type: ok.store, params: resultOf },
  } as const;
}

function refusedWith<TStore extends string>(store: TStore) {
  return { target: "refused", actions: { type: store, params: resultOf } } as const;
}

/**
 * A server step's answer: ok → `ok.target` with `ok.store`; a failure → `refused` with
 * `failureStore`; a thrown error → `refused` with `storeThrownFailure` and `thrownMessage`.
 */
export function answered<TTarget extends string, TStore extends string, TFailure extends string>(
  ok: { target: TTarget; store: TStore },
  failureStore: TFailure,
  thrownMessage: string,
) {
  return {
    onDone: [okTo(ok), refusedWith(failureStore)],
    onError: thrownToRefused(thrownMessage),
  } as const;
}

/** As `answered`, and an `invalid` answer goes back to `form` with `storeFieldErrors`. */
export function answeredOrInvalid<TTarget extends string, TStore extends string, TFailure extends string>(
  ok: { target: TTarget; store: TStore },
  failureStore: TFailure,
  thrownMessage: string,
) {
  return {
    onDone: [
      okTo(ok),
      {
        guard: { type: "isInvalid", params: resultOf },
        target: "form",
        actions: { type: "storeFieldErrors", params: resultOf },
      },
      refusedWith(failureStore),
    ],
    onError: thrownToRefused(thrownMessage),
  } as const;
}

/** What a committed 変更 or 更新 leaves in its flow's context: the result screen's facts. */
export function submittedFields(result: Result<FlowDone>) {
  return result.ok
    ? {
        receiptNumber: result.receiptNumber,
        emailTo: result.emailTo,
        propagatesTo: result.propagatesTo,
        failure: null,
      }
    : {};
}

/**
 * `done` (the result screen) and `print` (printing, then printed or failed; each may reprint); a
 * removed card leaves both where they are (R31).
 */
export function receiptStates() {
  return {
    done: {
      on: { ...CARD_REMOVAL_KEEPS_RESULT, "receipt.print": { target: "print" } },
    },
    print: {
      on: CARD_REMOVAL_KEEPS_RESULT,
      initial: "printing",
      states: {
        printing: {
          entry: "clearPrintError",
          invoke: {
            id: "printReceipt",
            src: "printReceipt",
            input: ({ context }: { context: { receiptNumber: string | null } }) => ({
              receiptNumber: context.receiptNumber ?? "",
            }),
            onDone: { target: "printed" },
            onError: { target: "failed", actions: "storePrintError" },
          },
        },
        printed: { on: { "receipt.print": { target: "printing" } } },
        failed: { on: { "receipt.print": { target: "printing" } } },
      },
    },
  } as const;
}

/** The refusal screen of 変更 and 更新: 戻る, or 登録 when `canRegisterInstead` allows it. */
export const REFUSED_WITH_REGISTER_OFFER = {
  on: {
    "refusal.back": { target: "cancelled" },
    "refusal.register": { guard: "canRegisterInstead", target: "registerInstead" },
  },
} as const;

/**
 * A blank contact block: the 登録 form's starting point, and the submit input's fallback should
 * confirm ever be entered without a form (the statecharts rule that out).
 */
export function emptyContact(): ChangeInput["department"] {
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

// The change machine's context updates, kept apart so the statechart file stays readable.
// Each takes what it needs as params; the machine maps events to params where it refers to them.
import { assign } from "xstate";
import type { Failure } from "../app/_shared/contracts";
import { submittedFields } from "./flow-fragments";
import { MESSAGES } from "./messages";
import type { PinOutput } from "./pin.types";
import type {
  ChangeContext,
  ChangeEvent,
  ChangeFormValues,
  LoadChangeResult,
  SubmitChangeResult,
} from "./change.types";

type Update = Partial<ChangeContext>;

/** assign() typed for this machine, so the actions can live outside its setup() call. */
function update<TParams = undefined>(fn: (params: TParams) => Update) {
  return assign<ChangeContext, ChangeEvent, TParams, ChangeEvent, never>((_, params) => fn(params));
}

function unexpected(message: string): Failure {
  return { ok: false, code: "unexpected", message };
}

export const changeActions = {
  markCardPresent: update(() => ({ cardPresent: true })),
  markCardAbsent: update(() => ({ cardPresent: false })),
  clearFailure: update(() => ({ failure: null })),
  clearPrintError: update(() => ({ printError: null })),
  togglePropagate: assign<ChangeContext, ChangeEvent, undefined, ChangeEvent, never>(({ context }) => ({
    propagate: !context.propagate,
  })),

  storeCard: update((params: { output: PinOutput }): Update =>
    params.output.ok ? { card: params.output.card, warnings: params.output.warnings } : {},
  ),
  storePinFailure: update((params: { output: PinOutput }): Update =>
    !params.output.ok && "failure" in params.output ? { failure: params.output.failure } : {},
  ),
  storeView: update((params: { result: LoadChangeResult }): Update => {
    if (!params.result.ok) return {};
    const { ok: _ok, ...view } = params.result;
    return { view };
  }),
  storeLoadFailure: update((params: { result: LoadChangeResult }): Update =>
    params.result.ok ? {} : { failure: params.result },
  ),
  storeForm: update((params: { values: ChangeFormValues }): Update => ({
    form: params.values,
    fieldErrors: null,
  })),
  storeSubmitted: update((params: { result: SubmitChangeResult }): Update => submittedFields(params.result)),
  storeFieldErrors: update((params: { result: SubmitChangeResult }): Update =>
    params.result.ok ? {} : { fieldErrors: params.result.fieldErrors ?? {} },
  ),
  storeSubmitFailure: update((params: { result: SubmitChangeResult }): Update =>
    params.result.ok ? {} : { failure: params.result },
  ),
  storeThrownFailure: update((params: { message: string }): Update => ({
    failure: unexpected(params.message),
  })),
  storePrintError: update(() => ({ printError: MESSAGES.printFailed })),
};

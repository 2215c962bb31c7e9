// The renewal machine's context updates, kept apart so the statechart file stays readable.
// Each takes what it needs as params; the machine maps events to params where it refers to them.
import { assign } from "xstate";
import type { Failure } from "../app/_shared/contracts";
import { submittedFields } from "./flow-fragments";
import { MESSAGES } from "./messages";
import type { PinOutput } from "./pin.types";
import type { LoadRenewalResult, RenewalContext, RenewalEvent, SubmitRenewalResult } from "./renewal.types";

type Update = Partial<RenewalContext>;

/** assign() typed for this machine, so the actions can live outside its setup() call. */
function update<TParams = undefined>(fn: (context: RenewalContext, params: TParams) => Update) {
  return assign<RenewalContext, RenewalEvent, TParams, RenewalEvent, never>(({ context }, params) =>
    fn(context, params),
  );
}

export const renewalActions = {
  markCardPresent: update(() => ({ cardPresent: true })),
  markCardAbsent: update(() => ({ cardPresent: false })),
  clearFailure: update(() => ({ failure: null })),
  clearPrintError: update(() => ({ printError: null })),
  togglePropagate: update((context) => ({ propagate: !context.propagate })),

  storeOldCard: update((context, params: { output: PinOutput }): Update =>
    params.output.ok ? { oldCard: params.output.card, warnings: params.output.warnings } : {},
  ),
  storeNewCard: update((context, params: { output: PinOutput }): Update =>
    params.output.ok
      ? { newCard: params.output.card, warnings: [...context.warnings, ...params.output.warnings] }
      : {},
  ),
  storePinFailure: update((_, params: { output: PinOutput }): Update =>
    !params.output.ok && "failure" in params.output ? { failure: params.output.failure } : {},
  ),
  storeView: update((_, params: { result: LoadRenewalResult }): Update => {
    if (!params.result.ok) return {};
    const { ok: _ok, ...view } = params.result;
    return { view };
  }),
  storeAnswerFailure: update((_, params: { result: LoadRenewalResult | SubmitRenewalResult }): Update =>
    params.result.ok ? {} : { failure: params.result },
  ),
  storeSubmitted: update((_, params: { result: SubmitRenewalResult }): Update =>
    submittedFields(params.result),
  ),
  storeThrownFailure: update((_, params: { message: string }): Update => {
    const failure: Failure = { ok: false, code: "unexpected", message: params.message };
    return { failure };
  }),
  storePrintError: update(() => ({ printError: MESSAGES.printFailed })),
};

// The registration machine's context updates, kept apart so the statechart file stays readable.
// Each takes what it needs as params; the machine maps events to params where it refers to them.
import { assign } from "xstate";
import type { Failure, RegisterInput, RegisterResult, SearchResult } from "../app/_shared/contracts";
import { MESSAGES } from "./messages";
import type { PinOutput } from "./pin.machine";
import type { RegistrationContext, RegistrationEvent } from "./registration.types";

type Update = Partial<RegistrationContext>;

/** assign() typed for this machine, so the actions can live outside its setup() call. */
function update<TParams = undefined>(fn: (params: TParams) => Update) {
  return assign<RegistrationContext, RegistrationEvent, TParams, RegistrationEvent, never>((_, params) =>
    fn(params),
  );
}

export const registrationActions = {
  markCardPresent: update(() => ({ cardPresent: true })),
  markCardAbsent: update(() => ({ cardPresent: false })),
  clearFailure: update(() => ({ failure: null })),
  clearSearchFailure: update(() => ({ searchFailure: null })),
  clearPrintError: update(() => ({ printError: null })),

  storeCard: update((params: { output: PinOutput }): Update =>
    params.output.ok ? { card: params.output.card, warnings: params.output.warnings } : {},
  ),
  storePinFailure: update((params: { output: PinOutput }): Update =>
    !params.output.ok && "failure" in params.output ? { failure: params.output.failure } : {},
  ),

  storeSearch: update((params: { result: SearchResult }): Update => {
    if (!params.result.ok) return {};
    const { userId, company, representative, holderCheck } = params.result;
    // A different qualification may have been found: an earlier R17 acknowledgement and
    // earlier field errors were about the previous one.
    return {
      search: { userId, company, representative, holderCheck },
      searchFailure: null,
      holderMismatchAcknowledged: false,
      fieldErrors: null,
    };
  }),
  storeSearchFailure: update((params: { result: SearchResult }): Update =>
    params.result.ok ? {} : { searchFailure: params.result, search: null },
  ),
  storeThrownSearchFailure: update((): Update => ({
    searchFailure: { ok: false, code: "unexpected", message: MESSAGES.searchFailed },
    search: null,
  })),

  storeForm: update((params: { values: RegisterInput }): Update => ({
    form: params.values,
    fieldErrors: null,
  })),
  acknowledgeHolderMismatch: update(() => ({ holderMismatchAcknowledged: true })),
  setHolderAcknowledgement: update((params: { acknowledged: boolean }): Update => ({
    holderMismatchAcknowledged: params.acknowledged,
  })),

  storeRegistered: update((params: { result: RegisterResult }): Update =>
    params.result.ok
      ? { receiptNumber: params.result.receiptNumber, emailTo: params.result.emailTo, failure: null }
      : {},
  ),
  storeFieldErrors: update((params: { result: RegisterResult }): Update =>
    params.result.ok ? {} : { fieldErrors: params.result.fieldErrors ?? {} },
  ),
  storeRegisterFailure: update((params: { result: RegisterResult }): Update =>
    params.result.ok ? {} : { failure: params.result },
  ),
  storeThrownFailure: update((params: { message: string }): Update => {
    const failure: Failure = { ok: false, code: "unexpected", message: params.message };
    return { failure };
  }),
  storePrintError: update(() => ({ printError: MESSAGES.printFailed })),
};

// Turns the app's plain async functions (server actions, the card layer, the printer) into the
// named actors the machines invoke. The kiosk invokes registration, which invokes pin, so each
// level is handed its child already provided.
import { fromPromise } from "xstate";
import type {
  InspectCardResult,
  PinStepResult,
  RegisterInput,
  RegisterResult,
  Result,
  SearchResult,
  SessionView,
} from "../app/_shared/contracts";
import type { SearchInput } from "../app/_shared/schemas";
import type { StartSessionInput } from "./kiosk.types";
import { pinMachine } from "./pin.machine";
import type { InspectCardInput, PinPurpose, ProveCardInput } from "./pin.machine";
import { registrationMachine } from "./registration.machine";
import type { SearchActorInput } from "./registration.types";

export type KioskDeps = {
  startSession(input: StartSessionInput): Promise<Result<SessionView>>;
  /** the pre-flight on insertion: the card's facts and whether it can be used, before any PIN */
  inspectCard(input: { purpose: PinPurpose }): Promise<InspectCardResult>;
  /** the PIN goes to the card layer only; the server gets the signature (R30) */
  proveCard(input: { pin: string; purpose: PinPurpose }): Promise<PinStepResult>;
  searchQualification(input: SearchInput): Promise<SearchResult>;
  register(input: RegisterInput): Promise<RegisterResult>;
  printReceipt(input: { receiptNumber: string }): Promise<void>;
  endSession(): Promise<void>;
};

export type PinDeps = Pick<KioskDeps, "inspectCard" | "proveCard">;
export type RegistrationDeps = Pick<
  KioskDeps,
  "inspectCard" | "proveCard" | "searchQualification" | "register" | "printReceipt"
>;

/** A stopped actor (card removed, timeout) must not start a call it no longer waits for. */
function notAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new Error("aborted before the call started");
}

export function createPinImplementations(deps: PinDeps) {
  return {
    actors: {
      inspectCard: fromPromise<InspectCardResult, InspectCardInput>(async ({ input, signal }) => {
        notAborted(signal);
        return deps.inspectCard({ purpose: input.purpose });
      }),
      proveCard: fromPromise<PinStepResult, ProveCardInput>(async ({ input, signal }) => {
        notAborted(signal);
        return deps.proveCard({ pin: input.pin.reveal(), purpose: input.purpose });
      }),
    },
  };
}

export function createRegistrationImplementations(deps: RegistrationDeps) {
  return {
    actors: {
      pin: pinMachine.provide(createPinImplementations(deps)),
      searchQualification: fromPromise<SearchResult, SearchActorInput>(async ({ input, signal }) => {
        notAborted(signal);
        return deps.searchQualification({
          officialName: input.officialName,
          userId: input.userId,
          password: input.password.reveal(),
        });
      }),
      register: fromPromise<RegisterResult, RegisterInput>(async ({ input, signal }) => {
        notAborted(signal);
        return deps.register(input);
      }),
      printReceipt: fromPromise<void, { receiptNumber: string }>(async ({ input, signal }) => {
        notAborted(signal);
        await deps.printReceipt(input);
      }),
    },
  };
}

/** Usage: `kioskMachine.provide(createKioskImplementations(deps))`. */
export function createKioskImplementations(deps: KioskDeps) {
  return {
    actors: {
      registration: registrationMachine.provide(createRegistrationImplementations(deps)),
      startSession: fromPromise<Result<SessionView>, StartSessionInput>(async ({ input, signal }) => {
        notAborted(signal);
        return deps.startSession(input);
      }),
      endSession: fromPromise<void, void>(async () => {
        // Always ends the server session, even when the kiosk has already moved on.
        await deps.endSession();
      }),
    },
  };
}

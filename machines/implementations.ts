// Turns the app's plain async functions (server actions, the card layer, the printer) into the
// named actors the machines invoke. The kiosk invokes a flow (registration, change, renewal),
// which invokes pin, so each level is handed its child already provided.
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
import { changeMachine } from "./change.machine";
import type { ChangeInput, LoadChangeResult, SubmitChangeResult } from "./change.types";
import { KIOSK_SYSTEM_ID } from "./kiosk.machine";
import type { StartSessionInput } from "./kiosk.types";
import { pinMachine } from "./pin.machine";
import type { InspectCardInput, PinPurpose, ProveCardInput } from "./pin.machine";
import type { PostalLookupInput, PostalLookupResult } from "./postal-lookup";
import { registrationMachine } from "./registration.machine";
import type { SearchActorInput } from "./registration.types";
import { renewalMachine } from "./renewal.machine";
import type { LoadRenewalResult, RenewalInput, SubmitRenewalResult } from "./renewal.types";

type CoreDeps = {
  startSession(input: StartSessionInput): Promise<Result<SessionView>>;
  /** the pre-flight on insertion: the card's facts and whether it can be used, before any PIN */
  inspectCard(input: { purpose: PinPurpose }): Promise<InspectCardResult>;
  /** the PIN goes to the card layer only; the server gets the signature (R30) */
  proveCard(input: { pin: string; purpose: PinPurpose }): Promise<PinStepResult>;
  searchQualification(input: SearchInput): Promise<SearchResult>;
  register(input: RegisterInput): Promise<RegisterResult>;
  /** 郵便番号 → 住所 for the contact forms of 登録 and 変更 */
  lookupPostalCode(postalCode: string): Promise<PostalLookupResult>;
  printReceipt(input: { receiptNumber: string }): Promise<void>;
  endSession(): Promise<void>;
  /** does the server reach its database again (after an "unavailable" answer)? */
  checkHealth(): Promise<boolean>;
  /** a card has stayed in the reader `seconds` after the visit ended: a notice for staff (R32) */
  reportCardLeft(input: { seconds: number }): Promise<void>;
};

/** The 変更 and ICカード更新 server actions. */
export type FlowDeps = {
  /** 変更: the registration of the card proven for `change` */
  loadChange(): Promise<LoadChangeResult>;
  submitChange(input: ChangeInput): Promise<SubmitChangeResult>;
  /** ICカード更新: both proven cards side by side */
  loadRenewal(): Promise<LoadRenewalResult>;
  submitRenewal(input: RenewalInput): Promise<SubmitRenewalResult>;
};

export type KioskDeps = CoreDeps & FlowDeps;

export type PinDeps = Pick<CoreDeps, "inspectCard" | "proveCard">;
export type RegistrationDeps = Pick<
  CoreDeps,
  "inspectCard" | "proveCard" | "searchQualification" | "register" | "printReceipt" | "lookupPostalCode"
>;
export type ChangeDeps = PinDeps &
  Pick<CoreDeps, "printReceipt" | "lookupPostalCode"> &
  Pick<FlowDeps, "loadChange" | "submitChange">;
export type RenewalDeps = PinDeps &
  Pick<CoreDeps, "printReceipt"> &
  Pick<FlowDeps, "loadRenewal" | "submitRenewal">;

/** A stopped actor (card removed, timeout) must not start a call it no longer waits for. */
function notAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new Error("aborted before the call started");
}

/**
 * Hands on a server answer; an "unavailable" one (the database is down) is also told to the kiosk
 * root, which ends the visit for its unavailable screen. One place for every step, so no flow has
 * to learn the outage: the root stops the flow, and this answer reaches no one.
 */
type ActorSystemLike = { get(systemId: string): { send(event: { type: string }): void } | undefined };

function watched<T>(system: ActorSystemLike, result: T): T {
  const code = (result as { ok?: unknown; code?: unknown } | null)?.code;
  if (code === "unavailable") system.get(KIOSK_SYSTEM_ID)?.send({ type: "system.unavailable" });
  return result;
}

function printActor(deps: Pick<KioskDeps, "printReceipt">) {
  return fromPromise<void, { receiptNumber: string }>(async ({ input, signal }) => {
    notAborted(signal);
    await deps.printReceipt(input);
  });
}

function postalLookupActor(deps: Pick<KioskDeps, "lookupPostalCode">) {
  return fromPromise<PostalLookupResult, PostalLookupInput>(async ({ input, signal }) => {
    notAborted(signal);
    return deps.lookupPostalCode(input.postalCode);
  });
}

export function createPinImplementations(deps: PinDeps) {
  return {
    actors: {
      inspectCard: fromPromise<InspectCardResult, InspectCardInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.inspectCard({ purpose: input.purpose }));
      }),
      proveCard: fromPromise<PinStepResult, ProveCardInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.proveCard({ pin: input.pin.reveal(), purpose: input.purpose }));
      }),
    },
  };
}

export function createRegistrationImplementations(deps: RegistrationDeps) {
  return {
    actors: {
      pin: pinMachine.provide(createPinImplementations(deps)),
      searchQualification: fromPromise<SearchResult, SearchActorInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        const search = deps.searchQualification({
          officialName: input.officialName,
          userId: input.userId,
          password: input.password.reveal(),
        });
        return watched(system, await search);
      }),
      register: fromPromise<RegisterResult, RegisterInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.register(input));
      }),
      printReceipt: printActor(deps),
      lookupPostalCode: postalLookupActor(deps),
    },
  };
}

export function createChangeImplementations(deps: ChangeDeps) {
  return {
    actors: {
      pin: pinMachine.provide(createPinImplementations(deps)),
      loadChange: fromPromise<LoadChangeResult, void>(async ({ signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.loadChange());
      }),
      submitChange: fromPromise<SubmitChangeResult, ChangeInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.submitChange(input));
      }),
      printReceipt: printActor(deps),
      lookupPostalCode: postalLookupActor(deps),
    },
  };
}

export function createRenewalImplementations(deps: RenewalDeps) {
  return {
    actors: {
      // one pin machine for both cards: the purpose in its input tells the server which check
      pin: pinMachine.provide(createPinImplementations(deps)),
      loadRenewal: fromPromise<LoadRenewalResult, void>(async ({ signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.loadRenewal());
      }),
      submitRenewal: fromPromise<SubmitRenewalResult, RenewalInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.submitRenewal(input));
      }),
      printReceipt: printActor(deps),
    },
  };
}

/** Usage: `kioskMachine.provide(createKioskImplementations(deps))`. */
export function createKioskImplementations(deps: KioskDeps) {
  return {
    actors: {
      registration: registrationMachine.provide(createRegistrationImplementations(deps)),
      change: changeMachine.provide(createChangeImplementations(deps)),
      renewal: renewalMachine.provide(createRenewalImplementations(deps)),
      startSession: fromPromise<Result<SessionView>, StartSessionInput>(async ({ input, signal, system }) => {
        notAborted(signal);
        return watched(system, await deps.startSession(input));
      }),
      endSession: fromPromise<void, void>(async () => {
        // Always ends the server session, even when the kiosk has already moved on.
        await deps.endSession();
      }),
      checkHealth: fromPromise<boolean, void>(async ({ signal }) => {
        notAborted(signal);
        return deps.checkHealth();
      }),
      reportCardLeft: fromPromise<void, { seconds: number }>(async ({ input, signal }) => {
        notAborted(signal);
        await deps.reportCardLeft(input);
      }),
    },
  };
}

// Drives the real kiosk (with the real registration and pin machines) through the app's deps,
// faked at the edge, on a simulated clock.
import { createActor, SimulatedClock } from "xstate";
import type {
  PinStepResult,
  ProveCardResult,
  RegisterResult,
  Result,
  SearchResult,
  SessionView,
} from "@/app/_shared/contracts";
import { createKioskImplementations, KIOSK_SYSTEM_ID, kioskMachine } from "@/machines";
import type {
  ChangeInput,
  KioskDeps,
  LoadChangeResult,
  LoadRenewalResult,
  PinPurpose,
  RenewalInput,
  SubmitChangeResult,
  SubmitRenewalResult,
} from "@/machines";
import { card, formValues, foundAddress, PASSWORD, PIN, searchOk, session, settle, usable } from "./fixtures";
import { changed, changeView, newCard, renewalView, renewed } from "./flow.fixtures";

export const IDLE = 60;
export const WARNING = 10;
export const END = 5;

export type HarnessOptions = {
  session?: Result<SessionView> | Error;
  prove?: ProveCardResult;
  search?: SearchResult | "hang";
  register?: RegisterResult | "hang";
  print?: "ok" | "hang";
  endSession?: "ok" | "fail";
  /** what proveCard answers for one purpose (the renewal's new card is `newCard` by default) */
  proveFor?: Partial<Record<PinPurpose, PinStepResult>>;
  loadChange?: LoadChangeResult | "hang";
  submitChange?: SubmitChangeResult | "hang";
  loadRenewal?: LoadRenewalResult | "hang";
  submitRenewal?: SubmitRenewalResult | "hang";
  /** what each health check answers, in turn (then true): false = database still unreachable */
  health?: (boolean | Error)[];
};

const never = <T>() => new Promise<T>(() => {});

export function startKiosk(options: HarnessOptions = {}) {
  const calls = {
    startSession: 0,
    register: 0,
    endSession: 0,
    print: 0,
    checkHealth: 0,
    cardLeft: [] as number[],
    proved: [] as PinPurpose[],
    submitChange: [] as ChangeInput[],
    submitRenewal: [] as RenewalInput[],
  };
  const answer = <T>(value: T | "hang" | undefined, fallback: T) =>
    value === "hang" ? never<T>() : Promise.resolve(value ?? fallback);
  const deps: KioskDeps = {
    startSession: async () => {
      calls.startSession += 1;
      if (options.session instanceof Error) throw options.session;
      return options.session ?? session;
    },
    inspectCard: async () => usable,
    proveCard: async ({ purpose }) => {
      calls.proved.push(purpose);
      const fallback: PinStepResult = {
        ok: true,
        card: purpose === "renewalNew" ? newCard : card,
        warnings: [],
      };
      return options.proveFor?.[purpose] ?? options.prove ?? fallback;
    },
    searchQualification: async () => (options.search === "hang" ? never() : (options.search ?? searchOk())),
    register: async () => {
      calls.register += 1;
      if (options.register === "hang") return never();
      return options.register ?? { ok: true, receiptNumber: "R-0001", emailTo: "kouji@example.jp" };
    },
    lookupPostalCode: foundAddress,
    printReceipt: async () => {
      calls.print += 1;
      if (options.print === "hang") return never();
    },
    endSession: async () => {
      calls.endSession += 1;
      if (options.endSession === "fail") throw new Error("server gone");
    },
    checkHealth: async () => {
      const next = options.health?.[calls.checkHealth] ?? true;
      calls.checkHealth += 1;
      if (next instanceof Error) throw next;
      return next;
    },
    reportCardLeft: async ({ seconds }) => {
      calls.cardLeft.push(seconds);
    },
    loadChange: () => answer(options.loadChange, { ok: true, ...changeView }),
    submitChange: (input) => {
      calls.submitChange.push(input);
      return answer(options.submitChange, changed);
    },
    loadRenewal: () => answer(options.loadRenewal, { ok: true, ...renewalView }),
    submitRenewal: (input) => {
      calls.submitRenewal.push(input);
      return answer(options.submitRenewal, renewed);
    },
  };
  const clock = new SimulatedClock();
  const actor = createActor(kioskMachine.provide(createKioskImplementations(deps)), {
    input: { idleSeconds: IDLE, warningSeconds: WARNING, endSeconds: END, cardPresent: true },
    clock,
    systemId: KIOSK_SYSTEM_ID,
  }).start();
  return { actor, clock, calls };
}

export type Kiosk = ReturnType<typeof startKiosk>["actor"];
export type FlowName = "registration" | "change" | "renewal";

/** The running flow's actor: a flow's screens send their events to it, not to the kiosk. */
export function flowOf<F extends FlowName>(actor: Kiosk, flow: F) {
  const ref = actor.getSnapshot().children[flow];
  if (!ref) throw new Error(`no ${flow} flow running`);
  return ref;
}

/** The running flow's PIN step: the keypad sends to it directly. */
export function pinOf(actor: Kiosk) {
  const { registration, change, renewal } = actor.getSnapshot().children;
  const pin = (registration ?? change ?? renewal)?.getSnapshot().children.pin;
  if (!pin) throw new Error("no PIN step running");
  return pin;
}

export async function toMenu(actor: Kiosk): Promise<void> {
  actor.send({ type: "select.submit", agencyCode: "110000", kind: "construction" });
  await settle();
  actor.send({ type: "entry.userRegistration" });
  actor.send({ type: "top.proceed" });
}

/** The registration flow states card removal is tested from, and how to get there. */
export const FLOW_STATES = [
  "pin",
  "refused",
  "search.editing",
  "search.searching",
  "form",
  "holderWarning",
  "confirm",
  "registering",
  "done",
  "print",
] as const;
export type FlowState = (typeof FLOW_STATES)[number];

export function optionsFor(state: FlowState): HarnessOptions {
  if (state === "refused")
    return { prove: { ok: false, code: "alreadyRegistered", message: "既に登録されています" } };
  if (state === "search.searching") return { search: "hang" };
  if (state === "holderWarning") return { search: searchOk(false) };
  if (state === "registering") return { register: "hang" };
  if (state === "print") return { print: "hang" };
  return {};
}

export async function toFlowState(actor: Kiosk, state: FlowState): Promise<void> {
  await toMenu(actor);
  actor.send({ type: "menu.register" });
  await settle(); // the pin child's pre-flight check on the inserted card
  if (state === "pin") return;
  pinOf(actor).send({ type: "pin.submit", pin: PIN });
  await settle();
  if (state === "refused" || state === "search.editing") return;
  const registration = flowOf(actor, "registration");
  registration.send({
    type: "search.submit",
    officialName: "株式会社さいたま建設",
    userId: "1000000001",
    password: PASSWORD,
  });
  await settle();
  if (state === "search.searching" || state === "form") return;
  registration.send({ type: "form.submit", values: formValues });
  if (state === "holderWarning" || state === "confirm") return;
  registration.send({ type: "confirm.submit" });
  await settle();
  if (state === "registering" || state === "done") return;
  registration.send({ type: "receipt.print" });
  await settle();
}

/**
 * Moves the simulated clock like real time: one increment only fires timers that were already
 * due, so a countdown that schedules its next tick needs the time to pass in steps.
 */
export function advance(clock: SimulatedClock, ms: number): void {
  for (let left = ms; left > 0; left -= 1000) clock.increment(Math.min(1000, left));
}

import { createActor, SimulatedClock } from "xstate";
import type { AnyActorLogic } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import type { RegisterResult } from "@/app/_shared/contracts";
import { registrationMachine } from "@/machines";
import type { PinOutput, RegistrationEvent, RegistrationInput } from "@/machines";
import {
  card,
  formValues,
  PASSWORD,
  scripted,
  searchNotFound,
  searchOk,
  searchVisitEnded,
  session,
} from "./fixtures";
import { activePaths, allStatePaths, replay, scriptsOf } from "./paths";

const input: RegistrationInput = { agency: session.agency, kind: session.kind, cardPresent: true };

const done = (id: string, output: unknown) =>
  ({ type: `xstate.done.actor.${id}`, output }) as unknown as RegistrationEvent;
const failed = (id: string) =>
  ({ type: `xstate.error.actor.${id}`, error: new Error(id) }) as unknown as RegistrationEvent;

const verified: PinOutput = { ok: true, card, warnings: [] };
const refusedPin: PinOutput = {
  ok: false,
  failure: { ok: false, code: "alreadyRegistered", message: "既に登録されています" },
};
const registered: RegisterResult = { ok: true, receiptNumber: "R-0001", emailTo: "kouji@example.jp" };
const invalid: RegisterResult = {
  ok: false,
  code: "invalid",
  message: "入力内容を確認してください。",
  fieldErrors: { "department.email": "メールアドレスの形式が正しくありません。" },
};
const refusedRegister: RegisterResult = {
  ok: false,
  code: "alreadyRegistered",
  message: "既に登録されています",
};

// Card and PIN events only matter to the pin child (covered in pin.test.ts); here the child is
// replaced by a fake that answers what the path says.
const events: RegistrationEvent[] = [
  done("pin", verified),
  done("pin", refusedPin),
  done("pin", { ok: false, cancelled: true }),
  failed("pin"),
  { type: "refusal.back" },
  { type: "search.submit", officialName: "株式会社さいたま建設", userId: "1000000001", password: PASSWORD },
  { type: "search.back" },
  done("searchQualification", searchOk(true)),
  done("searchQualification", searchOk(false)),
  done("searchQualification", searchNotFound),
  done("searchQualification", searchVisitEnded),
  { type: "searchLimit.end" },
  failed("searchQualification"),
  { type: "form.submit", values: formValues },
  { type: "form.back" },
  { type: "holder.check", acknowledged: true },
  { type: "holder.acknowledge" },
  { type: "holder.back" },
  { type: "confirm.submit" },
  { type: "confirm.back" },
  done("register", registered),
  done("register", invalid),
  done("register", refusedRegister),
  failed("register"),
  { type: "receipt.print" },
  // R31: before the commit a removed card ends the flow; on the result screen nothing changes
  { type: "card.removed" },
  done("printReceipt", undefined),
  failed("printReceipt"),
];

function fakeFor(scripts: Map<string, unknown[]>, id: string): AnyActorLogic {
  return scripted<unknown, unknown>(scripts.get(id) ?? []).logic;
}

describe("registration machine: the statechart", () => {
  const paths = getShortestPaths(registrationMachine, { input, events });

  it("reaches every state node", () => {
    const reached = new Set(paths.flatMap((p) => p.steps.flatMap((s) => activePaths(s.state.value))));
    expect(reached).toEqual(allStatePaths(registrationMachine));
  });

  it.each(paths.map((p) => [p.steps.map((s) => s.event.type).join(" → "), p] as const))(
    "replays %s on a real actor",
    async (_, path) => {
      const scripts = scriptsOf(path.steps);
      const machine = registrationMachine.provide({
        actors: {
          pin: fakeFor(scripts, "pin"),
          searchQualification: fakeFor(scripts, "searchQualification"),
          register: fakeFor(scripts, "register"),
          printReceipt: fakeFor(scripts, "printReceipt"),
        },
      } as Parameters<typeof registrationMachine.provide>[0]);
      const actor = createActor(machine, { input, clock: new SimulatedClock() }).start();
      await replay(actor, path);
    },
  );
});

import { createActor, SimulatedClock } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import { changeMachine } from "@/machines";
import type { ChangeEvent, FlowInput, PinOutput, SubmitChangeResult } from "@/machines";
import { card, session } from "./fixtures";
import { changed, changeValues, changeView, companyDiffers, notRegistered } from "./flow.fixtures";
import { activePaths, allStatePaths, gatedFakes, replayGated, scriptsOf } from "./paths";

const input: FlowInput = { agency: session.agency, kind: session.kind, cardPresent: true };

const done = (id: string, output: unknown) =>
  ({ type: `xstate.done.actor.${id}`, output }) as unknown as ChangeEvent;
const failed = (id: string) =>
  ({ type: `xstate.error.actor.${id}`, error: new Error(id) }) as unknown as ChangeEvent;

const verified: PinOutput = { ok: true, card, warnings: [] };
const invalid: SubmitChangeResult = {
  ok: false,
  code: "invalid",
  message: "入力内容を確認してください。",
  fieldErrors: { "department.email": "メールアドレスの形式が正しくありません。" },
};

// Card and PIN events only matter to the pin child (covered in pin.test.ts); here the child is
// replaced by a fake that answers what the path says.
const events: ChangeEvent[] = [
  done("pin", verified),
  done("pin", { ok: false, failure: notRegistered }),
  done("pin", { ok: false, failure: companyDiffers }),
  done("pin", { ok: false, cancelled: true }),
  failed("pin"),
  done("loadChange", { ok: true, ...changeView }),
  done("loadChange", { ok: false, code: "session", message: "受付からやり直してください。" }),
  failed("loadChange"),
  { type: "refusal.back" },
  { type: "refusal.register" },
  { type: "form.submit", values: changeValues },
  { type: "form.back" },
  { type: "propagate.toggle" },
  { type: "confirm.submit" },
  { type: "confirm.back" },
  done("submitChange", changed),
  done("submitChange", invalid),
  done("submitChange", { ok: false, code: "notRegistered", message: notRegistered.message }),
  failed("submitChange"),
  { type: "receipt.print" },
  // R31: before the commit a removed card ends the flow; on the result screen nothing changes
  { type: "card.removed" },
  done("printReceipt", undefined),
  failed("printReceipt"),
];

describe("change machine: the statechart", () => {
  // One path per state value: context (the R22 toggle, card presence) would multiply the paths
  // without reaching any other screen.
  const paths = getShortestPaths(changeMachine, {
    input,
    events,
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
  });

  it("reaches every state node", () => {
    const reached = new Set(paths.flatMap((p) => p.steps.flatMap((s) => activePaths(s.state.value))));
    expect(reached).toEqual(allStatePaths(changeMachine));
  });

  it.each(paths.map((p) => [p.steps.map((s) => s.event.type).join(" → "), p] as const))(
    "replays %s on a real actor",
    async (_, path) => {
      const fakes = gatedFakes(scriptsOf(path.steps));
      const machine = changeMachine.provide({
        actors: {
          pin: fakes.logicFor("pin"),
          loadChange: fakes.logicFor("loadChange"),
          submitChange: fakes.logicFor("submitChange"),
          printReceipt: fakes.logicFor("printReceipt"),
        },
      } as Parameters<typeof changeMachine.provide>[0]);
      const actor = createActor(machine, { input, clock: new SimulatedClock() }).start();
      await replayGated(actor, path, fakes.release);
    },
  );
});

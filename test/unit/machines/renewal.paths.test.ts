import { createActor, SimulatedClock } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import { renewalMachine } from "@/machines";
import type { FlowInput, PinOutput, RenewalEvent } from "@/machines";
import { card, session } from "./fixtures";
import { companyDiffers, newCard, oldCardExpired, renewalView, renewed } from "./flow.fixtures";
import { activePaths, allStatePaths, gatedFakes, replayGated, scriptsOf } from "./paths";

const input: FlowInput = { agency: session.agency, kind: session.kind, cardPresent: true };

const done = (id: string, output: unknown) =>
  ({ type: `xstate.done.actor.${id}`, output }) as unknown as RenewalEvent;
const failed = (id: string) =>
  ({ type: `xstate.error.actor.${id}`, error: new Error(id) }) as unknown as RenewalEvent;

const oldVerified: PinOutput = { ok: true, card, warnings: [] };
const newVerified: PinOutput = { ok: true, card: newCard, warnings: [] };

// Both PIN steps invoke the pin child under the same id; the fake answers them in path order.
const events: RenewalEvent[] = [
  { type: "notice.ok" },
  { type: "notice.back" },
  { type: "swap.cancel" },
  done("pin", oldVerified),
  done("pin", newVerified),
  done("pin", { ok: false, failure: oldCardExpired }),
  done("pin", { ok: false, failure: companyDiffers }),
  done("pin", { ok: false, cancelled: true }),
  failed("pin"),
  { type: "card.removed" },
  { type: "card.inserted" },
  done("loadRenewal", { ok: true, ...renewalView }),
  done("loadRenewal", { ok: false, code: "session", message: "受付からやり直してください。" }),
  failed("loadRenewal"),
  { type: "refusal.back" },
  { type: "refusal.register" },
  { type: "propagate.toggle" },
  { type: "confirm.submit" },
  { type: "confirm.back" },
  done("submitRenewal", renewed),
  done("submitRenewal", { ok: false, code: "alreadyRegistered", message: "既に登録されています" }),
  failed("submitRenewal"),
  { type: "receipt.print" },
  done("printReceipt", undefined),
  failed("printReceipt"),
];

describe("renewal machine: the statechart", () => {
  // One path per state value: context (the R22 toggle, card presence) would multiply the paths
  // without reaching any other screen.
  const paths = getShortestPaths(renewalMachine, {
    input,
    events,
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
  });

  it("reaches every state node", () => {
    const reached = new Set(paths.flatMap((p) => p.steps.flatMap((s) => activePaths(s.state.value))));
    expect(reached).toEqual(allStatePaths(renewalMachine));
  });

  it.each(paths.map((p) => [p.steps.map((s) => s.event.type).join(" → "), p] as const))(
    "replays %s on a real actor",
    async (_, path) => {
      const fakes = gatedFakes(scriptsOf(path.steps));
      const machine = renewalMachine.provide({
        actors: {
          pin: fakes.logicFor("pin"),
          loadRenewal: fakes.logicFor("loadRenewal"),
          submitRenewal: fakes.logicFor("submitRenewal"),
          printReceipt: fakes.logicFor("printReceipt"),
        },
      } as Parameters<typeof renewalMachine.provide>[0]);
      const actor = createActor(machine, { input, clock: new SimulatedClock() }).start();
      await replayGated(actor, path, fakes.release);
    },
  );
});

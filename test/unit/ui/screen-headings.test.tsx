// Every screen of every flow has the one heading that useScreenFocus moves focus to (issue 11
// item 4): each flow's shortest paths (xstate/graph) are replayed on the real machine, and the
// screen the flow component renders at the end of each path is checked. The PIN steps run a
// scripted child here, so their screen is checked on its own below.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createActor, SimulatedClock, type AnyStateMachine, type EventObject } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { RegistrationFlow } from "@/app/_ui/RegistrationFlow";
import { RenewalFlow } from "@/app/_ui/RenewalFlow";
import { PinScreen } from "@/app/_ui/screens/Pin";
import { isNewScreen } from "@/app/_ui/useScreenFocus";
import { registrationMachine, renewalMachine, type PinOutput } from "@/machines";
import { card, formValues, PASSWORD, searchNotFound, searchOk, session } from "../machines/fixtures";
import { newCard, oldCardExpired, renewalView, renewed } from "../machines/flow.fixtures";
import { gatedFakes, replayGated, scriptsOf } from "../machines/paths";

const noop = () => {};
const input = { agency: session.agency, kind: session.kind, cardPresent: true };
const done = (id: string, output: unknown) => ({ type: `xstate.done.actor.${id}`, output }) as EventObject;
/** A user event with its payload, as the flow machines accept it. */
const send = (event: { type: string } & Record<string, unknown>) => event as EventObject;
const verified: PinOutput = { ok: true, card, warnings: [] };

/** Busy placeholders between screens and the flow's ends have no screen of their own. */
const NO_SCREEN = new Set(["loading", "cancelled", "registerInstead", "cardRemoved"]);
const PIN_STEPS = new Set(["pin", "oldCard", "newCard"]);

function h1Count(html: string): number {
  return html.match(/<h1[ >]/g)?.length ?? 0;
}

type Flow = {
  name: string;
  machine: AnyStateMachine;
  events: EventObject[];
  actors: string[];
  render: (actor: never) => string;
};

const flows: Flow[] = [
  {
    name: "登録",
    machine: registrationMachine,
    events: [
      done("pin", verified),
      done("pin", {
        ok: false,
        failure: { ok: false, code: "alreadyRegistered", message: "既に登録されています" },
      }),
      send({
        type: "search.submit",
        officialName: "株式会社さいたま建設",
        userId: "1000000001",
        password: PASSWORD,
      }),
      done("searchQualification", searchOk(false)),
      done("searchQualification", searchNotFound),
      send({ type: "form.submit", values: formValues }),
      { type: "holder.acknowledge" },
      { type: "confirm.submit" },
      done("register", { ok: true, receiptNumber: "R-0001", emailTo: "kouji@example.jp" }),
      { type: "receipt.print" },
      done("printReceipt", undefined),
    ],
    actors: ["pin", "searchQualification", "register", "printReceipt", "lookupPostalCode"],
    render: (actor) => renderToStaticMarkup(<RegistrationFlow actorRef={actor} onLogout={noop} />),
  },
  {
    name: "ICカード更新",
    machine: renewalMachine,
    events: [
      { type: "notice.ok" },
      done("pin", verified),
      done("pin", { ok: true, card: newCard, warnings: [] }),
      done("pin", { ok: false, failure: oldCardExpired }),
      { type: "refusal.register" },
      { type: "card.removed" },
      { type: "card.inserted" },
      done("loadRenewal", { ok: true, ...renewalView }),
      { type: "confirm.submit" },
      done("submitRenewal", renewed),
      { type: "receipt.print" },
      done("printReceipt", undefined),
    ],
    actors: ["pin", "loadRenewal", "submitRenewal", "printReceipt"],
    render: (actor) => renderToStaticMarkup(<RenewalFlow actorRef={actor} onLogout={noop} />),
  },
];

describe.each(flows)(
  "$name: every screen has one heading to focus",
  ({ machine, events, actors, render }) => {
    const paths = getShortestPaths(machine, {
      input,
      events,
      serializeState: (snapshot) => JSON.stringify(snapshot.value),
    }).filter((path) => {
      const value = path.state.value as string | object;
      const top = typeof value === "string" ? value : (Object.keys(value)[0] ?? "");
      return !NO_SCREEN.has(top) && !PIN_STEPS.has(top);
    });

    it.each(paths.map((p) => [JSON.stringify(p.state.value), p] as const))("%s", async (_, path) => {
      const fakes = gatedFakes(scriptsOf(path.steps));
      const provided = machine.provide({
        actors: Object.fromEntries(actors.map((id) => [id, fakes.logicFor(id)])),
      } as Parameters<typeof machine.provide>[0]);
      const actor = createActor(provided, { input, clock: new SimulatedClock() }).start();
      await replayGated(actor, path, fakes.release);
      expect(h1Count(render(actor as never))).toBe(1);
      actor.stop();
    });
  },
);

describe("the PIN screen and the heading change rule", () => {
  it("the PIN screen has one heading", () => {
    const html = renderToStaticMarkup(
      <PinScreen
        title="PIN番号入力"
        waitingForCard={false}
        inspecting={false}
        verifying={false}
        error={null}
        facts={null}
        notices={[]}
        onSubmit={noop}
        onCancel={noop}
      />,
    );
    expect(h1Count(html)).toBe(1);
  });

  it("a new heading node or a new heading text is a new screen; a re-render is not", () => {
    const node = {};
    expect(isNewScreen(null, { node, text: "古いICカードの確認" })).toBe(true);
    expect(isNewScreen({ node, text: "古いICカードの確認" }, { node, text: "古いICカードの確認" })).toBe(
      false,
    );
    expect(isNewScreen({ node, text: "古いICカードの確認" }, { node, text: "新しいICカードの確認" })).toBe(
      true,
    );
    expect(isNewScreen({ node, text: "PIN番号入力" }, { node: {}, text: "PIN番号入力" })).toBe(true);
    expect(isNewScreen({ node, text: "PIN番号入力" }, null)).toBe(false);
  });
});

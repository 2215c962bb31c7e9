import { createActor, SimulatedClock } from "xstate";
import { getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import type { InspectCardResult, PinStepResult } from "@/app/_shared/contracts";
import { pinMachine } from "@/machines";
import type { InspectCardInput, PinEvent, ProveCardInput } from "@/machines";
import { card, facts, PIN, scripted, settle, usable } from "./fixtures";
import { activePaths, allStatePaths, replay, scriptsOf } from "./paths";

type ProveCardResult = PinStepResult;

const wrongPin: ProveCardResult = {
  ok: false,
  code: "pinIncorrect",
  message: "PIN番号が正しくありません。",
  retriesLeft: 2,
  countLow: true,
};
const already: ProveCardResult = { ok: false, code: "alreadyRegistered", message: "既に登録されています" };
const proved: ProveCardResult = { ok: true, card, warnings: [] };
const capped: ProveCardResult = { ok: false, code: "pinCapped", message: "PIN番号の入力を中止しました。" };
const expired: InspectCardResult = {
  ok: false,
  code: "expired",
  message: "有効期限が切れたICカードは使用できません。",
  card: { ...facts, daysLeft: -1 },
};
const unreadable: InspectCardResult = { ok: false, code: "cardError", message: "読み取れませんでした。" };

const done = (output: ProveCardResult) =>
  ({ type: "xstate.done.actor.proveCard", output }) as unknown as PinEvent;
const inspected = (output: InspectCardResult) =>
  ({ type: "xstate.done.actor.inspectCard", output }) as unknown as PinEvent;
const failed = { type: "xstate.error.actor.proveCard", error: new Error("reader") } as unknown as PinEvent;
const inspectFailed = {
  type: "xstate.error.actor.inspectCard",
  error: new Error("server"),
} as unknown as PinEvent;
const traversalEvents: PinEvent[] = [
  { type: "card.inserted" },
  { type: "card.removed" },
  { type: "pin.submit", pin: PIN },
  { type: "pin.cancel" },
  inspected(usable),
  inspected(expired),
  inspected(unreadable),
  inspectFailed,
  done(proved),
  done(wrongPin),
  done(already),
  done(capped),
  failed,
];

function start(
  script: Array<ProveCardResult | Error>,
  cardPresent = true,
  inspections: Array<InspectCardResult | Error> = [usable, usable, usable],
) {
  const proveCard = scripted<ProveCardResult, ProveCardInput>(script);
  const inspectCard = scripted<InspectCardResult, InspectCardInput>(inspections);
  const actor = createActor(
    pinMachine.provide({ actors: { proveCard: proveCard.logic, inspectCard: inspectCard.logic } }),
    { input: { purpose: "register", cardPresent }, clock: new SimulatedClock() },
  ).start();
  return { actor, proveCard, inspectCard };
}

describe("pin machine: the statechart", () => {
  const paths = getShortestPaths(pinMachine, {
    input: { purpose: "register", cardPresent: true },
    events: traversalEvents,
  });

  it("reaches every state node", () => {
    const reached = new Set(paths.flatMap((p) => p.steps.flatMap((s) => activePaths(s.state.value))));
    expect(reached).toEqual(allStatePaths(pinMachine));
  });

  it.each(paths.map((p) => [p.steps.map((s) => s.event.type).join(" → "), p] as const))(
    "replays %s on a real actor",
    async (_, path) => {
      const scripts = scriptsOf(path.steps);
      const script = (scripts.get("proveCard") ?? []) as Array<ProveCardResult | Error>;
      const inspections = (scripts.get("inspectCard") ?? []) as Array<InspectCardResult | Error>;
      const { actor } = start(script, true, inspections);
      await replay(actor, path);
    },
  );
});

describe("pin machine: behaviour", () => {
  it("waits for a card when none is in the reader, then inspects it before asking for the PIN", async () => {
    const { actor, inspectCard } = start([], false);
    expect(actor.getSnapshot().value).toBe("waitingForCard");
    actor.send({ type: "card.inserted" });
    expect(actor.getSnapshot().value).toBe("inspecting");
    await settle();
    expect(inspectCard.calls).toEqual([{ purpose: "register" }]);
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.facts).toEqual(facts);
  });

  it("sends the PIN to proveCard only, concealed, and never keeps it in context (R30)", async () => {
    const { actor, proveCard } = start([proved]);
    await settle(); // the pre-flight answers first
    actor.send({ type: "pin.submit", pin: PIN });
    expect(JSON.stringify(actor.getPersistedSnapshot())).not.toContain(PIN);
    await settle();
    expect(proveCard.calls).toHaveLength(1);
    expect(proveCard.calls[0]!.pin.reveal()).toBe(PIN);
    expect(String(proveCard.calls[0]!.pin)).not.toContain(PIN);
    expect(actor.getSnapshot().status).toBe("done");
    expect(actor.getSnapshot().output).toEqual({ ok: true, card, warnings: [] });
    expect(JSON.stringify(actor.getSnapshot())).not.toContain(PIN);
  });

  it("shows a wrong PIN with the tries left and clears it on the next try (R30)", async () => {
    const { actor } = start([wrongPin, proved]);
    await settle(); // the pre-flight answers first
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.error).toMatchObject({ code: "pinIncorrect", retriesLeft: 2 });
    actor.send({ type: "pin.submit", pin: PIN });
    expect(actor.getSnapshot().context.error).toBeNull();
    await settle();
    expect(actor.getSnapshot().output).toMatchObject({ ok: true });
  });

  it("clears the PIN error when the card is taken out", async () => {
    const { actor } = start([wrongPin]);
    await settle(); // the pre-flight answers first
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().value).toBe("waitingForCard");
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it("stops with the failure when the card is refused (R1 既に登録されています)", async () => {
    const { actor } = start([already]);
    await settle(); // the pre-flight answers first
    actor.send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(actor.getSnapshot().value).toBe("refused");
    expect(actor.getSnapshot().output).toEqual({ ok: false, failure: already });
  });

  it("treats a thrown card error as retryable with a Japanese message", async () => {
    const { actor } = start([new Error("reader unplugged")]);
    await settle(); // the pre-flight answers first
    actor.send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.error?.message).toContain("ICカード");
  });

  it("ends cancelled on pin.cancel", async () => {
    const { actor } = start([]);
    await settle(); // the pre-flight answers first
    actor.send({ type: "pin.cancel" });
    expect(actor.getSnapshot().output).toEqual({ ok: false, cancelled: true });
  });
});

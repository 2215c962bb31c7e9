// Issue 3 in the pin machine: the pre-flight check before any PIN, and the kiosk's own cap of two
// wrong PINs per insertion (never spend a card's last tries).
import { createActor, SimulatedClock } from "xstate";
import { describe, expect, it } from "vitest";
import type { InspectCardResult, PinStepResult } from "@/app/_shared/contracts";
import { PIN_TRIES_PER_INSERTION, pinMachine } from "@/machines";
import type { InspectCardInput, ProveCardInput } from "@/machines";
import { MESSAGES } from "@/machines/messages";
import { card, facts, PIN, scripted, settle, usable } from "./fixtures";

const wrongPin: PinStepResult = {
  ok: false,
  code: "pinIncorrect",
  message: "PIN番号が正しくありません。",
  countLow: true,
  retriesLeft: 2,
};
const finalTry: PinStepResult = {
  ok: false,
  code: "pinIncorrect",
  message: "PIN番号が正しくありません。次に間違えるとICカードがロックされます（残り1回）。",
  finalTry: true,
  retriesLeft: 1,
};

function start(inspections: Array<InspectCardResult | Error>, proofs: Array<PinStepResult | Error> = []) {
  const inspectCard = scripted<InspectCardResult, InspectCardInput>(inspections);
  const proveCard = scripted<PinStepResult, ProveCardInput>(proofs);
  const actor = createActor(
    pinMachine.provide({ actors: { inspectCard: inspectCard.logic, proveCard: proveCard.logic } }),
    { input: { purpose: "register", cardPresent: true }, clock: new SimulatedClock() },
  ).start();
  return { actor, inspectCard, proveCard };
}

describe("pin machine: pre-flight check before the PIN", () => {
  it("shows the card's facts and notices at the keypad", async () => {
    const notices = ["このICカードの有効期限は残り20日です。"];
    const { actor, proveCard } = start([{ ...usable, warnings: notices } as InspectCardResult]);
    expect(actor.getSnapshot().value).toBe("inspecting");
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context).toMatchObject({ facts, notices, error: null });
    expect(proveCard.calls).toHaveLength(0);
  });

  it.each(["expired", "untrusted", "alreadyRegistered", "pinLocked", "notYetValid", "session"] as const)(
    "refuses a %s card at once, without asking for a PIN",
    async (code) => {
      const refusal: InspectCardResult = { ok: false, code, message: `${code}の説明`, card: facts };
      const { actor, proveCard } = start([refusal]);
      await settle();
      expect(actor.getSnapshot().value).toBe("refused");
      expect(actor.getSnapshot().output).toEqual({ ok: false, failure: refusal });
      // finished: no PIN can be taken any more (sending one would only make XState print it)
      expect(actor.getSnapshot().status).toBe("done");
      expect(proveCard.calls).toHaveLength(0);
    },
  );

  it("lets the bidder go on when the card could not be read, with the reason shown", async () => {
    const unreadable: InspectCardResult = { ok: false, code: "cardError", message: "読み取れませんでした。" };
    const { actor } = start([unreadable], [{ ok: true, card, warnings: [] }]);
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.error).toEqual(unreadable);
    actor.send({ type: "pin.submit", pin: PIN });
    expect(actor.getSnapshot().context.error).toBeNull();
    await settle();
    expect(actor.getSnapshot().output).toMatchObject({ ok: true });
  });

  it("asks for the PIN anyway when the check itself fails (guidance, not authority)", async () => {
    const { actor } = start([new Error("server restarted")]);
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.facts).toBeNull();
  });

  it("goes back to waiting when the card is pulled during the check, and checks the next card", async () => {
    const { actor, inspectCard } = start([new Promise(() => {}) as never, usable]);
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().value).toBe("waitingForCard");
    actor.send({ type: "card.inserted" });
    await settle();
    expect(inspectCard.calls).toHaveLength(2);
    expect(actor.getSnapshot().value).toBe("entering");
  });
});

describe("pin machine: the kiosk's PIN cap", () => {
  it(`stops after ${PIN_TRIES_PER_INSERTION} wrong PINs in a row and never tries a third`, async () => {
    const { actor, proveCard } = start([usable], [wrongPin, wrongPin, { ok: true, card, warnings: [] }]);
    await settle();
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.wrongPins).toBe(1);
    actor.send({ type: "pin.submit", pin: "9998" });
    await settle();
    expect(actor.getSnapshot().value).toBe("capped");
    expect(actor.getSnapshot().output).toEqual({
      ok: false,
      failure: { ok: false, code: "pinCapped", message: MESSAGES.pinCapped },
    });
    expect(MESSAGES.pinCapped).toContain("PIN通知書等");
    // finished: a third PIN cannot be taken (sending one would only make XState print it)
    expect(actor.getSnapshot().status).toBe("done");
    expect(proveCard.calls).toHaveLength(2);
  });

  it("takes the server's cap refusal as the stop, with the server's words", async () => {
    const serverCap: PinStepResult = { ok: false, code: "pinCapped", message: "サーバーの説明" };
    const { actor } = start([usable], [serverCap]);
    await settle();
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    expect(actor.getSnapshot().value).toBe("capped");
    expect(actor.getSnapshot().output).toEqual({ ok: false, failure: serverCap });
  });

  it("stays stopped when the same card comes back to the PIN step (the server remembers)", async () => {
    const stop: InspectCardResult = {
      ok: false,
      code: "pinCapped",
      message: "PIN番号の入力を中止しました。",
    };
    const { actor, proveCard } = start([stop]);
    await settle();
    expect(actor.getSnapshot().value).toBe("capped");
    expect(actor.getSnapshot().output).toEqual({ ok: false, failure: stop });
    expect(proveCard.calls).toHaveLength(0);
  });

  it("starts counting again on a new insertion", async () => {
    const { actor } = start([usable, usable], [wrongPin, wrongPin, wrongPin]);
    await settle();
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().context.wrongPins).toBe(0);
    actor.send({ type: "card.inserted" });
    await settle();
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    expect(actor.getSnapshot().value).toBe("capped");
  });

  it("keeps the card's final-try report for the keypad's warning", async () => {
    // A card that had failures elsewhere: its first wrong PIN here already leaves one try.
    const { actor } = start([usable], [finalTry]);
    await settle();
    actor.send({ type: "pin.submit", pin: "9999" });
    await settle();
    expect(actor.getSnapshot().value).toBe("entering");
    expect(actor.getSnapshot().context.error).toMatchObject({ finalTry: true, retriesLeft: 1 });
  });
});

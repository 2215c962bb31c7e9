import { describe, expect, it } from "vitest";
import { createActor, SimulatedClock } from "xstate";
import { createKioskImplementations, kioskMachine } from "@/machines";
import type { KioskDeps } from "@/machines";
import { card, foundAddress, PIN, searchOk, session, settle, usable } from "./fixtures";
import { changed, changeView, renewalView, renewed } from "./flow.fixtures";
import { END, IDLE, pinOf as pinActorOf, startKiosk, toMenu, WARNING } from "./kiosk.harness";

describe("kiosk: card events reach the PIN screen", () => {
  it("waits for a card at PIN入力 and goes on when it is inserted", async () => {
    const proved: string[] = [];
    const deps: KioskDeps = {
      startSession: async () => session,
      inspectCard: async () => usable,
      proveCard: async ({ pin }) => {
        proved.push(pin);
        return { ok: true, card, warnings: [] };
      },
      searchQualification: async () => searchOk(),
      register: async () => ({ ok: true, receiptNumber: "R-0001", emailTo: "kouji@example.jp" }),
      lookupPostalCode: foundAddress,
      printReceipt: async () => {},
      endSession: async () => {},
      checkHealth: async () => true,
      reportCardLeft: async () => {},
      loadChange: async () => ({ ok: true, ...changeView }),
      submitChange: async () => changed,
      loadRenewal: async () => ({ ok: true, ...renewalView }),
      submitRenewal: async () => renewed,
    };
    const actor = createActor(kioskMachine.provide(createKioskImplementations(deps)), {
      input: { idleSeconds: IDLE, warningSeconds: WARNING, endSeconds: END },
      clock: new SimulatedClock(),
    }).start();
    await toMenu(actor);
    actor.send({ type: "menu.register" });
    const pinOf = () => actor.getSnapshot().children.registration?.getSnapshot().children.pin?.getSnapshot();
    expect(pinOf()?.value).toBe("waitingForCard");
    actor.send({ type: "card.inserted" });
    expect(actor.getSnapshot().context.cardPresent).toBe(true);
    expect(pinOf()?.value).toBe("inspecting");
    await settle();
    expect(pinOf()?.value).toBe("entering");
    pinActorOf(actor).send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(proved).toEqual([PIN]);
    expect(actor.getSnapshot().children.registration?.getSnapshot().value).toEqual({ search: "editing" });
  });

  it("ends the session when the card is removed at 変更's PIN step too (R31)", async () => {
    const { actor } = startKiosk();
    await toMenu(actor);
    actor.send({ type: "menu.change" });
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
    expect(actor.getSnapshot().context.endReason).toBe("cardRemoved");
  });

  it("only notes a removed card outside a flow", async () => {
    const { actor } = startKiosk();
    await toMenu(actor);
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().matches({ active: { screens: "menu" } })).toBe(true);
    expect(actor.getSnapshot().context.cardPresent).toBe(false);
  });
});

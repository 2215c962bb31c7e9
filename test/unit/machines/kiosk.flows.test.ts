import { describe, expect, it } from "vitest";
import { changeStepOf, renewalStepOf } from "@/machines";
import { PIN, settle } from "./fixtures";
import {
  changeValues,
  companyDiffers,
  lapsedUserId,
  notRegistered,
  oldCardExpired,
  replacedCard,
} from "./flow.fixtures";
import {
  CHANGE_STATES,
  changeOptionsFor,
  RENEWAL_STATES,
  renewalOptionsFor,
  toChangeState,
  toRenewalState,
} from "./kiosk.flows.harness";
import { END, flowOf, pinOf, startKiosk } from "./kiosk.harness";
import type { Kiosk } from "./kiosk.harness";
import { activePaths } from "./paths";

const changeOf = (actor: Kiosk) => actor.getSnapshot().children.change?.getSnapshot();
const renewalOf = (actor: Kiosk) => actor.getSnapshot().children.renewal?.getSnapshot();
const inMenu = (actor: Kiosk) => actor.getSnapshot().matches({ active: { screens: "menu" } });

function expectEndedAndWiped(actor: Kiosk) {
  const { value, context, children } = actor.getSnapshot();
  expect(value).toEqual({ end: "farewell" });
  expect(context).toMatchObject({ endReason: "cardRemoved", cardPresent: false, agency: null, kind: null });
  // cards, registration and form live in the flow actors, which must be gone
  expect(children.change).toBeUndefined();
  expect(children.renewal).toBeUndefined();
  const persisted = JSON.stringify(actor.getPersistedSnapshot());
  expect(persisted).not.toContain("株式会社さいたま建設");
  expect(persisted).not.toContain("kouji@example.jp");
}

/** R31 after the commit: the card comes out → the result (and 印刷) stay; the session goes on. */
async function expectResultStays(
  { actor, calls }: ReturnType<typeof startKiosk>,
  flow: "change" | "renewal",
  state: string,
) {
  actor.send({ type: "card.removed" });
  await settle();
  const snapshot = actor.getSnapshot().children[flow]?.getSnapshot();
  expect(activePaths(snapshot?.value ?? "")).toContain(state);
  expect(snapshot?.context.receiptNumber).toBeTruthy();
  expect(calls.endSession).toBe(0);
  flowOf(actor, flow).send({ type: "receipt.print" });
  await settle();
  expect(calls.print).toBeGreaterThan(0);
}

/** R31 mid-flow: the card comes out → end screen, data wiped, session ended, then screen 1. */
async function expectRemovalEndsVisit({ actor, clock, calls }: ReturnType<typeof startKiosk>) {
  actor.send({ type: "card.removed" });
  expectEndedAndWiped(actor);
  await settle();
  expect(calls.endSession).toBe(1);
  clock.increment(END * 1000);
  expect(actor.getSnapshot().value).toBe("select");
}

describe("kiosk: 変更", () => {
  it.each(["done", "print"] as const)(
    "removing the card at %s (after the commit) keeps the 変更 result and 印刷 (R31)",
    async (state) => {
      const kiosk = startKiosk(changeOptionsFor(state));
      await toChangeState(kiosk.actor, state);
      await expectResultStays(kiosk, "change", state);
    },
  );

  it.each(CHANGE_STATES.filter((state) => state !== "done" && state !== "print"))(
    "removing the card at %s (before the commit) ends the session and wipes the data (R31)",
    async (state) => {
      const kiosk = startKiosk(changeOptionsFor(state));
      const { actor } = kiosk;
      await toChangeState(actor, state);
      expect(activePaths(changeOf(actor)?.value ?? "")).toContain(state);
      await expectRemovalEndsVisit(kiosk);
    },
  );

  it("proves the card for 変更 and sends the R22 choice the bidder ticked", async () => {
    const { actor, calls } = startKiosk();
    await toChangeState(actor, "confirm");
    expect(calls.proved).toEqual(["change"]);
    expect(changeOf(actor)?.context.propagate).toBe(false);
    const change = flowOf(actor, "change");
    change.send({ type: "propagate.toggle" });
    change.send({ type: "propagate.toggle" });
    change.send({ type: "propagate.toggle" });
    change.send({ type: "confirm.submit" });
    await settle();
    expect(calls.submitChange).toEqual([{ ...changeValues, propagate: true }]);
    expect(changeOf(actor)?.context).toMatchObject({ receiptNumber: "C-0001", propagatesTo: ["さいたま市"] });
    expect(changeStepOf(changeOf(actor)!)).toBe(3);
  });

  it("sends this agency only when the box stays unticked", async () => {
    const { actor, calls } = startKiosk();
    await toChangeState(actor, "done");
    expect(calls.submitChange).toEqual([{ ...changeValues, propagate: false }]);
  });

  it("changes once on a double tap of 変更", async () => {
    const { actor, calls } = startKiosk({ submitChange: "hang" });
    await toChangeState(actor, "confirm");
    const change = flowOf(actor, "change");
    change.send({ type: "confirm.submit" });
    change.send({ type: "confirm.submit" });
    await settle();
    expect(calls.submitChange).toHaveLength(1);
    expect(changeOf(actor)?.value).toBe("submitting");
  });

  it("offers 登録 with the card in hand for a card not registered for this kind (R2)", async () => {
    const { actor, calls } = startKiosk({ proveFor: { change: notRegistered } });
    await toChangeState(actor, "refused");
    expect(changeOf(actor)?.context.failure?.code).toBe("notRegistered");
    flowOf(actor, "change").send({ type: "refusal.register" });
    expect(actor.getSnapshot().matches({ active: { screens: { flow: "registration" } } })).toBe(true);
    expect(actor.getSnapshot().children.change).toBeUndefined();
    await settle(); // the card is still in the reader: registration's PIN step inspects it at once
    const pin = actor.getSnapshot().children.registration?.getSnapshot().children.pin?.getSnapshot();
    expect(pin?.value).toBe("entering");
    pinOf(actor).send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(calls.proved).toEqual(["change", "register"]);
  });

  it("returns to the menu from a refusal and from the form", async () => {
    const refused = startKiosk({ proveFor: { change: notRegistered } }).actor;
    await toChangeState(refused, "refused");
    flowOf(refused, "change").send({ type: "refusal.back" });
    expect(inMenu(refused)).toBe(true);
    const { actor } = startKiosk();
    await toChangeState(actor, "form");
    flowOf(actor, "change").send({ type: "form.back" });
    expect(inMenu(actor)).toBe(true);
  });
});

describe("kiosk: ICカード更新", () => {
  it.each(["done", "print"] as const)(
    "removing the card at %s (after the commit) keeps the 更新 result and 印刷 (R31)",
    async (state) => {
      const kiosk = startKiosk(renewalOptionsFor(state));
      await toRenewalState(kiosk.actor, state);
      await expectResultStays(kiosk, "renewal", state);
    },
  );

  it.each(RENEWAL_STATES.filter((state) => !["swap", "done", "print"].includes(state)))(
    "removing the card at %s (before the commit) ends the session and wipes the data (R31)",
    async (state) => {
      const kiosk = startKiosk(renewalOptionsFor(state));
      const { actor } = kiosk;
      await toRenewalState(actor, state);
      expect(activePaths(renewalOf(actor)?.value ?? "")).toContain(state);
      await expectRemovalEndsVisit(kiosk);
    },
  );

  it("takes the old card out in swap as a step, then proves the new card", async () => {
    const { actor, calls } = startKiosk();
    await toRenewalState(actor, "swap");
    expect(renewalStepOf(renewalOf(actor)!)).toBe(2);
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().matches({ active: { screens: { flow: "renewal" } } })).toBe(true);
    expect(renewalOf(actor)?.value).toBe("swap");
    expect(renewalOf(actor)?.context.oldCard?.serialHex).toBe("1a2b");
    actor.send({ type: "card.inserted" });
    await settle();
    pinOf(actor).send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(calls.proved).toEqual(["renewalOld", "renewalNew"]);
    expect(renewalOf(actor)?.value).toBe("confirm");
    expect(renewalOf(actor)?.context.view?.new.serialHex).toBe("3c4d");
  });

  it("sends the R22 choice and renews once on a double tap of 更新", async () => {
    const { actor, calls } = startKiosk({ submitRenewal: "hang" });
    await toRenewalState(actor, "confirm");
    const renewal = flowOf(actor, "renewal");
    renewal.send({ type: "propagate.toggle" });
    renewal.send({ type: "confirm.submit" });
    renewal.send({ type: "confirm.submit" });
    await settle();
    expect(calls.submitRenewal).toEqual([{ propagate: true }]);
  });

  it("R13: an expired old card leads to 登録 only after it is taken out and the new card is in", async () => {
    const { actor } = startKiosk({ proveFor: { renewalOld: oldCardExpired } });
    await toRenewalState(actor, "refused");
    expect(renewalStepOf(renewalOf(actor)!)).toBe(1);
    flowOf(actor, "renewal").send({ type: "refusal.register" });
    expect(renewalOf(actor)?.value).toBe("swapForRegister");
    // taking the expired card out is the step asked for here, not the end of the visit (R31)
    actor.send({ type: "card.removed" });
    expect(renewalOf(actor)?.value).toBe("swapForRegister");
    expect(renewalOf(actor)?.context.cardPresent).toBe(false);
    actor.send({ type: "card.inserted" });
    expect(actor.getSnapshot().matches({ active: { screens: { flow: "registration" } } })).toBe(true);
    expect(actor.getSnapshot().context.cardPresent).toBe(true);
  });

  it("the swap screens of 更新 have a cancel back to the menu", async () => {
    const { actor } = startKiosk();
    await toRenewalState(actor, "swap");
    flowOf(actor, "renewal").send({ type: "swap.cancel" });
    expect(inMenu(actor)).toBe(true);
    const expired = startKiosk({ proveFor: { renewalOld: oldCardExpired } }).actor;
    await toRenewalState(expired, "refused");
    flowOf(expired, "renewal").send({ type: "refusal.register" });
    flowOf(expired, "renewal").send({ type: "swap.cancel" });
    expect(inMenu(expired)).toBe(true);
  });

  it.each([replacedCard, lapsedUserId])(
    "R12, R15: $code offers no 登録 (the card in hand is registered already, R1)",
    async (failure) => {
      const { actor } = startKiosk({ proveFor: { renewalOld: failure } });
      await toRenewalState(actor, "refused");
      flowOf(actor, "renewal").send({ type: "refusal.register" });
      expect(renewalOf(actor)?.value).toBe("refused");
      const change = startKiosk({ proveFor: { change: failure } }).actor;
      await toChangeState(change, "refused");
      flowOf(change, "change").send({ type: "refusal.register" });
      expect(change.getSnapshot().children.change?.getSnapshot().value).toBe("refused");
    },
  );

  it("does not offer 登録 when the new card's company differs; 戻る returns to the menu", async () => {
    const { actor } = startKiosk({ proveFor: { renewalNew: companyDiffers } });
    await toRenewalState(actor, "newCard");
    pinOf(actor).send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(renewalOf(actor)?.value).toBe("refused");
    expect(renewalStepOf(renewalOf(actor)!)).toBe(2);
    flowOf(actor, "renewal").send({ type: "refusal.register" });
    expect(renewalOf(actor)?.value).toBe("refused");
    flowOf(actor, "renewal").send({ type: "refusal.back" });
    expect(inMenu(actor)).toBe(true);
  });

  it("leaves the renewal on 戻る at the notice and at the confirmation (the manual: redo it)", async () => {
    const early = startKiosk().actor;
    await toRenewalState(early, "notice");
    flowOf(early, "renewal").send({ type: "notice.back" });
    expect(inMenu(early)).toBe(true);
    const { actor, calls } = startKiosk();
    await toRenewalState(actor, "confirm");
    flowOf(actor, "renewal").send({ type: "confirm.back" });
    expect(inMenu(actor)).toBe(true);
    expect(calls.submitRenewal).toEqual([]);
  });
});

describe("kiosk: 変更 and 更新 never hold the PIN (R30)", () => {
  it.each(["change", "renewal"] as const)("in any snapshot of the %s flow", async (flow) => {
    const { actor } = startKiosk({ print: "hang" });
    const texts: string[] = [];
    const record = () => {
      const snapshot = actor.getSnapshot();
      const child = snapshot.children[flow]?.getSnapshot();
      const pin = child?.children.pin?.getSnapshot();
      texts.push(JSON.stringify(actor.getPersistedSnapshot()));
      for (const s of [snapshot, child, pin]) if (s) texts.push(JSON.stringify(s.context));
    };
    actor.subscribe(record);
    if (flow === "change") await toChangeState(actor, "print");
    else await toRenewalState(actor, "print");
    record();
    expect(texts.some((t) => t.includes(flow === "change" ? "C-0001" : "U-0001"))).toBe(true);
    for (const text of texts) expect(text).not.toMatch(new RegExp(`(^|[^0-9])${PIN}([^0-9]|$)`));
  });
});

// Access modes (issue 11 item 7): 文字サイズ and high contrast are chosen on any screen, kept for the
// visit, and the next bidder starts from the standard screen (the visit's end, as in R32).
import { describe, expect, it } from "vitest";
import { STANDARD_ACCESS } from "@/machines";
import { settle } from "./fixtures";
import { advance, END, flowOf, IDLE, startKiosk, toFlowState, toMenu, WARNING } from "./kiosk.harness";
import type { Kiosk } from "./kiosk.harness";

const CHOSEN = { textSize: "xlarge", highContrast: true, lang: "en" } as const;

function choose(actor: Kiosk) {
  actor.send({ type: "access.textSize", size: CHOSEN.textSize });
  actor.send({ type: "access.contrast", highContrast: CHOSEN.highContrast });
  actor.send({ type: "access.lang", lang: CHOSEN.lang });
}

const accessOf = (actor: Kiosk) => actor.getSnapshot().context.access;

describe("kiosk: access modes for one visit (issue 11 item 7, R32)", () => {
  it("starts standard, and a choice on the select screen lasts through every screen of the visit", async () => {
    const { actor } = startKiosk();
    expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
    choose(actor);
    await toFlowState(actor, "confirm");
    expect(actor.getSnapshot().children.registration?.getSnapshot().value).toBe("confirm");
    expect(accessOf(actor)).toEqual(CHOSEN);
  });

  it("changes mid-flow without moving the flow or the kiosk's screen", async () => {
    const { actor } = startKiosk();
    await toFlowState(actor, "form");
    actor.send({ type: "access.textSize", size: "large" });
    actor.send({ type: "access.contrast", highContrast: true });
    expect(actor.getSnapshot().matches({ active: { screens: { flow: "registration" } } })).toBe(true);
    expect(flowOf(actor, "registration").getSnapshot().value).toBe("form");
    expect(accessOf(actor)).toEqual({ textSize: "large", highContrast: true, lang: "ja" });
    actor.send({ type: "access.contrast", highContrast: false });
    expect(accessOf(actor)).toEqual({ textSize: "large", highContrast: false, lang: "ja" });
  });

  it("keeps the choice on 終了画面 after ログアウト and resets it when the kiosk is back on select", async () => {
    const { actor, clock } = startKiosk();
    await toMenu(actor);
    choose(actor);
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.confirm" });
    // the card still in: ICカードをお取りください, then 終了画面 once it is out (R32)
    expect(actor.getSnapshot().matches("end")).toBe(true);
    actor.send({ type: "card.removed" });
    expect(accessOf(actor), "the bidder still reads the end screen").toEqual(CHOSEN);
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
    expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
  });

  it("resets when the card is pulled mid-flow (R31) once 終了画面 is gone", async () => {
    const { actor, clock } = startKiosk();
    choose(actor);
    await toFlowState(actor, "search.editing");
    actor.send({ type: "card.removed" });
    expect(accessOf(actor)).toEqual(CHOSEN);
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
    expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
  });

  it("resets after an inactivity timeout (R32)", async () => {
    const { actor, clock } = startKiosk();
    await toMenu(actor);
    choose(actor);
    advance(clock, (IDLE + WARNING) * 1000);
    await settle();
    expect(actor.getSnapshot().matches("end")).toBe(true);
    actor.send({ type: "card.removed" });
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
    expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
  });

  it("resets when the unavailable screen gives way to select", async () => {
    const { actor, clock } = startKiosk();
    await toMenu(actor);
    choose(actor);
    actor.send({ type: "system.unavailable" });
    expect(accessOf(actor)).toEqual(CHOSEN);
    clock.increment(5000);
    await settle();
    expect(actor.getSnapshot().value).toBe("select");
    expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
  });

  it("keeps the choice when the visit could not start: the same bidder tries again", async () => {
    const { actor } = startKiosk({ session: { ok: false, code: "invalid", message: "x" } });
    choose(actor);
    actor.send({ type: "select.submit", agencyCode: "112011", kind: "goods" });
    await settle();
    expect(actor.getSnapshot().value).toBe("select");
    expect(accessOf(actor)).toEqual(CHOSEN);
  });

  describe("on screen 1, before any visit: the idle time without a tap resets them (issue 11 item 7, R32)", () => {
    /** as the page does: the tap on a mode's button is activity too (useActivity) */
    function chooseByTap(actor: Kiosk) {
      actor.send({ type: "user.activity" });
      choose(actor);
    }

    it("resets 特大, 高コントラスト and English on screen 1 after the idle time without activity", () => {
      const { actor, clock } = startKiosk();
      chooseByTap(actor);
      advance(clock, IDLE * 1000 - 1);
      expect(accessOf(actor), "not before the idle time").toEqual(CHOSEN);
      clock.increment(1);
      expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
      expect(actor.getSnapshot().value, "the screen stays; no visit started or ended").toBe("select");
      expect(actor.getSnapshot().context.endReason).toBeNull();
    });

    it("a tap or key on screen 1 starts the wait again", () => {
      const { actor, clock } = startKiosk();
      chooseByTap(actor);
      advance(clock, (IDLE - 10) * 1000);
      actor.send({ type: "user.activity" });
      advance(clock, (IDLE - 1) * 1000);
      expect(accessOf(actor)).toEqual(CHOSEN);
      advance(clock, 1000);
      expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
    });

    it("a choice made after a quiet spell on standard still gets the whole idle time", () => {
      const { actor, clock } = startKiosk();
      advance(clock, (IDLE + 5) * 1000); // the wait ends on standard modes: nothing to reset
      expect(actor.getSnapshot().value).toBe("select");
      chooseByTap(actor);
      advance(clock, (IDLE - 1) * 1000);
      expect(accessOf(actor)).toEqual(CHOSEN);
      advance(clock, 1000);
      expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
    });

    it("keeps the select screen's notice of the last visit when it resets", async () => {
      const { actor, clock } = startKiosk({ session: { ok: false, code: "invalid", message: "x" } });
      chooseByTap(actor);
      actor.send({ type: "select.submit", agencyCode: "112011", kind: "goods" });
      await settle();
      expect(actor.getSnapshot().context.error).toBe("x");
      advance(clock, IDLE * 1000);
      expect(accessOf(actor)).toEqual(STANDARD_ACCESS);
      expect(actor.getSnapshot().context.error).toBe("x");
    });

    it("does not run during a visit: the visit's own idle timer and end reset them there", async () => {
      const { actor, clock } = startKiosk();
      await toMenu(actor);
      chooseByTap(actor);
      advance(clock, (IDLE - 1) * 1000);
      expect(actor.getSnapshot().matches({ active: { screens: "menu" } })).toBe(true);
      expect(accessOf(actor)).toEqual(CHOSEN);
    });
  });
});

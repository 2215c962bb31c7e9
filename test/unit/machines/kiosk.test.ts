import { describe, expect, it } from "vitest";
import { CARD_LEFT_NOTICE_SECONDS, kioskMachine, stepOf } from "@/machines";
import { formValues, PASSWORD, PIN, searchVisitEnded, settle } from "./fixtures";
import {
  advance,
  END,
  FLOW_STATES,
  IDLE,
  optionsFor,
  startKiosk,
  toFlowState,
  toMenu,
  WARNING,
  flowOf,
  pinOf,
} from "./kiosk.harness";
import type { Kiosk } from "./kiosk.harness";
import { activePaths, allStatePaths } from "./paths";

function registrationOf(actor: Kiosk) {
  return actor.getSnapshot().children.registration?.getSnapshot();
}

function expectBidderDataCleared(actor: Kiosk) {
  const { context, children } = actor.getSnapshot();
  expect(context.agency).toBeNull();
  expect(context.kind).toBeNull();
  // card, qualification and form live in the registration actor, which must be gone
  expect(children.registration).toBeUndefined();
  expect(JSON.stringify(actor.getPersistedSnapshot())).not.toContain("株式会社さいたま建設");
}

describe("kiosk: inactivity (R32)", () => {
  it("shows no warning before idleSeconds, then counts down from warningSeconds", async () => {
    const { actor, clock } = startKiosk();
    await toMenu(actor);
    clock.increment(IDLE * 1000 - 1);
    expect(actor.getSnapshot().matches({ active: { idle: "watching" } })).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches({ active: { idle: "warning" } })).toBe(true);
    expect(actor.getSnapshot().context.idleRemaining).toBe(WARNING);
    clock.increment(1000);
    expect(actor.getSnapshot().context.idleRemaining).toBe(WARNING - 1);
    clock.increment(1000);
    expect(actor.getSnapshot().context.idleRemaining).toBe(WARNING - 2);
  });

  it("restarts the full wait on activity, in watching and in the warning", async () => {
    const { actor, clock } = startKiosk();
    await toMenu(actor);
    clock.increment((IDLE - 1) * 1000);
    actor.send({ type: "user.activity" });
    clock.increment((IDLE - 1) * 1000);
    expect(actor.getSnapshot().matches({ active: { idle: "watching" } })).toBe(true);
    clock.increment(1000 + 3000);
    expect(actor.getSnapshot().matches({ active: { idle: "warning" } })).toBe(true);
    actor.send({ type: "user.activity" });
    expect(actor.getSnapshot().matches({ active: { idle: "watching" } })).toBe(true);
    advance(clock, WARNING * 1000);
    expect(actor.getSnapshot().matches({ active: { screens: "menu", idle: "watching" } })).toBe(true);
  });

  it("times out with all bidder data cleared; a card left in keeps ICカードをお取りください until removed, then 終了画面 (R32)", async () => {
    const { actor, clock, calls } = startKiosk();
    await toFlowState(actor, "confirm");
    expect(registrationOf(actor)?.context.form).toEqual(formValues);
    advance(clock, IDLE * 1000);
    advance(clock, WARNING * 1000 - 1);
    expect(actor.getSnapshot().context.idleRemaining).toBe(1);
    clock.increment(1);
    expect(actor.getSnapshot().value).toEqual({ end: { takeCard: "waiting" } });
    expect(actor.getSnapshot().context).toMatchObject({ endReason: "timeout", committed: false });
    await settle();
    expect(calls.endSession).toBe(1);
    expectBidderDataCleared(actor);
    clock.increment(END * 1000 * 10);
    expect(actor.getSnapshot().matches({ end: "takeCard" })).toBe(true);
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
    expect(actor.getSnapshot().context.endReason).toBe("timeout");
  });

  it("times out straight to 終了画面 when the reader is empty (R32)", async () => {
    const { actor, clock } = startKiosk();
    await toMenu(actor);
    actor.send({ type: "card.removed" });
    advance(clock, (IDLE + WARNING) * 1000);
    expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
  });

  it("a timeout on the result screen remembers that the operation was committed (終了画面's words)", async () => {
    const { actor, clock } = startKiosk();
    await toFlowState(actor, "done");
    advance(clock, (IDLE + WARNING) * 1000);
    expect(actor.getSnapshot().context).toMatchObject({ endReason: "timeout", committed: true });
  });

  it("returns to select even when ending the server session fails", async () => {
    const { actor, clock } = startKiosk({ endSession: "fail" });
    await toMenu(actor);
    advance(clock, (IDLE + WARNING) * 1000);
    await settle();
    actor.send({ type: "card.removed" });
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
  });
});

const COMMITTED = ["done", "print"] as const;
const BEFORE_COMMIT = FLOW_STATES.filter((state) => !(COMMITTED as readonly string[]).includes(state));

describe("kiosk: card removed mid-flow (R31)", () => {
  it.each(BEFORE_COMMIT)(
    "before the commit, from %s ends the session and clears bidder data",
    async (state) => {
      const { actor, clock, calls } = startKiosk(optionsFor(state));
      await toFlowState(actor, state);
      expect(activePaths(registrationOf(actor)?.value ?? "")).toContain(state);
      actor.send({ type: "card.removed" });
      expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
      expect(actor.getSnapshot().context).toMatchObject({
        endReason: "cardRemoved",
        committed: false,
        cardPresent: false,
      });
      expectBidderDataCleared(actor);
      await settle();
      expect(calls.endSession).toBe(1);
      clock.increment(END * 1000);
      expect(actor.getSnapshot().value).toBe("select");
    },
  );

  it.each(COMMITTED)(
    "after the commit, at %s the result and its receipt stay until ログアウト (R31)",
    async (state) => {
      const { actor, calls } = startKiosk(optionsFor(state));
      await toFlowState(actor, state);
      actor.send({ type: "card.removed" });
      await settle();
      expect(actor.getSnapshot().matches({ active: { screens: { flow: "registration" } } })).toBe(true);
      expect(activePaths(registrationOf(actor)?.value ?? "")).toContain(state);
      expect(registrationOf(actor)?.context.receiptNumber).toBe("R-0001");
      expect(actor.getSnapshot().context.cardPresent).toBe(false);
      expect(calls.endSession).toBe(0);
      // 印刷 still works without the card
      flowOf(actor, "registration").send({ type: "receipt.print" });
      await settle();
      expect(calls.print).toBeGreaterThan(0);
      actor.send({ type: "session.logout" });
      actor.send({ type: "logout.confirm" });
      // the card is already out: 終了画面 at once, which says the operation was completed
      expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
      expect(actor.getSnapshot().context).toMatchObject({ endReason: "logout", committed: true });
    },
  );
});

describe("kiosk: screens, logout and session start", () => {
  it("asks before logging out; キャンセル keeps the screen, OK ends after endSeconds", async () => {
    const { actor, clock } = startKiosk();
    await toFlowState(actor, "done");
    actor.send({ type: "session.logout" });
    expect(actor.getSnapshot().matches({ active: { dialog: "confirming" } })).toBe(true);
    actor.send({ type: "logout.cancel" });
    expect(actor.getSnapshot().matches({ active: { dialog: "closed" } })).toBe(true);
    expect(registrationOf(actor)?.value).toBe("done");
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.confirm" });
    expect(actor.getSnapshot().matches("end")).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ endReason: "logout", committed: true });
    expectBidderDataCleared(actor);
    // the card is still in: ICカードをお取りください until it is taken (R32)
    expect(actor.getSnapshot().value).toEqual({ end: { takeCard: "waiting" } });
    actor.send({ type: "card.removed" });
    clock.increment(END * 1000 - 1);
    expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe("select");
  });

  it("a logout before the commit is a cancelled visit (終了画面's words)", async () => {
    const { actor } = startKiosk();
    await toFlowState(actor, "confirm");
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.confirm" });
    expect(actor.getSnapshot().context).toMatchObject({ endReason: "logout", committed: false });
  });

  it("tells staff once when the card stays in the reader for 60 s after the visit (R32)", async () => {
    const { actor, clock, calls } = startKiosk();
    await toMenu(actor);
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.confirm" });
    clock.increment(CARD_LEFT_NOTICE_SECONDS * 1000 - 1);
    await settle();
    expect(calls.cardLeft).toEqual([]);
    clock.increment(1);
    await settle();
    expect(calls.cardLeft).toEqual([CARD_LEFT_NOTICE_SECONDS]);
    expect(actor.getSnapshot().value).toEqual({ end: { takeCard: "reported" } });
    clock.increment(CARD_LEFT_NOTICE_SECONDS * 1000 * 5);
    await settle();
    expect(calls.cardLeft).toHaveLength(1);
    actor.send({ type: "card.removed" });
    expect(actor.getSnapshot().value).toEqual({ end: "farewell" });
  });

  it("a card taken before 60 s tells staff nothing", async () => {
    const { actor, clock, calls } = startKiosk();
    await toMenu(actor);
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.confirm" });
    clock.increment(30_000);
    actor.send({ type: "card.removed" });
    clock.increment(CARD_LEFT_NOTICE_SECONDS * 1000);
    await settle();
    expect(calls.cardLeft).toEqual([]);
  });

  it("still shows 終了画面 and returns to select when ending the server session fails", async () => {
    const { actor, clock } = startKiosk({ endSession: "fail" });
    await toMenu(actor);
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.confirm" });
    await settle();
    expect(actor.getSnapshot().matches("end")).toBe(true);
    expect(actor.getSnapshot().status).toBe("active");
    actor.send({ type: "card.removed" });
    clock.increment(END * 1000);
    expect(actor.getSnapshot().value).toBe("select");
  });

  it("stays on select with the server's message when the session cannot start", async () => {
    const message = "この調達機関では物品の電子入札を行っていません。";
    const { actor } = startKiosk({ session: { ok: false, code: "invalid", message } });
    actor.send({ type: "select.submit", agencyCode: "112011", kind: "goods" });
    await settle();
    expect(actor.getSnapshot().value).toBe("select");
    expect(actor.getSnapshot().context.error).toBe(message);
  });

  it("stays on select with its own message when the server cannot be reached", async () => {
    const { actor } = startKiosk({ session: new Error("offline") });
    actor.send({ type: "select.submit", agencyCode: "110000", kind: "construction" });
    await settle();
    expect(actor.getSnapshot().context.error).toContain("受付を開始できませんでした");
  });

  it("opens 変更 and ICカード更新 from the menu", async () => {
    const { actor } = startKiosk();
    await toMenu(actor);
    actor.send({ type: "menu.change" });
    expect(actor.getSnapshot().matches({ active: { screens: { flow: "change" } } })).toBe(true);
    pinOf(actor).send({ type: "pin.cancel" });
    await settle();
    expect(actor.getSnapshot().matches({ active: { screens: "menu" } })).toBe(true);
    actor.send({ type: "menu.renewal" });
    expect(actor.getSnapshot().matches({ active: { screens: { flow: "renewal" } } })).toBe(true);
    expect(actor.getSnapshot().children.renewal?.getSnapshot().value).toBe("notice");
  });

  it("returns to the menu when the registration flow is cancelled", async () => {
    const { actor } = startKiosk();
    await toFlowState(actor, "search.editing");
    flowOf(actor, "registration").send({ type: "search.back" });
    expect(actor.getSnapshot().matches({ active: { screens: "menu" } })).toBe(true);
    expect(actor.getSnapshot().children.registration).toBeUndefined();
  });

  it("R11: ends the visit after the 5th failed search, once the checklist is read", async () => {
    const { actor } = startKiosk({ search: searchVisitEnded });
    await toFlowState(actor, "search.editing");
    flowOf(actor, "registration").send({
      type: "search.submit",
      officialName: "株式会社さいたま建設",
      userId: "1000000001",
      password: PASSWORD,
    });
    await settle();
    expect(registrationOf(actor)?.value).toBe("searchLimit");
    flowOf(actor, "registration").send({ type: "searchLimit.end" });
    expect(actor.getSnapshot().matches("end")).toBe(true);
    expect(actor.getSnapshot().context.endReason).toBe("searchLimit");
    expectBidderDataCleared(actor);
  });

  it("registers once on a double tap of 登録", async () => {
    const { actor, calls } = startKiosk();
    await toFlowState(actor, "confirm");
    const registration = flowOf(actor, "registration");
    registration.send({ type: "confirm.submit" });
    registration.send({ type: "confirm.submit" });
    await settle();
    expect(calls.register).toBe(1);
    expect(stepOf(registrationOf(actor)!)).toBe(4);
  });
});

const UNAVAILABLE = {
  ok: false as const,
  code: "unavailable" as const,
  message: "ただいまご利用いただけません。",
};

describe("kiosk: the server cannot reach its database (issue 10)", () => {
  it("leaves a visit mid-flow for unavailable when a step answers unavailable, bidder data gone", async () => {
    const { actor } = startKiosk({ search: UNAVAILABLE });
    await toFlowState(actor, "search.searching");
    await settle();
    expect(actor.getSnapshot().value).toEqual({ unavailable: "waiting" });
    expectBidderDataCleared(actor);
  });

  it.each([
    ["register", { register: { ...UNAVAILABLE } }, "registering"],
    ["PIN step", { prove: { ...UNAVAILABLE } }, "pin"],
  ] as const)("does so from the %s as well", async (_name, options, state) => {
    const { actor } = startKiosk(options);
    await toFlowState(actor, state);
    if (state === "pin") pinOf(actor).send({ type: "pin.submit", pin: PIN });
    await settle();
    expect(actor.getSnapshot().matches("unavailable")).toBe(true);
    expect(actor.getSnapshot().children.registration).toBeUndefined();
  });

  it("goes to unavailable when the session cannot start for it, without ending a session", async () => {
    const { actor, calls } = startKiosk({ session: { ...UNAVAILABLE } });
    actor.send({ type: "select.submit", agencyCode: "110000", kind: "construction" });
    await settle();
    expect(actor.getSnapshot().matches("unavailable")).toBe(true);
    expect(calls.endSession).toBe(0);
  });

  it("asks again every 5 s and returns to select, with a start-over notice, once the server is back", async () => {
    const { actor, clock, calls } = startKiosk({
      search: UNAVAILABLE,
      health: [false, new Error("offline")],
    });
    await toFlowState(actor, "search.searching");
    await settle();
    clock.increment(4999);
    expect(calls.checkHealth).toBe(0);
    clock.increment(1);
    await settle();
    expect(calls.checkHealth).toBe(1);
    expect(actor.getSnapshot().value).toEqual({ unavailable: "waiting" });
    clock.increment(5000); // the check fails outright: still waiting
    await settle();
    expect(actor.getSnapshot().value).toEqual({ unavailable: "waiting" });
    clock.increment(5000);
    await settle();
    expect(calls.checkHealth).toBe(3);
    expect(actor.getSnapshot().value).toBe("select");
    expect(actor.getSnapshot().context.error).toContain("最初からやり直してください");
    // a new visit starts clean
    actor.send({ type: "select.submit", agencyCode: "110000", kind: "construction" });
    await settle();
    expect(actor.getSnapshot().context.error).toBeNull();
    expect(actor.getSnapshot().matches("active")).toBe(true);
  });
});

describe("kiosk: the whole statechart and secrets", () => {
  it("visits every state node across real sessions", async () => {
    const visited = new Set<string>();
    const watch = (actor: Kiosk) => {
      const note = () => activePaths(actor.getSnapshot().value).forEach((p) => visited.add(p));
      note();
      actor.subscribe(note);
    };
    const failing = startKiosk({ session: { ok: false, code: "invalid", message: "x" } });
    watch(failing.actor);
    failing.actor.send({ type: "select.submit", agencyCode: "110000", kind: "construction" });
    await settle();

    const { actor, clock } = startKiosk();
    watch(actor);
    await toMenu(actor);
    actor.send({ type: "menu.change" });
    pinOf(actor).send({ type: "pin.cancel" });
    await settle();
    actor.send({ type: "menu.renewal" });
    flowOf(actor, "renewal").send({ type: "notice.back" });
    actor.send({ type: "menu.register" });
    actor.send({ type: "session.logout" });
    actor.send({ type: "logout.cancel" });
    advance(clock, (IDLE + WARNING) * 1000);
    await settle();
    clock.increment(CARD_LEFT_NOTICE_SECONDS * 1000);
    await settle();
    actor.send({ type: "card.removed" });
    clock.increment(END * 1000);
    actor.send({ type: "card.inserted" });
    await toMenu(actor);
    actor.send({ type: "menu.register" });
    actor.send({ type: "card.removed" });
    clock.increment(END * 1000);
    actor.send({ type: "system.unavailable" });
    clock.increment(5000);
    await settle();
    expect(visited).toEqual(allStatePaths(kioskMachine));
  });

  it("never holds the PIN or the password in any actor's snapshot (R30, R11)", async () => {
    const { actor } = startKiosk({ print: "hang" });
    const texts: string[] = [];
    const record = () => {
      const snapshot = actor.getSnapshot();
      const registration = snapshot.children.registration?.getSnapshot();
      const pin = registration?.children.pin?.getSnapshot();
      texts.push(JSON.stringify(actor.getPersistedSnapshot()));
      for (const s of [snapshot, registration, pin]) if (s) texts.push(JSON.stringify(s.context));
    };
    actor.subscribe(record);
    await toFlowState(actor, "print");
    record();
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.some((t) => t.includes("R-0001"))).toBe(true);
    for (const text of texts) {
      expect(text).not.toContain(PIN);
      expect(text).not.toContain(PASSWORD);
    }
  });
});

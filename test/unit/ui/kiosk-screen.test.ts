// Which screen a 「係員を呼ぶ」 call and the console's terminal page name (issue 11 item 6), and the
// error line a call carries: read from the machines' snapshots, never from the form's values.
import { describe, expect, it } from "vitest";
import { SCREEN_HINTS, screenInfo } from "@/app/_shared/screen-hints";
import { runningFlow, screenKey, shownError } from "@/app/_ui/kioskScreen";
import { changeMachine, kioskMachine, registrationMachine, renewalMachine } from "@/machines";

const snap = (value: unknown, context: object = {}) => ({ value, context });

describe("screenKey", () => {
  it("names the kiosk's own screens, its busy states as the screen around them", () => {
    expect(screenKey(snap("select"), undefined)).toBe("select");
    expect(screenKey(snap("starting"), undefined)).toBe("select");
    expect(screenKey(snap("timedOut"), undefined)).toBe("end");
    expect(screenKey(snap({ end: "farewell" }), undefined)).toBe("end");
    expect(screenKey(snap({ end: { takeCard: "waiting" } }), undefined), "R32").toBe("end.takeCard");
    expect(SCREEN_HINTS["end.takeCard"]?.label).toBe("ICカードをお取りください");
    expect(screenKey(snap({ unavailable: "waiting" }), undefined)).toBe("unavailable");
    const menu = snap({ active: { screens: "menu", idle: "watching", dialog: "closed" } });
    expect(screenKey(menu, undefined)).toBe("menu");
    expect(runningFlow(menu)).toBeNull();
  });

  it("names a flow's screen as <flow>.<state>", () => {
    const kiosk = snap({
      active: { screens: { flow: "registration" }, idle: "watching", dialog: "confirming" },
    });
    expect(runningFlow(kiosk)).toBe("registration");
    expect(screenKey(kiosk, snap({ search: "editing" }))).toBe("registration.search");
    expect(screenKey(kiosk, snap({ print: "printing" }))).toBe("registration.print");
  });

  it("every screen of the kiosk and its flows has a name and a hint of its own", () => {
    const finals = new Set(["cancelled", "registerInstead", "cardRemoved", "visitEnded"]);
    const busy = new Set(["active", "starting", "timedOut"]);
    const keys = [
      ...Object.keys(kioskMachine.root.states).filter((s) => !busy.has(s)),
      ...Object.keys(kioskMachine.root.states.active!.states.screens!.states).filter((s) => s !== "flow"),
      ...(
        [
          ["registration", registrationMachine],
          ["change", changeMachine],
          ["renewal", renewalMachine],
        ] as const
      ).flatMap(([flow, machine]) =>
        Object.keys(machine.root.states)
          .filter((s) => !finals.has(s))
          .map((s) => `${flow}.${s}`),
      ),
    ];
    const missing = keys.filter((k) => !SCREEN_HINTS[k]);
    expect(missing).toEqual([]);
    // a screen added later still reaches staff with its flow's name
    expect(screenInfo("change.somethingNew").label).toContain("変更");
  });
});

describe("shownError", () => {
  it("takes the innermost message: the PIN step's before its flow's, a failure's message", () => {
    const kiosk = snap("active", { error: null });
    const flow = snap("pin", { failure: null, searchFailure: null, form: { email: "a@example.jp" } });
    const pin = snap("entering", {
      error: { ok: false, code: "pinIncorrect", message: "PIN番号が正しくありません。" },
    });
    expect(shownError(kiosk, flow, pin)).toBe("PIN番号が正しくありません。");
    expect(
      shownError(kiosk, snap("search", { searchFailure: { message: "資格審査情報が登録されていません" } })),
    ).toBe("資格審査情報が登録されていません");
    expect(shownError(snap("select", { error: "選択してください。" }), undefined)).toBe("選択してください。");
  });

  it("never reads the form's values: no error, no line", () => {
    const flow = snap("form", {
      form: { representative: { name: "埼玉 太郎" } },
      failure: null,
      printError: null,
    });
    expect(shownError(snap("active", { error: null }), flow, undefined)).toBeNull();
  });
});

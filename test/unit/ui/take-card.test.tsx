// ICカードをお取りください and 終了画面 (R31, R32): the take-your-card screen (words, arrow, chime,
// reduced motion), 終了画面's words for each way a visit ends, and the result screen once the card
// is out (受付番号を控える).
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EndScreen, endKindOf } from "@/app/_ui/screens/End";
import { ReceiptActions } from "@/app/_ui/screens/ReceiptActions";
import { beep, TakeCardScreen } from "@/app/_ui/screens/TakeCard";

const noop = () => {};

describe("TakeCardScreen (R32)", () => {
  it("asks for the card with a heading and an alert, and shows an arrow toward the reader", () => {
    const html = renderToStaticMarkup(<TakeCardScreen />);
    expect(html).toContain('<h1 id="take-card-title">ICカードをお取りください</h1>');
    expect(html).toMatch(/role="alert"[^>]*>ICカードがカードリーダーに差し込まれたままです。/);
    expect(html).toContain("ICカードの取り忘れにご注意ください。");
    // the arrow is decoration for sighted people: screen readers get the words
    expect(html).toMatch(/<div class="take-card-arrow" aria-hidden="true">/);
  });

  it("blinks the arrow, and holds it steady under prefers-reduced-motion", () => {
    const css = fs.readFileSync(path.join(process.cwd(), "app/_ui/screens/take-card.css"), "utf8");
    expect(css).toMatch(/\.take-card-arrow-head\s*\{[^}]*animation:\s*take-card-blink/);
    expect(css).toMatch(
      /@media \(prefers-reduced-motion: reduce\)\s*\{\s*\.take-card-arrow-head\s*\{\s*animation:\s*none;/,
    );
  });

  describe("the chime", () => {
    afterEach(() => vi.unstubAllGlobals());

    it("is silent where there is no audio (tests, a terminal without sound)", () => {
      expect(() => beep()).not.toThrow();
      vi.stubGlobal("window", { setTimeout: () => 0 });
      expect(() => beep()).not.toThrow();
    });

    it("plays two short tones through WebAudio", () => {
      const started: number[] = [];
      class FakeAudioContext {
        currentTime = 0;
        destination = {};
        createGain() {
          return { gain: { value: 1 }, connect: () => {} };
        }
        createOscillator() {
          const tone = {
            frequency: { value: 0 },
            connect: () => {},
            start: () => started.push(tone.frequency.value),
            stop: () => {},
          };
          return tone;
        }
        close() {
          return Promise.resolve();
        }
      }
      vi.stubGlobal("window", { AudioContext: FakeAudioContext, setTimeout: () => 0 });
      beep();
      expect(started).toEqual([880, 660]);
    });

    it("a context that refuses to start is no failure", () => {
      class Refusing {
        constructor() {
          throw new Error("NotAllowedError");
        }
      }
      vi.stubGlobal("window", { AudioContext: Refusing, setTimeout: () => 0 });
      expect(() => beep()).not.toThrow();
    });
  });
});

describe("EndScreen: words that fit how the visit ended (R31, R32)", () => {
  it("tells each ending apart", () => {
    expect(endKindOf("logout", true)).toBe("completed");
    expect(endKindOf("logout", false)).toBe("cancelled");
    expect(endKindOf("cardRemoved", false)).toBe("cardRemoved");
    expect(endKindOf("timeout", false)).toBe("timedOut");
    expect(endKindOf("timeout", true)).toBe("timedOutCompleted");
  });

  it.each([
    ["logout", true, "お手続きは完了しました。", "完了していません"],
    ["logout", false, "お手続きは完了していません", "完了しました"],
    ["timeout", false, "一定時間操作がなかったため、手続きを中止しました。", "完了しています"],
    ["timeout", true, "お手続きは完了しています。", "完了していません"],
    ["cardRemoved", false, "ICカードが取り出されたため", "ありがとうございました"],
  ] as const)("%s (committed: %s) says %s", (reason, committed, says, never) => {
    const html = renderToStaticMarkup(<EndScreen reason={reason} committed={committed} />);
    expect(html).toContain('<h1 id="end-title">終了画面</h1>');
    expect(html).toContain(says);
    expect(html).not.toContain(never);
  });
});

describe("the result screen once the card is out (R31)", () => {
  const props = { receiptNumber: "20261207-0001", print: "idle" as const, printError: null };

  it("says the operation is done and offers 印刷 and 受付番号を控える", () => {
    const html = renderToStaticMarkup(
      <ReceiptActions {...props} cardRemoved onPrint={noop} onLogout={noop} />,
    );
    expect(html).toContain("ICカードが取り出されました。お手続きは完了しています。");
    expect(html).toContain(">印刷</button>");
    expect(html).toContain(">受付番号を控える</button>");
    expect(html).toContain("20261207-0001");
  });

  it("says nothing about the card while it is in", () => {
    const html = renderToStaticMarkup(<ReceiptActions {...props} onPrint={noop} onLogout={noop} />);
    expect(html).not.toContain("取り出されました");
    expect(html).toContain(">受付番号を控える</button>");
  });
});

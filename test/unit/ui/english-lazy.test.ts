// Issue 13 item 1: the English catalog is not in the kiosk's first load; it is fetched when a visit
// first switches to English. Until it is here, English answers the Japanese (never a blank), and
// whoever waits is told when it arrives (useT renders again then).
import { describe, expect, it, vi } from "vitest";

describe("issue 13 item 1: the English catalog loads on demand", () => {
  it("answers Japanese before the catalog is here, English after; listeners hear of it once", async () => {
    // a fresh module: the shared setup file has loaded the catalog into the cached one
    vi.resetModules();
    const i18n = await import("@/app/_ui/i18n/translate");
    expect(i18n.englishLoaded()).toBe(false);
    const heard = vi.fn();
    const stop = i18n.onEnglishLoaded(heard);
    expect(i18n.translate("ja", "高コントラスト")).toBe("高コントラスト");
    expect(i18n.englishLoaded()).toBe(false);
    // asking in English starts the fetch and falls back to the Japanese meanwhile
    expect(i18n.translate("en", "高コントラスト")).toBe("高コントラスト");
    await i18n.loadEnglish();
    expect(i18n.englishLoaded()).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(i18n.translate("en", "高コントラスト")).toBe("High contrast");
    await i18n.loadEnglish();
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });
});

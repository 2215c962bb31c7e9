// The pages a bidder meets without a visit (issue 11 item 7: closed R23, no reader, unavailable)
// carry the same header controls as the kiosk, held by the page itself: they start at the
// standard modes in Japanese, the controls show the modes they are given, and the page's texts
// follow the page's language (useLang under LocalAccessContext) with no kiosk actor around.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import {
  DEFAULT_OPERATING_HOURS,
  hoursSettings,
  hoursText,
  tokyoDateTimeText,
} from "@/app/_server/visit/hours";
import { AccessControls } from "@/app/_ui/AccessControls";
import { ClosedNotice, ClosedScreen } from "@/app/_ui/screens/Closed";
import { NoReaderNotice, NoReaderScreen } from "@/app/_ui/screens/NoReader";
import { UnavailableNotice, UnavailableScreen } from "@/app/_ui/screens/Unavailable";
import { StandaloneShell } from "@/app/_ui/StandaloneShell";
import type { AccessHandle } from "@/app/_ui/useAccessModes";
import { LocalAccessContext } from "@/app/_ui/useLocalAccess";
import { STANDARD_ACCESS, type AccessModes } from "@/machines";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
const noop = () => {};
const handle = (access: Partial<AccessModes>): AccessHandle => ({
  access: { ...STANDARD_ACCESS, ...access },
  textSize: noop,
  contrast: noop,
  lang: noop,
});

/** A page's words as they read with the page's own language set to English. */
function inEnglish(screen: ReactElement): string {
  return renderToStaticMarkup(
    createElement(LocalAccessContext.Provider, {
      value: { ...STANDARD_ACCESS, lang: "en" },
      children: screen,
    }),
  );
}

/** Japanese left outside [brackets] and lang="ja" elements. */
function strayJapanese(html: string): string[] {
  const text = html
    .replace(/<([a-z]+)[^>]*lang="ja"[^>]*>[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/\[[^\]]*\]/g, "");
  return text.split("\n").filter((line) => JAPANESE.test(line));
}

/** aria-pressed of the header button whose text is `label`. */
function pressed(html: string, label: string): string | undefined {
  return html.match(new RegExp(`aria-pressed="(true|false)"[^>]*>${label}</button>`))?.[1];
}

describe("the access controls outside a visit (issue 11 item 7)", () => {
  it("closed (R23), no-reader and unavailable pages start at 標準, no 高コントラスト, in Japanese with the English switch", () => {
    const pages = [
      createElement(ClosedScreen, {
        reason: "notOpened",
        hours: "平日 8:30〜20:00（土日祝日を除く）",
        nextOpening: null,
      }),
      createElement(NoReaderScreen),
      createElement(UnavailableScreen),
    ];
    for (const page of pages) {
      const html = renderToStaticMarkup(page);
      expect(html).toContain('role="group" aria-label="文字サイズ"');
      expect(pressed(html, "標準")).toBe("true");
      expect(pressed(html, "大")).toBe("false");
      expect(pressed(html, "特大")).toBe("false");
      expect(pressed(html, "高コントラスト")).toBe("false");
      expect(html).toContain('<button type="button" lang="en">English</button>');
      expect(html).toContain("埼玉県");
    }
  });

  it("the controls show the modes they are given, and in English name themselves in English", () => {
    const html = renderToStaticMarkup(
      createElement(AccessControls, {
        modes: handle({ textSize: "xlarge", highContrast: true, lang: "en" }),
      }),
    );
    expect(html).toContain('aria-label="Text size"');
    expect(pressed(html, "Extra large")).toBe("true");
    expect(pressed(html, "Standard")).toBe("false");
    expect(pressed(html, "High contrast")).toBe("true");
    // the way back names Japanese in Japanese
    expect(html).toContain('<button type="button" lang="ja">日本語</button>');
    expect(strayJapanese(html)).toEqual([]);
  });

  it("R23: the closed page's words read in English in the page's English, hours and next opening translated", () => {
    const hours = `${hoursText(hoursSettings({ OPERATING_HOURS: DEFAULT_OPERATING_HOURS, CLOSED_DAYS: "" }))}（土日祝日を除く）`;
    const nextOpening = tokyoDateTimeText(new Date("2026-11-27T08:30:00+09:00"));
    const notOpened = inEnglish(
      createElement(ClosedNotice, { reason: "notOpened", hours, nextOpening: null }),
    );
    expect(notOpened).toContain("The kiosk is not open yet.");
    expect(notOpened).toContain("For staff");
    expect(strayJapanese(notOpened)).toEqual([]);
    const closedDay = inEnglish(createElement(ClosedNotice, { reason: "closedDay", hours, nextOpening }));
    expect(closedDay).toContain("The kiosk is closed now");
    expect(closedDay).toContain("The kiosk is closed today.");
    expect(closedDay).toMatch(/Opens next: Fri(day)? 27 November, 8:30/);
    expect(strayJapanese(closedDay)).toEqual([]);
  });

  it("the no-reader and unavailable pages' words read in English in the page's English", () => {
    const noReader = inEnglish(createElement(NoReaderNotice));
    expect(noReader).toContain("This terminal has no IC card reader");
    expect(strayJapanese(noReader)).toEqual([]);
    const unavailable = inEnglish(createElement(UnavailableNotice));
    expect(strayJapanese(unavailable)).toEqual([]);
  });

  it("the shell's header reads Japanese until the page's own English is chosen", () => {
    const html = renderToStaticMarkup(
      createElement(StandaloneShell, { children: createElement(NoReaderNotice) }),
    );
    expect(html).toContain("電子入札共同システム");
    expect(html).toContain("この端末にはICカードリーダーがありません");
  });
});

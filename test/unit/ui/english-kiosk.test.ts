// The kiosk-level screens in English (issue 11 item 7): every message the server and the machines
// send to them has English, each message built with a value is translated with the value kept
// (minutes, tries, dates, times), and the screens rendered under a kiosk actor switched to English
// by the bidder's own event read in English, with Japanese left only in [brackets] or lang="ja".
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CARD_MESSAGES, cardFailureResult, expiryWarning, proofFailure } from "@/app/_server/card/messages";
import { NOT_A_TERMINAL_MESSAGE } from "@/app/_server/assist/terminal";
import {
  lockedMessage,
  NOT_FOUND_HINTS,
  NOT_FOUND_MESSAGE,
  successorHint,
  visitEndedMessage,
} from "@/app/_server/qualifications/search";
import { hoursText, tokyoDateTimeText } from "@/app/_server/visit/hours";
import {
  CARD_LEFT_OVER_MESSAGE,
  goodsNotOfferedMessage,
  sessionFailure,
  TERMINAL_CLOSED_MESSAGE,
} from "@/app/_server/visit/session";
import { formatKioskClock } from "@/app/_ui/clockFormat";
import { hasEnglish, translate } from "@/app/_ui/i18n/translate";
import { KioskHeader } from "@/app/_ui/KioskHeader";
import { EndScreen } from "@/app/_ui/screens/End";
import { IdleWarningDialog } from "@/app/_ui/screens/IdleWarning";
import { MenuScreen } from "@/app/_ui/screens/Menu";
import { NoReaderScreen } from "@/app/_ui/screens/NoReader";
import { PinScreen } from "@/app/_ui/screens/Pin";
import { SearchScreen } from "@/app/_ui/screens/Search";
import { SelectScreen } from "@/app/_ui/screens/Select";
import { TakeCardScreen } from "@/app/_ui/screens/TakeCard";
import { TopScreen } from "@/app/_ui/screens/Top";
import { renderInKiosk } from "./fixtures";
import { MESSAGES } from "@/machines/messages";
import { PIN_CAPPED_MESSAGE } from "@/machines/pin.cap";

const en = (ja: string) => translate("en", ja);
const noop = () => {};
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

describe("English for the kiosk-level messages (issue 11 item 7)", () => {
  it("has English for every message of MESSAGES and CARD_MESSAGES", () => {
    const missing = [...Object.values(MESSAGES), ...Object.values(CARD_MESSAGES)].filter(
      (m) => !hasEnglish(m),
    );
    expect(missing).toEqual([]);
  });

  it("R11, R14: has English for the generic search failure and its checklist", () => {
    expect([NOT_FOUND_MESSAGE, ...NOT_FOUND_HINTS].filter((m) => !hasEnglish(m))).toEqual([]);
  });

  it("has English for the visit's start refusals and the staff call's answer", () => {
    const messages = [
      sessionFailure().message,
      TERMINAL_CLOSED_MESSAGE,
      CARD_LEFT_OVER_MESSAGE,
      NOT_A_TERMINAL_MESSAGE,
    ];
    expect(messages.filter((m) => !hasEnglish(m))).toEqual([]);
  });

  it("R11: the timed lock keeps its minutes, and the visit's end its count", () => {
    expect(en(lockedMessage(12))).toBe(
      "The search failed several times in a row, so it is paused. Please try again in about 12 minutes, or ask a member of staff.",
    );
    expect(en(lockedMessage(1))).toContain("about 1 minute,");
    expect(en(visitEndedMessage(5))).toContain("The search failed 5 times, so this visit ends.");
  });

  it("R15: the successor's user ID stays in the English hint", () => {
    expect(en(successorHint("2000000009"))).toBe(
      "New User ID [ユーザID]: 2000000009 (issued when the qualification was applied for again)",
    );
  });

  it("R20: the agency without goods e-bidding keeps its recorded name, in brackets", () => {
    expect(en(goodsNotOfferedMessage("熊谷市"))).toBe(
      "Goods [物品等] e-bidding is not offered by this agency [熊谷市].",
    );
  });

  it("R30, R33: wrong-PIN answers keep the tries left; the cap keeps its count", () => {
    const two = cardFailureResult({ code: "pinIncorrect", pin: { retriesLeft: 2 } } as never);
    expect(en(two.message)).toBe("The PIN is not correct. 2 more wrong PINs lock the IC card.");
    const last = cardFailureResult({ code: "pinIncorrect", pin: { finalTry: true } } as never);
    expect(en(last.message)).toContain("1 try left");
    expect(en(PIN_CAPPED_MESSAGE)).toMatch(/^The PIN was wrong \d+ times in a row\./);
  });

  it("R18: certificate dates read as English dates", () => {
    const notAfter = new Date("2026-12-06T05:00:00Z");
    expect(en(proofFailure({ code: "expired", notAfter }).message)).toContain("expired on 6 December 2026");
    expect(en(proofFailure({ code: "notYetValid", notBefore: notAfter }).message)).toContain(
      "valid from 6 December 2026",
    );
    expect(en(expiryWarning(notAfter, 12))).toBe(
      "This IC card expires in 12 days (on 6 December 2026). Please consider getting a new IC card soon.",
    );
    expect(en(expiryWarning(notAfter, 0))).toContain("expires today (6 December 2026)");
  });

  it("R23: the closed screen's hours and next opening read in English, times kept", () => {
    const hours = `${hoursText({ opensAtMinute: 510, closesAtMinute: 1200 } as never)}（土日祝日・年末年始を除く）`;
    expect(en(hours)).toBe(
      "Weekdays 8:30–20:00 (except weekends, public holidays and the year-end holidays)",
    );
    // 2026-11-27 is a Friday; 8:30 in Tokyo
    expect(en(tokyoDateTimeText(new Date("2026-11-26T23:30:00Z")))).toBe("Friday 27 November, 8:30");
  });

  it("shows the header clock as an English date and a 24-hour time", () => {
    const at = new Date("2026-12-06T05:05:00Z");
    expect(formatKioskClock(at, "en")).toBe("6 December 2026 14:05");
    expect(formatKioskClock(at)).toBe("2026年12月06日 14時05分");
  });
});

/** The text a bidder sees, without what is allowed to stay Japanese (brackets, lang="ja"). */
function strayJapanese(html: string): string[] {
  const text = html
    .replace(/<([a-z]+)[^>]*lang="ja"[^>]*>[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/\[[^\]]*\]/g, "");
  return text.split("\n").filter((line) => JAPANESE.test(line));
}

describe("the kiosk-level screens in English mode (issue 11 item 7)", () => {
  const agencies = [
    { code: "110000", name: "埼玉県", goods: true },
    { code: "112020", name: "熊谷市", goods: false },
  ];

  it("1 調達機関・業務選択: English, with agency names marked Japanese", () => {
    const html = renderInKiosk(
      "en",
      createElement(SelectScreen, { agencies, error: null, busy: false, onSubmit: noop }),
    );
    expect(html).toContain("Choose the contracting agency and the business kind (for bidders)");
    expect(html).toContain("Contracting agency [調達機関]");
    expect(html).toContain("Goods [物品等]");
    expect(strayJapanese(html)).toEqual([]);
  });

  it("the same screen stays Japanese in Japanese mode", () => {
    const html = renderInKiosk(
      "ja",
      createElement(SelectScreen, { agencies, error: null, busy: false, onSubmit: noop }),
    );
    expect(html).toContain("調達機関を選択していずれかのボタンを押してください。");
    expect(html).not.toContain("Contracting agency");
  });

  it("1: a server message on screen 1 is shown in English", () => {
    const html = renderInKiosk(
      "en",
      createElement(SelectScreen, { agencies, error: MESSAGES.resumed, busy: false, onSubmit: noop }),
    );
    expect(html).toContain("The kiosk has resumed.");
  });

  it("3 受注者トップ and 4 利用者登録メニュー read in English", () => {
    const top = renderInKiosk(
      "en",
      createElement(TopScreen, { now: new Date("2026-12-06T05:05:00Z"), onProceed: noop }),
    );
    expect(top).toContain("6 December 2026 14:05");
    expect(top).toContain("Start user registration [利用者登録処理]");
    expect(strayJapanese(top)).toEqual([]);
    const menu = renderInKiosk(
      "en",
      createElement(MenuScreen, { onRegister: noop, onChange: noop, onRenewal: noop }),
    );
    expect(menu).toContain("Register [登録]");
    expect(menu).toContain("IC card renewal [ICカード更新]");
  });

  it("R11: 検索 shows the lock in English with its minutes, the agency marked Japanese", () => {
    const html = renderInKiosk(
      "en",
      createElement(SearchScreen, {
        agencyName: "埼玉県",
        kind: "construction",
        searching: false,
        failure: { ok: false, code: "locked", message: lockedMessage(7) },
        onSubmit: noop,
        onBack: noop,
      }),
    );
    expect(html).toContain("Please try again in about 7 minutes");
    expect(html).toContain('<span lang="ja">埼玉県</span>');
    expect(html).toContain("User ID [ユーザID]");
    expect(strayJapanese(html)).toEqual([]);
  });

  it("R30: the PIN screen says the tries left in English", () => {
    const failure = cardFailureResult({ code: "pinIncorrect", pin: { retriesLeft: 1 } } as never);
    const html = renderInKiosk(
      "en",
      createElement(PinScreen, {
        title: "PIN番号入力",
        waitingForCard: false,
        verifying: false,
        error: failure as never,
        onSubmit: noop,
        onCancel: noop,
      }),
    );
    expect(html).toContain("Tries left: 1");
    expect(html).toContain("Caution: one more wrong PIN locks the IC card");
    expect(html).toContain("Please enter your PIN.");
    expect(html).toContain("Delete");
  });

  it("R31, R32: 終了画面, ICカードをお取りください and the idle countdown read in English", () => {
    const end = renderInKiosk("en", createElement(EndScreen, { reason: "cardRemoved" }));
    expect(end).toContain("The procedure was stopped because the IC card was removed.");
    expect(strayJapanese(end)).toEqual([]);
    const take = renderInKiosk("en", createElement(TakeCardScreen));
    expect(take).toContain("Please take your IC card");
    expect(strayJapanese(take)).toEqual([]);
    const idle = renderInKiosk("en", createElement(IdleWarningDialog, { remaining: 9, onContinue: noop }));
    expect(idle).toMatch(/With no activity, in<strong[^>]*> 9 <\/strong>seconds/);
  });

  it("the header takes the language as a prop; the no-reader page starts in Japanese", () => {
    const header = renderToStaticMarkup(createElement(KioskHeader, { lang: "en" }));
    expect(header).toContain("Saitama Prefecture");
    expect(renderToStaticMarkup(createElement(NoReaderScreen))).toContain(
      "この端末にはICカードリーダーがありません",
    );
  });
});

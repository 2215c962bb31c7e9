// Static renders of the kiosk's fixed screens, dialogs and error pages.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import KioskError from "@/app/error";
import NotFound from "@/app/not-found";
import { EndScreen } from "@/app/_ui/screens/End";
import { EntryScreen } from "@/app/_ui/screens/Entry";
import { IdleWarningDialog } from "@/app/_ui/screens/IdleWarning";
import { LogoutDialog } from "@/app/_ui/screens/LogoutDialog";
import { MenuScreen } from "@/app/_ui/screens/Menu";
import { PinScreen } from "@/app/_ui/screens/Pin";
import { TopScreen } from "@/app/_ui/screens/Top";

const noop = () => {};

describe("PinScreen", () => {
  const props = { title: "PIN番号入力", verifying: false, onSubmit: noop, onCancel: noop };

  it("asks for the card first, without a keypad", () => {
    const html = renderToStaticMarkup(<PinScreen {...props} waitingForCard error={null} />);
    expect(html).toContain("ICカードをカードリーダーに差し込んでください");
    expect(html).not.toContain("PIN番号を入力してください。");
    expect(html).not.toContain("訂正");
  });

  it("shows the keypad, the 【PIN 番号】 note and a wrong PIN with the tries left (R30)", () => {
    const error = {
      ok: false as const,
      code: "pinIncorrect" as const,
      message: "PIN番号が違います。",
      retriesLeft: 2,
    };
    const html = renderToStaticMarkup(<PinScreen {...props} waitingForCard={false} error={error} />);
    expect(html).toContain("PIN番号を入力してください。");
    expect(html).toContain("PIN番号が違います。");
    expect(html).toContain("残り入力回数：2回");
    expect(html).toContain("【PIN 番号】");
    for (const key of ["0", "9", "訂正", "クリア", "OK", "キャンセル"])
      expect(html).toContain(`>${key}</button>`);
  });

  it("shows the final try when the card says so without a count", () => {
    const error = {
      ok: false as const,
      code: "pinIncorrect" as const,
      message: "PIN番号が違います。",
      finalTry: true,
    };
    const html = renderToStaticMarkup(<PinScreen {...props} waitingForCard={false} error={error} />);
    expect(html).toContain("残り入力回数：1回");
  });
});

describe("fixed screens", () => {
  it("Top offers 利用者登録処理 only once the clock is shown", () => {
    expect(renderToStaticMarkup(<TopScreen now={null} onProceed={noop} />)).not.toContain("利用者登録処理");
    const html = renderToStaticMarkup(<TopScreen now={new Date("2026-11-26T06:45:00Z")} onProceed={noop} />);
    expect(html).toContain("2026年11月26日 15時45分");
    expect(html).toContain(">利用者登録処理</button>");
  });

  it("Entry shows 電子入札 but not as an active choice", () => {
    const html = renderToStaticMarkup(<EntryScreen onUserRegistration={noop} />);
    expect(html).toMatch(/<button type="button" disabled=""[^>]*>電子入札<\/button>/);
    expect(html).toMatch(/<button type="button" class="primary">利用者登録<\/button>/);
  });

  it("Menu marks ICカード更新 as a feature not normally used", () => {
    const html = renderToStaticMarkup(<MenuScreen onRegister={noop} onChange={noop} onRenewal={noop} />);
    for (const label of ["登録", "変更", "ICカード更新"]) expect(html).toContain(`>${label}</button>`);
    expect(html).toContain("※通常は使用しない機能です。");
    expect(html).toContain("複数の調達機関（団体）に参加希望している場合");
  });

  it("End says why the flow ended, without thanks for a visit the card pulled short (R31)", () => {
    const html = renderToStaticMarkup(<EndScreen reason="cardRemoved" />);
    expect(html).not.toContain("ご利用ありがとうございました。");
    expect(html).toContain("ICカードが取り出されたため");
    expect(html).toContain("お手続きは完了していません");
  });
});

describe("dialogs", () => {
  it("are modal dialogs named by their title", () => {
    for (const html of [
      renderToStaticMarkup(<LogoutDialog onConfirm={noop} onCancel={noop} />),
      renderToStaticMarkup(<IdleWarningDialog remaining={12} onContinue={noop} />),
    ]) {
      const labelledBy = /role="dialog" aria-modal="true" aria-labelledby="([^"]+)"/.exec(html)?.[1];
      expect(labelledBy).toBeDefined();
      expect(html).toContain(`<h2 id="${labelledBy}">`);
    }
  });

  it("logout asks ログアウトしますか？ with OK / キャンセル", () => {
    const html = renderToStaticMarkup(<LogoutDialog onConfirm={noop} onCancel={noop} />);
    expect(html).toContain("ログアウトしますか？");
    expect(html).toContain(">OK</button>");
    expect(html).toContain(">キャンセル</button>");
  });

  it("the idle warning shows the seconds left and 操作を続ける", () => {
    const html = renderToStaticMarkup(<IdleWarningDialog remaining={12} onContinue={noop} />);
    expect(html).toMatch(/role="timer">\s*12\s*<\/strong>/);
    expect(html).toContain(">操作を続ける</button>");
  });
});

describe("error pages", () => {
  it("never show the error's message or stack", () => {
    const error = Object.assign(new Error("SELECT secret FROM bidders"), {
      stack: "at secretFunction (x.ts:1)",
    });
    const html = renderToStaticMarkup(<KioskError error={error} reset={noop} />);
    expect(html).toContain("エラーが発生しました");
    expect(html).toContain(">最初の画面に戻る</button>");
    expect(html).not.toContain("secret");
  });

  it("not-found links back to the start", () => {
    const html = renderToStaticMarkup(<NotFound />);
    expect(html).toContain("ページが見つかりません");
    expect(html).toMatch(/<a[^>]*href="\/"[^>]*>最初の画面に戻る<\/a>/);
  });
});

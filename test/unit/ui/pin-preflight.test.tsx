// The PIN screen's pre-flight facts and warnings, and the refusals that stop before any PIN (issue 3).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CardFacts } from "@/app/_shared/contracts";
import { PinScreen } from "@/app/_ui/screens/Pin";
import { RefusedScreen } from "@/app/_ui/screens/Refused";

const noop = () => {};
const facts: CardFacts = {
  holderName: "埼玉 太郎",
  companyOnCard: "株式会社さいたま建設",
  issuer: "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
  serialHex: "1a2b",
  notBefore: "2026-01-01T00:00:00.000Z",
  notAfter: "2026-12-16T03:00:00.000Z",
  daysLeft: 20,
};
const props = {
  title: "PIN番号入力",
  waitingForCard: false,
  verifying: false,
  onSubmit: noop,
  onCancel: noop,
};

describe("PinScreen with the pre-flight check", () => {
  it("says the card is being checked, without a keypad yet", () => {
    const html = renderToStaticMarkup(<PinScreen {...props} inspecting error={null} />);
    expect(html).toContain("ICカードの内容を確認しています");
    expect(html).not.toContain(">OK</button>");
  });

  it("shows holder, company on card, issuer and expiry before the PIN, with the notices", () => {
    const notice = "このICカードの有効期限は残り20日です（2026年12月16日まで）。";
    const html = renderToStaticMarkup(<PinScreen {...props} error={null} facts={facts} notices={[notice]} />);
    for (const text of [
      "ICカード取得者氏名",
      "埼玉 太郎",
      "ICカード企業名称",
      "株式会社さいたま建設",
      "証明書発行者",
      "OU=Demo Organization CA U8,O=LGPKI-DEMO,C=JP",
      "証明書有効期限",
      "2026/12/16",
      notice,
    ])
      expect(html).toContain(text);
    expect(html.indexOf("埼玉 太郎")).toBeLessThan(html.indexOf(">OK</button>"));
  });

  it("warns in its own box before the last try when the card reports final try", () => {
    const error = {
      ok: false as const,
      code: "pinIncorrect" as const,
      message: "PIN番号が正しくありません。",
      finalTry: true,
    };
    const html = renderToStaticMarkup(<PinScreen {...props} error={error} facts={facts} />);
    expect(html).toContain('data-testid="final-try"');
    expect(html).toContain("次にPIN番号を間違えるとICカードがロックされ");
    expect(html.indexOf("final-try")).toBeLessThan(html.indexOf(">OK</button>"));
  });

  it("has no final-try box for an ordinary wrong PIN", () => {
    const error = {
      ok: false as const,
      code: "pinIncorrect" as const,
      message: "違います。",
      retriesLeft: 2,
    };
    expect(renderToStaticMarkup(<PinScreen {...props} error={error} />)).not.toContain("final-try");
  });
});

describe("RefusedScreen for cards stopped before the PIN", () => {
  it("names the card it refused", () => {
    const failure = {
      ok: false as const,
      code: "untrusted",
      message: "利用できる認証局が発行したものではありません。",
    };
    const html = renderToStaticMarkup(<RefusedScreen failure={failure} card={facts} onBack={noop} />);
    expect(html).toContain("このICカードは使用できません");
    expect(html).toContain("埼玉 太郎");
    expect(html).toContain("証明書発行者");
  });

  it("titles the kiosk's PIN stop and keeps its guidance", () => {
    const failure = {
      ok: false as const,
      code: "pinCapped",
      message: "これ以上のPIN番号の入力はお受けできません。",
      hints: ["PIN通知書等をご確認ください。"],
    };
    const html = renderToStaticMarkup(<RefusedScreen failure={failure} onBack={noop} />);
    expect(html).toContain("PIN番号の入力を中止しました");
    expect(html).toContain("PIN通知書等をご確認ください。");
  });
});

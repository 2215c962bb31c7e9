import { describe, expect, it } from "vitest";
import { cardFailureResult, expiryWarning, proofFailure } from "@/app/_server/card/messages";
import { tokyoDateKanji as formatJapaneseDate } from "@/app/_shared/tokyo-time";

describe("card failures in the manual's words (R30)", () => {
  it("counts down the PIN tries left", () => {
    expect(
      cardFailureResult({
        code: "pinIncorrect",
        pin: { countLow: true, finalTry: false, locked: false, retriesLeft: 2 },
      }),
    ).toMatchObject({
      code: "pinIncorrect",
      message: "PIN番号が正しくありません。残り 2 回間違えるとICカードがロックされます。",
      retriesLeft: 2,
      countLow: true,
      finalTry: false,
    });
  });

  it("warns before the final try", () => {
    expect(
      cardFailureResult({
        code: "pinIncorrect",
        pin: { countLow: true, finalTry: true, locked: false, retriesLeft: null },
      }),
    ).toMatchObject({
      code: "pinIncorrect",
      message: "PIN番号が正しくありません。次に間違えるとICカードがロックされます（残り1回）。",
      finalTry: true,
      retriesLeft: 1,
    });
  });

  it("says only that the PIN was wrong when the card reports nothing", () => {
    const result = cardFailureResult({ code: "pinIncorrect" });
    expect(result).toMatchObject({
      code: "pinIncorrect",
      message: "PIN番号が正しくありません。もう一度入力してください。",
    });
    expect(result.retriesLeft).toBeUndefined();
  });

  it("sends a locked card to the certificate authority, however the lock was reported", () => {
    const locked = "ICカードがロックされています。認証局にお問い合わせください。";
    expect(cardFailureResult({ code: "pinLocked" })).toMatchObject({ code: "pinLocked", message: locked });
    expect(
      cardFailureResult({
        code: "pinIncorrect",
        pin: { countLow: true, finalTry: false, locked: true, retriesLeft: 0 },
      }),
    ).toMatchObject({ code: "pinLocked", message: locked });
  });

  it("asks for the card, and tells a removed card and a missing reader apart", () => {
    expect(cardFailureResult({ code: "noCard" })).toMatchObject({
      code: "noCard",
      message: "ICカードをカードリーダーに差し込んでください。",
    });
    expect(cardFailureResult({ code: "cardRemoved" }).code).toBe("cardRemoved");
    expect(cardFailureResult({ code: "noReader" })).toMatchObject({
      code: "cardError",
      message: "カードリーダーが見つかりません。係員にお知らせください。",
    });
  });
});

describe("certificate refusals and the R18 warning", () => {
  const date = new Date("2026-12-16T05:00:00Z");

  it("writes dates the Japanese way on the Tokyo calendar", () => {
    expect(formatJapaneseDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027年1月1日");
  });

  it("names the expiry date of an expired card", () => {
    expect(proofFailure({ code: "expired", notAfter: date }).message).toBe(
      "有効期限が切れたICカードは使用できません（有効期限：2026年12月16日）。新しいICカードを取得してから登録してください。",
    );
  });

  it("reports a wrong key usage under the untrusted code, with its own message", () => {
    const usage = proofFailure({ code: "keyUsage" });
    expect(usage.code).toBe("untrusted");
    expect(usage.message).not.toBe(proofFailure({ code: "untrusted" }).message);
  });

  it("words the warning for days left and for the last day", () => {
    expect(expiryWarning(date, 20)).toBe(
      "このICカードの有効期限は残り20日です（2026年12月16日まで）。お早めに新しいICカードの取得をご検討ください。",
    );
    expect(expiryWarning(date, 0)).toBe(
      "このICカードの有効期限は本日（2026年12月16日）までです。お早めに新しいICカードの取得をご検討ください。",
    );
  });
});

describe("revocation refusals (R18)", () => {
  const codes = ["revoked", "crlStale", "crlInvalid", "crlUnavailable"] as const;

  it("keeps each revocation refusal under its own code with its own message", () => {
    const results = codes.map((code) => proofFailure({ code }));
    expect(results.map((r) => r.code)).toEqual([...codes]);
    expect(new Set(results.map((r) => r.message)).size).toBe(codes.length);
  });

  it("sends a revoked card to its certificate authority and a CRL problem to staff", () => {
    expect(proofFailure({ code: "revoked" }).message).toBe(
      "このICカードの電子証明書は失効しているため、使用できません。ICカードを発行した認証局にお問い合わせください。",
    );
    for (const code of ["crlStale", "crlInvalid", "crlUnavailable"] as const) {
      expect(proofFailure({ code }).message).toMatch(/失効情報（CRL）.*係員にお知らせください。$/);
    }
  });
});

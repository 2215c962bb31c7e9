// Issue 12 item 3: a real fault is answered with a 問い合わせ番号 that is also in its log line, so
// staff find the line the bidder reads out; the English screen keeps the number.
import { describe, expect, it, vi } from "vitest";
import { answerUnexpected, withReference } from "@/app/_server/log";
import { translate } from "@/app/_ui/i18n/translate";

const UNEXPECTED = "システムで問題が発生しました。お手数ですが係員にお声がけください。";

describe("問い合わせ番号 for a fault (issue 12 item 3)", () => {
  it("answers a fault with the number its log line carries, and no stack", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const answer = await answerUnexpected(
      "kiosk",
      "register",
      "warn",
      (reference: string) => ({ message: withReference(UNEXPECTED, reference) }),
      async () => {
        throw new TypeError("secret input 山田");
      },
    );
    const reference = /（問い合わせ番号: ([0-9A-F]{8})）$/.exec(answer.message)?.[1];
    expect(reference).toBeDefined();
    expect(warn).toHaveBeenCalledOnce();
    const line = String(warn.mock.calls[0]![0]);
    expect(line).toContain(`[ref ${reference}]`);
    expect(line).not.toContain("山田");
    expect(answer.message).not.toMatch(/\bat |TypeError/);
  });

  it("gives each fault its own number", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const fail = () =>
      answerUnexpected(
        "kiosk",
        "x",
        "warn",
        (r: string) => r,
        async () => {
          throw new Error("x");
        },
      );
    expect(await fail()).not.toBe(await fail());
  });

  it("has English for the fault's message, keeping its number", () => {
    expect(translate("en", withReference(UNEXPECTED, "7F3A09C2"))).toBe(
      "Something went wrong in the system. Please ask a member of staff (reference number [問い合わせ番号]: 7F3A09C2).",
    );
    expect(translate("en", "問い合わせ番号: 4099200663")).toBe(
      "Reference number [問い合わせ番号]: 4099200663",
    );
  });
});

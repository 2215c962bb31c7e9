// The staff console's error page, rendered statically like the kiosk's (flow-screens.test.tsx).
import { isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import StaffError from "@/app/staff/error";

const noop = () => {};

/** The first <button> in an element tree built of plain elements (no hooks run). */
function findButton(node: ReactNode): { onClick?: () => void } | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findButton(child as ReactNode);
      if (found) return found;
    }
    return null;
  }
  if (!isValidElement<{ children?: ReactNode; onClick?: () => void }>(node)) return null;
  if (node.type === "button") return node.props;
  return findButton(node.props.children);
}

describe("staff error page", () => {
  it("never shows the error's message or stack, offers 再試行 and the way back to /staff", () => {
    const error = Object.assign(new Error("SELECT secret FROM staff_users"), {
      stack: "at secretFunction (x.ts:1)",
      digest: "secret-digest",
    });
    const html = renderToStaticMarkup(<StaffError error={error} reset={noop} retry={noop} />);
    expect(html).toContain("エラーが発生しました");
    expect(html).toContain(">再試行</button>");
    expect(html).toMatch(/<a[^>]*href="\/staff"[^>]*>本日の受付へ戻る<\/a>/);
    expect(html).not.toContain("secret");
  });

  it("再試行 fetches the page again (retry), not only clears the boundary (reset)", () => {
    const reset = vi.fn();
    const retry = vi.fn();
    findButton(StaffError({ error: new Error("x"), reset, retry }))?.onClick?.();
    expect(retry).toHaveBeenCalledTimes(1);
    expect(reset).not.toHaveBeenCalled();
  });
});

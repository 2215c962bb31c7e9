// What a person and a screen reader get on a screen change (issue 11 item 4), shared by the
// browser suites that walk the flows: the focus on the new <h1>, the page at its top, and the PIN
// keypad wholly on the screen.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** What has the focus: the h1's text, or the tag name of whatever else holds it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.tagName === "H1" ? `h1:${active.textContent?.trim()}` : (active?.tagName ?? "none");
  });
}

/** The new screen's heading has the focus, the page is at its top and the heading is in view. */
export async function landsOn(page: Page, heading: string) {
  await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
  await expect.poll(() => focused(page)).toBe(`h1:${heading}`);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const box = await page.locator("h1").boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
}

/** OK and every key of the PIN keypad that lie outside the viewport (none, when all is well). */
export async function keypadInView(page: Page): Promise<string[]> {
  const { width, height } = page.viewportSize()!;
  const keys = page.getByRole("group", { name: "PIN番号入力キー" }).getByRole("button");
  const targets = [...(await keys.all()), page.getByRole("button", { name: "OK", exact: true })];
  expect(targets).toHaveLength(13);
  const outside: string[] = [];
  for (const target of targets) {
    const box = await target.boundingBox();
    const inside =
      box && box.x >= 0 && box.y >= 0 && box.x + box.width <= width && box.y + box.height <= height;
    if (!inside) outside.push(`${await target.innerText()} ${JSON.stringify(box)}`);
  }
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  return outside;
}

// English mode as a bidder who reads no Japanese meets it (issue 11 item 7): every visible text
// and accessible name of the kiosk is English, except the manual's terms kept in [brackets] and
// data shown as recorded (marked lang="ja": names, addresses, agencies).
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Japanese the screen shows outside […] and outside lang="ja" elements, with where it is. */
export async function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
    const outsideBrackets = (text: string) => text.replace(/\[[^\]]*\]/g, "");
    const found: string[] = [];
    const where = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""}`;
    const inJapanese = (el: Element | null) => !!el?.closest('[lang="ja"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || inJapanese(parent) || parent.closest("script, style, noscript")) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      const text = outsideBrackets(node.textContent ?? "");
      if (japanese.test(text)) found.push(`${where(parent)}: ${text.trim()}`);
    }
    // names a screen reader speaks without showing them
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (inJapanese(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name);
        if (value && japanese.test(outsideBrackets(value))) found.push(`${where(el)}[${name}]: ${value}`);
      }
    }
    return found;
  });
}

/**
 * From whatever screen is up: English on, nothing untranslated, Japanese on again — the switch
 * works from every screen and the Japanese walk of the test goes on where it was.
 */
export async function expectEnglishHere(page: Page, screen: string): Promise<void> {
  await page.getByRole("button", { name: "English", exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en");
  expect(await untranslated(page), `${screen} in English`).toEqual([]);
  await page.getByRole("button", { name: "日本語", exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === "ja");
}

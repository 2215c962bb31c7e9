// axe-core (WCAG 2.2 AA) in the kiosk page, and the header's access modes a bidder switches with
// (issue 11 item 7). axe's own source is injected into the page: no wrapper package, the same
// engine version the devDependency pins.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { root } from "./servers";

const AXE_SOURCE = fs.readFileSync(path.join(root, "node_modules/axe-core/axe.min.js"), "utf8");
const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** One line per violation: rule, impact, what it asks, and where (selectors). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> };
        }
      ).axe
        .run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
        .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes }))),
    WCAG_22_AA,
  );
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
  );
}

export type AccessMode = { name: string; size: "標準" | "大" | "特大"; highContrast: boolean };

/** 標準, 大, 特大 and 高コントラスト: the modes every screen is checked in. */
export const ACCESS_MODES: AccessMode[] = [
  { name: "標準", size: "標準", highContrast: false },
  { name: "大", size: "大", highContrast: false },
  { name: "特大", size: "特大", highContrast: false },
  { name: "高コントラスト", size: "標準", highContrast: true },
];

/** Switches with the header's buttons, as a bidder would, and waits until the page shows it. */
export async function setAccessMode(page: Page, mode: Pick<AccessMode, "size" | "highContrast">) {
  await page
    .getByRole("group", { name: "文字サイズ" })
    .getByRole("button", { name: mode.size, exact: true })
    .click();
  const contrast = page.getByRole("button", { name: "高コントラスト" });
  if ((await contrast.getAttribute("aria-pressed")) !== String(mode.highContrast)) await contrast.click();
  await expect.poll(() => contrast.getAttribute("aria-pressed")).toBe(String(mode.highContrast));
}

/** The root's data attributes and font size: what the screens are drawn with right now. */
export async function shownMode(page: Page) {
  return page.evaluate(() => ({
    textSize: document.documentElement.dataset.textSize,
    contrast: document.documentElement.dataset.contrast,
    fontSize: getComputedStyle(document.documentElement).fontSize,
  }));
}

/** The header's language switch, named in the language it switches to; waits for <html lang>. */
export async function setLanguage(page: Page, lang: "ja" | "en") {
  await page.getByRole("button", { name: lang === "en" ? "English" : "日本語", exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
}

export type ModeName = AccessMode["name"] | "English";

/**
 * axe on the screen as it is, in every mode and then in English (standard size); the violations
 * are collected per screen and mode, and the page goes back to the standard mode in Japanese.
 * `only` checks one mode; `before` runs once the mode is set, before axe (e.g. waiting for a
 * dialog that the tap on the header closed).
 */
export async function axeInEveryMode(
  page: Page,
  screen: string,
  found: string[],
  options: { only?: ModeName; before?: () => Promise<unknown> } = {},
): Promise<void> {
  const { only, before } = options;
  const check = async (name: string) => {
    await before?.();
    for (const line of await axeViolations(page)) found.push(`${screen} [${name}] ${line}`);
  };
  for (const mode of ACCESS_MODES.filter((m) => !only || m.name === only)) {
    await setAccessMode(page, mode);
    await check(mode.name);
  }
  await setAccessMode(page, ACCESS_MODES[0]!);
  if (!only || only === "English") {
    await setLanguage(page, "en");
    await check("English");
    await setLanguage(page, "ja");
  }
}

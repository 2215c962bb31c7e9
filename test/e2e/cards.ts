// Putting cards in and out of the terminal's reader during browser tests, whatever the driver:
// - simulated: the 仮想カードリーダー panel's 「挿入」/「取り出す」 buttons, as a person would;
// - pkcs11 (SoftHSM2): each demo card is a token kept in its own "cabinet" folder; inserting moves
//   the token's folder into the live SoftHSM2 token directory the kiosk's module reads, removing
//   moves it back. The kiosk's driver (PKCS11_RESCAN=reinitialize) sees the slot list change
//   exactly as it would for a card pushed into or pulled out of a reader.
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { buildSoftHsmTokens } from "@/kiosk/pki/softhsm";

export const CARD_DRIVER = process.env.E2E_CARD_DRIVER === "pkcs11" ? "pkcs11" : "simulated";

function cabinet(): { dir: string; live: string } {
  return { dir: process.env.E2E_SOFTHSM_CABINET!, live: process.env.E2E_SOFTHSM_LIVE! };
}

function tokenOf(label: string): string {
  const home = path.join(cabinet().dir, label, "tokens");
  const [token] = fs.readdirSync(home);
  if (!token) throw new Error(`the token of ${label} is not in its cabinet (still inserted?)`);
  return token;
}

/** Builds one token per card under `dir/<label>` and an empty live token directory. */
export function prepareSoftHsmCabinet(pkiDir: string, dir: string, labels: readonly string[]) {
  const live = path.join(dir, "live");
  fs.mkdirSync(live, { recursive: true, mode: 0o700 });
  for (const label of labels) buildSoftHsmTokens({ pkiDir, dir: path.join(dir, label), labels: [label] });
  const conf = path.join(dir, "live.conf");
  fs.writeFileSync(conf, `directories.tokendir = ${live}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  return { conf, cabinet: dir, live };
}

/** The card whose cabinet is empty is the one in the reader (there is one reader). */
function insertedLabel(): string | null {
  const { dir } = cabinet();
  const inReader = fs.readdirSync(dir).find((label) => {
    const home = path.join(dir, label, "tokens");
    return fs.existsSync(home) && fs.readdirSync(home).length === 0;
  });
  return inReader ?? null;
}

function pullOut(label: string): void {
  const { dir, live } = cabinet();
  for (const token of fs.readdirSync(live)) {
    fs.renameSync(path.join(live, token), path.join(dir, label, "tokens", token));
  }
}

export async function insertCard(page: Page, label: string): Promise<void> {
  if (CARD_DRIVER === "simulated") {
    await page.getByRole("button", { name: `${label} を挿入` }).click();
    return;
  }
  const inserted = insertedLabel();
  if (inserted) pullOut(inserted);
  const token = tokenOf(label);
  fs.renameSync(path.join(cabinet().dir, label, "tokens", token), path.join(cabinet().live, token));
}

export async function removeCard(page: Page, label: string): Promise<void> {
  if (CARD_DRIVER === "simulated") {
    // Right after a print, Chromium's print step (--kiosk-printing) can swallow a tap on the demo's
    // reader panel (see flows.ts logout): the reader itself says whether the card is out, and the
    // panel is tapped again if it is not — what the kiosk then does is what the caller checks.
    for (let tap = 0; tap < 3; tap++) {
      await page
        .getByRole("button", { name: `${label} を取り出す` })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      if (await simulatedReaderEmptied(page)) return;
    }
    throw new Error(`${label} is still in the simulated reader after three taps on 取り出す`);
  }
  pullOut(label);
}

async function simulatedReaderEmptied(page: Page): Promise<boolean> {
  const url = new URL("/api/sim-reader", page.url()).href;
  for (let look = 0; look < 10; look++) {
    const state = (await (await page.context().request.get(url)).json()) as { insertedLabel: string | null };
    if (state.insertedLabel === null) return true;
    await page.waitForTimeout(300);
  }
  return false;
}

/**
 * Waits until the kiosk page believes the reader holds a card (or not): its card feed marks the
 * body (app/_ui/useKioskSignals.ts), whether the event stream or a fallback poll told it.
 */
export async function cardSeen(page: Page, present: boolean): Promise<void> {
  await page.locator(`body[data-card="${present ? "present" : "absent"}"]`).waitFor({ state: "attached" });
}

/** Every test starts with an empty reader, whatever the previous one left behind. */
export async function emptyReader(context: BrowserContext, baseUrl: string): Promise<void> {
  if (CARD_DRIVER === "simulated") {
    const emptied = await context.request.post(`${baseUrl}/api/sim-reader`, { data: { action: "remove" } });
    if (emptied.status() !== 200)
      throw new Error(`could not empty the simulated reader: ${emptied.status()}`);
    return;
  }
  const inserted = insertedLabel();
  if (inserted) pullOut(inserted);
}

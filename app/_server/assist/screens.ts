import "server-only";
import type { TerminalScreenView } from "@/app/_shared/assist-contracts";
import { SCREEN_KEY, screenInfo } from "@/app/_shared/screen-hints";
import { db } from "../db";
import { kioskTerminalId } from "./terminal";

// Each terminal's current kiosk screen (issue 11 item 6): one row per terminal, overwritten on
// every screen change — cheap enough to write on each one, and nothing of the bidder in it.

/** The kiosk reports the screen it shows now; an unknown terminal or a malformed key is ignored. */
export async function reportScreen(screen: unknown, now: Date = new Date()): Promise<{ ok: boolean }> {
  const terminalId = kioskTerminalId();
  if (!terminalId || typeof screen !== "string" || !SCREEN_KEY.test(screen)) return { ok: false };
  const { label } = screenInfo(screen);
  await db().terminalScreen.upsert({
    where: { terminalId },
    create: { terminalId, screen, screenLabel: label, updatedAt: now },
    update: { screen, screenLabel: label, updatedAt: now },
  });
  return { ok: true };
}

export async function terminalScreens(now: Date = new Date()): Promise<TerminalScreenView[]> {
  const rows = await db().terminalScreen.findMany({ orderBy: { terminalId: "asc" } });
  return rows.map((r) => ({
    terminalId: r.terminalId,
    screen: r.screen,
    screenLabel: r.screenLabel,
    updatedAt: r.updatedAt.toISOString(),
    sinceSeconds: Math.max(0, Math.floor((now.getTime() - r.updatedAt.getTime()) / 1000)),
  }));
}

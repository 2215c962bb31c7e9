import "server-only";
import { z } from "@/app/_shared/zod";
import type { OpenCallView } from "@/app/_shared/assist-contracts";
import type { Failure } from "@/app/_shared/contracts";
import { SCREEN_KEY, screenInfo } from "@/app/_shared/screen-hints";
import { RECORD_ID, scrubText } from "@/app/_shared/text-policy";
import { audit } from "../audit/append";
import { db, isUniqueViolation } from "../db";
import { requireSession } from "../visit/session";
import type { StaffActor } from "../visit/terminals";
import { kioskTerminalId, NOT_A_TERMINAL_MESSAGE } from "./terminal";

// 「係員を呼ぶ」 (issue 11 item 6): a bidder asks for help from any kiosk screen; the console shows
// the call at once and staff mark it handled. A terminal has at most one open call (StaffCall.openKey
// is unique): pressing again, or two taps at once, answers the call already waiting — that is the
// rate limit, and it holds across server processes sharing the database.

export const LAST_ERROR_MAX = 200;

const callSchema = z.object({
  screen: z.string().regex(SCREEN_KEY),
  lastError: z.string().max(2000).nullish(),
});

export type StaffCallResult =
  { ok: true; callId: string; repeated: boolean } | Failure<"invalid" | "notTerminal">;

/**
 * The error line as staff may read it. It is a message the kiosk showed, but it comes from the
 * browser: runs of four or more half-width letters or digits (a PIN, a password, a user ID) are
 * masked, whatever the browser sent, so none of them can reach the database through this field.
 */
export function maskedError(text: string | null | undefined): string | null {
  if (!text) return null;
  // scrubbed first: a crafted request's control or invisible characters never reach the console
  const line = scrubText(text).normalize("NFKC").replace(/\s+/g, " ").trim();
  if (!line) return null;
  // sliced by characters, so a pair is never cut into a lone surrogate
  return Array.from(line.replace(/[A-Za-z0-9]{4,}/g, "＊＊＊＊"))
    .slice(0, LAST_ERROR_MAX)
    .join("");
}

export async function callStaff(sessionId: string | undefined, input: unknown): Promise<StaffCallResult> {
  const terminalId = kioskTerminalId();
  if (!terminalId) {
    await audit({ action: "staffCall.create", outcome: "refused", detail: { reason: "notTerminal" } });
    return { ok: false, code: "notTerminal", message: NOT_A_TERMINAL_MESSAGE };
  }
  const parsed = callSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", message: "画面の情報が正しくありません。" };
  const open = await db().staffCall.findUnique({ where: { openKey: terminalId } });
  if (open) return { ok: true, callId: open.id, repeated: true };

  // the select screen has no visit yet: the call is the terminal's then
  const session = await requireSession(sessionId, "started");
  const screen = screenInfo(parsed.data.screen);
  try {
    const call = await db().$transaction(async (tx) => {
      const row = await tx.staffCall.create({
        data: {
          terminalId,
          kioskSessionId: session?.id ?? null,
          screen: parsed.data.screen,
          screenLabel: screen.label,
          hint: screen.hint,
          lastError: maskedError(parsed.data.lastError),
          openKey: terminalId,
        },
      });
      await audit(
        {
          action: "staffCall.create",
          outcome: "ok",
          kioskSessionId: session?.id ?? null,
          detail: { screen: row.screen },
        },
        tx,
      );
      return row;
    });
    return { ok: true, callId: call.id, repeated: false };
  } catch (error) {
    // another tap won the race for this terminal's one open call: that call answers both
    if (!isUniqueViolation(error, "openKey")) throw error;
    const winner = await db().staffCall.findUnique({ where: { openKey: terminalId } });
    if (!winner) throw error;
    return { ok: true, callId: winner.id, repeated: true };
  }
}

/** Whether this terminal's call is still waiting for staff (the kiosk keeps its notice meanwhile). */
export async function openCallOfTerminal(): Promise<{ open: boolean }> {
  const terminalId = kioskTerminalId();
  if (!terminalId) return { open: false };
  const open = await db().staffCall.findUnique({ where: { openKey: terminalId }, select: { id: true } });
  return { open: open !== null };
}

/** Every terminal's open calls, oldest first: the one waiting longest is answered first. */
export async function openCalls(now: Date = new Date()): Promise<OpenCallView[]> {
  const rows = await db().staffCall.findMany({
    where: { handledAt: null },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    terminalId: r.terminalId,
    screen: r.screen,
    screenLabel: r.screenLabel,
    hint: r.hint,
    lastError: r.lastError,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    waitingSeconds: Math.max(0, Math.floor((now.getTime() - r.createdAt.getTime()) / 1000)),
  }));
}

export type HandleCallResult = { ok: true } | Failure<"notFound">;

/** Staff mark a call handled: audited with who; the kiosk's notice clears at its next poll. */
export async function handleCall(
  staff: StaffActor,
  callId: string,
  now: Date = new Date(),
): Promise<HandleCallResult> {
  // a row id or nothing: a crafted id (a lone surrogate too) never reaches the query
  if (!RECORD_ID.test(callId)) {
    return { ok: false, code: "notFound", message: "この呼び出しは既に対応済みです。" } as const;
  }
  return db().$transaction(async (tx) => {
    const done = await tx.staffCall.updateMany({
      where: { id: callId, handledAt: null },
      data: { handledAt: now, handledBy: staff.login, openKey: null },
    });
    if (done.count === 0) {
      return { ok: false, code: "notFound", message: "この呼び出しは既に対応済みです。" } as const;
    }
    const call = await tx.staffCall.findUniqueOrThrow({ where: { id: callId } });
    await audit(
      {
        action: "staffCall.handle",
        outcome: "ok",
        staffLogin: staff.login,
        kioskSessionId: call.kioskSessionId,
        detail: { callId, terminal: call.terminalId, screen: call.screen },
      },
      tx,
    );
    return { ok: true } as const;
  });
}

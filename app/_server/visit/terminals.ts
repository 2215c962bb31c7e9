import "server-only";
import type { StaffFailure } from "@/app/_shared/staff-contracts";
import { readTextField } from "@/app/_shared/text-field";
import { audit } from "../audit/append";
import { config } from "../config";
import { db, isUniqueViolation } from "../db";
import { isSameTokyoDay } from "../time";
import { hoursSettings, operatingState, type OperatingState } from "./hours";

// A terminal accepts walk-ins only after a staff member opened it, on it (TERMINAL_ID is the
// terminal this server runs on). An opening counts
//   (a) during the operating hours of the Tokyo day it was made — staff open each morning, it does
//       not come back by itself the next day;
//   (b) when it carries a reason (R23: opened outside hours for a walk-in), from the opening until
//       it is closed or OVERRIDE_MINUTES pass.
// The open row is the one whose openKey = terminalId: the unique index allows one per terminal.

export type ClosedReason = "notOpened" | "outsideHours" | "closedDay";

export type OpeningView = {
  id: string;
  openedBy: { login: string; displayName: string };
  openedAt: Date;
  overrideReason: string | null;
};

export type TerminalStatus = {
  terminalId: string;
  /** an opening exists that was not closed (it may no longer accept walk-ins: see acceptsWalkIns) */
  open: boolean;
  opening: OpeningView | null;
  hours: OperatingState;
  acceptsWalkIns: boolean;
  /** until when the opening accepts walk-ins, when it does */
  acceptsUntil: Date | null;
  /** why the kiosk shows its closed screen, when it does */
  closedReason: ClosedReason | null;
};

/** Who acts: a signed-in staff member (StaffIdentity fits). */
export type StaffActor = { id: string; login: string };

export const REASON_MAX = 200;

function settings() {
  return hoursSettings(config());
}

/** When an opening stops accepting walk-ins, or null if it does not accept them at `now`. */
function acceptsUntil(
  opening: { openedAt: Date; overrideReason: string | null },
  now: Date,
  hours: OperatingState,
): Date | null {
  const ends: number[] = [];
  if (hours.inHours && hours.closesAt && isSameTokyoDay(opening.openedAt, now))
    ends.push(hours.closesAt.getTime());
  if (opening.overrideReason) {
    const end = opening.openedAt.getTime() + config().OVERRIDE_MINUTES * 60_000;
    if (now.getTime() < end) ends.push(end);
  }
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

async function openRow(terminalId: string) {
  return db().terminalOpening.findUnique({
    where: { openKey: terminalId },
    include: { openedBy: { select: { login: true, displayName: true } } },
  });
}

export async function terminalStatus(now: Date = new Date()): Promise<TerminalStatus> {
  const terminalId = config().TERMINAL_ID;
  const hours = operatingState(now, settings());
  const row = await openRow(terminalId);
  const until = row ? acceptsUntil(row, now, hours) : null;
  const closedReason: ClosedReason | null = until
    ? null
    : !hours.operatingDay
      ? "closedDay"
      : !hours.inHours
        ? "outsideHours"
        : "notOpened";
  return {
    terminalId,
    open: row !== null,
    opening: row
      ? {
          id: row.id,
          openedBy: row.openedBy,
          openedAt: row.openedAt,
          overrideReason: row.overrideReason,
        }
      : null,
    hours,
    acceptsWalkIns: until !== null,
    acceptsUntil: until,
    closedReason,
  };
}

/** The opening a new visit runs under, or null when the terminal does not accept walk-ins now. */
export async function walkInOpeningId(now: Date = new Date()): Promise<string | null> {
  const status = await terminalStatus(now);
  return status.acceptsWalkIns ? status.opening!.id : null;
}

function conflict(message: string): StaffFailure {
  return { ok: false, code: "conflict", message };
}

/**
 * The terminal's own row, made on its first opening. Outside the opening's transaction: two
 * servers opening at once both try to insert it, and on PostgreSQL the loser's unique violation
 * would abort the whole transaction, where here it only means the row now exists.
 */
async function ensureTerminalRow(terminalId: string): Promise<void> {
  try {
    await db().terminal.upsert({ where: { id: terminalId }, create: { id: terminalId }, update: {} });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

const ALREADY_OPEN = "この端末はすでに受付を開始しています。";

export async function openTerminal(
  staff: StaffActor,
  input: { reason?: string | null },
  now: Date = new Date(),
): Promise<{ ok: true; openingId: string; override: boolean } | StaffFailure> {
  const terminalId = config().TERMINAL_ID;
  // a textarea: line breaks are kept, everything else passes the text policy (issue 12 item 2)
  const typed = readTextField("理由", input.reason ?? "", {
    required: false,
    multiline: true,
    max: REASON_MAX,
    maxMessage: `理由は${REASON_MAX}文字以内で入力してください。`,
  });
  if (!typed.ok)
    return { ok: false, code: "invalid", message: typed.message, fieldErrors: { reason: typed.message } };
  const reason = typed.value || null;
  const hours = operatingState(now, settings());
  if (!hours.inHours && !reason) {
    const message = "受付時間外に受付を開始するには、理由を入力してください。";
    return { ok: false, code: "invalid", message, fieldErrors: { reason: message } };
  }
  try {
    await ensureTerminalRow(terminalId);
    const result = await db().$transaction(async (tx) => {
      const current = await tx.terminalOpening.findUnique({ where: { openKey: terminalId } });
      if (current && acceptsUntil(current, now, hours)) return null;
      if (current) {
        // yesterday's opening nobody closed (or an expired override): it no longer lets anyone
        // in, so the new opening replaces it
        await tx.terminalOpening.update({
          where: { id: current.id },
          data: { closedAt: now, closedById: staff.id, openKey: null },
        });
      }
      const opening = await tx.terminalOpening.create({
        data: {
          terminalId,
          openKey: terminalId,
          openedById: staff.id,
          openedAt: now,
          overrideReason: reason,
        },
      });
      await audit(
        {
          action: "terminal.open",
          outcome: "ok",
          staffLogin: staff.login,
          detail: {
            terminal: terminalId,
            openingId: opening.id,
            inHours: hours.inHours,
            overrideReason: reason !== null,
            ...(current ? { replacedStaleOpening: current.id } : {}),
          },
        },
        tx,
      );
      return opening;
    });
    if (result) return { ok: true, openingId: result.id, override: reason !== null };
  } catch (error) {
    // a concurrent opening of the same terminal won the unique openKey
    if (!isUniqueViolation(error, "openKey")) throw error;
  }
  await audit({
    action: "terminal.open",
    outcome: "refused",
    staffLogin: staff.login,
    detail: { terminal: terminalId, reason: "alreadyOpen" },
  });
  return conflict(ALREADY_OPEN);
}

export async function closeTerminal(
  staff: StaffActor,
  now: Date = new Date(),
): Promise<{ ok: true; openingId: string } | StaffFailure> {
  const terminalId = config().TERMINAL_ID;
  const closed = await db().$transaction(async (tx) => {
    const current = await tx.terminalOpening.findUnique({ where: { openKey: terminalId } });
    if (!current) return null;
    const { count } = await tx.terminalOpening.updateMany({
      where: { id: current.id, openKey: terminalId },
      data: { closedAt: now, closedById: staff.id, openKey: null },
    });
    if (count !== 1) return null;
    await audit(
      {
        action: "terminal.close",
        outcome: "ok",
        staffLogin: staff.login,
        detail: { terminal: terminalId, openingId: current.id },
      },
      tx,
    );
    return current.id;
  });
  if (closed) return { ok: true, openingId: closed };
  return conflict("この端末は受付を開始していません。");
}

export type OpeningRow = OpeningView & {
  closedAt: Date | null;
  closedBy: { login: string; displayName: string } | null;
  sessions: number;
};

/** This terminal's latest openings, newest first (the staff page's list). */
export async function recentOpenings(limit = 10): Promise<OpeningRow[]> {
  const rows = await db().terminalOpening.findMany({
    // served by @@index([terminalId, openedAt])
    where: { terminalId: config().TERMINAL_ID },
    orderBy: { openedAt: "desc" },
    take: limit,
    include: {
      openedBy: { select: { login: true, displayName: true } },
      closedBy: { select: { login: true, displayName: true } },
      _count: { select: { kioskSessions: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    openedBy: r.openedBy,
    openedAt: r.openedAt,
    overrideReason: r.overrideReason,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
    sessions: r._count.kioskSessions,
  }));
}

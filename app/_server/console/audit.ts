import "server-only";
import { db } from "@/app/_server/db";
import type { Prisma } from "@/prisma/client";
import { parseDay, tokyoDayRange } from "./day";

export type AuditFilters = {
  /** Asia/Tokyo day, YYYY-MM-DD */
  date?: string;
  /** e.g. "registration." or "email.retry" */
  action?: string;
  terminal?: string;
  outcome?: "ok" | "refused" | "error";
  userId?: string;
  /** page cursor: rows with seq below this */
  before?: number;
};

export type AuditFilterField = Exclude<keyof AuditFilters, "before"> | "before";

export type ParsedAuditFilters =
  { ok: true; filters: AuditFilters } | { ok: false; fieldErrors: Partial<Record<AuditFilterField, string>> };

export const AUDIT_PAGE_SIZE = 50;

/** Checks the viewer's query string; a bad value is named at its field and nothing is listed. */
export function parseAuditFilters(input: Record<string, string | undefined>): ParsedAuditFilters {
  const fieldErrors: Partial<Record<AuditFilterField, string>> = {};
  const filters: AuditFilters = {};
  const value = (k: string) => (input[k] ?? "").trim();

  const date = value("date");
  if (date) {
    const day = parseDay(date);
    if (day) filters.date = day;
    else fieldErrors.date = "日付は 2026-11-26 の形式で、実在する日を入力してください。";
  }
  const action = value("action");
  if (action) {
    if (/^[a-zA-Z0-9._-]{1,64}$/.test(action)) filters.action = action;
    else fieldErrors.action = "操作は半角英数字とピリオドで入力してください（例: registration.）。";
  }
  const terminal = value("terminal");
  if (terminal) {
    // the same shape config.ts allows for TERMINAL_ID
    if (/^[A-Za-z0-9_-]{1,32}$/.test(terminal)) filters.terminal = terminal;
    else fieldErrors.terminal = "端末名は半角英数字・-・_ の32文字以内で入力してください（例: KIOSK-01）。";
  }
  const outcome = value("outcome");
  if (outcome) {
    if (outcome === "ok" || outcome === "refused" || outcome === "error") filters.outcome = outcome;
    else fieldErrors.outcome = "結果は 成功・拒否・エラー から選んでください。";
  }
  const userId = value("userId");
  if (userId) {
    if (/^\d{10}$/.test(userId)) filters.userId = userId;
    else fieldErrors.userId = "ユーザIDは半角数字10桁で入力してください。";
  }
  const before = value("before");
  if (before) {
    const n = /^\d{1,12}$/.test(before) ? Number(before) : NaN;
    if (Number.isSafeInteger(n) && n > 0) filters.before = n;
    else fieldErrors.before = "ページの指定が正しくありません。最初のページから表示し直してください。";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, filters };
}

export type AuditRow = {
  seq: number;
  createdAt: Date;
  terminalId: string;
  staffLogin: string | null;
  action: string;
  outcome: string;
  userId: string | null;
  detail: Prisma.JsonValue;
};

export type AuditPage = {
  rows: AuditRow[];
  /** cursor for the next (older) page, or null on the last page */
  nextBefore: number | null;
};

/** The audit log, latest first, AUDIT_PAGE_SIZE rows per page (seq cursor). */
export async function listAudit(filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where: Prisma.AuditLogWhereInput = {};
  if (filters.date) {
    const { start, end } = tokyoDayRange(filters.date);
    where.createdAt = { gte: start, lt: end };
  }
  if (filters.action) where.action = { startsWith: filters.action };
  if (filters.terminal) where.terminalId = filters.terminal;
  if (filters.outcome) where.outcome = filters.outcome;
  if (filters.userId) where.userId = filters.userId;
  if (filters.before) where.seq = { lt: filters.before };
  const rows = await db().auditLog.findMany({
    where,
    orderBy: { seq: "desc" },
    take: pageSize + 1,
    select: {
      seq: true,
      createdAt: true,
      terminalId: true,
      staffLogin: true,
      action: true,
      outcome: true,
      userId: true,
      detail: true,
    },
  });
  const page = rows.slice(0, pageSize);
  return { rows: page, nextBefore: rows.length > pageSize ? page[page.length - 1]!.seq : null };
}

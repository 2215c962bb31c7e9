import "server-only";
import { db } from "@/app/_server/db";
import type { ReceiptData } from "@/app/_shared/contracts";
import { tokyoToday } from "./day";

export type TodayOperation = {
  createdAt: Date;
  number: string;
  operation: string;
  userId: string;
  kind: string;
  agencyName: string;
  /** who opened the terminal the operation ran under, when recorded */
  openedBy: { login: string; displayName: string } | null;
};

export type TerminalDay = {
  terminalId: string;
  counts: { register: number; change: number; renewal: number };
  operations: TodayOperation[];
  /** kiosk attempts the audit log recorded as refused or failed today */
  refused: number;
  errors: number;
};

export type TodayOverview = {
  day: string;
  terminals: TerminalDay[];
  totals: { register: number; change: number; renewal: number };
};

// What a walk-in does at the kiosk (not staff sign-ins, batch runs or imports on the same server).
const KIOSK_ACTIONS = ["session.", "card.", "search", "registration."];

function emptyTerminal(terminalId: string): TerminalDay {
  return {
    terminalId,
    counts: { register: 0, change: 0, renewal: 0 },
    operations: [],
    refused: 0,
    errors: 0,
  };
}

/** 本日の受付: the Tokyo day's completed operations and refused attempts, per terminal. */
export async function todayOverview(now: Date = new Date()): Promise<TodayOverview> {
  const { day, start, end } = tokyoToday(now);
  const prisma = db();
  const [receipts, failures, known] = await Promise.all([
    prisma.receipt.findMany({
      where: { createdAt: { gte: start, lt: end } },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        number: true,
        operation: true,
        kind: true,
        terminalId: true,
        data: true,
        agency: { select: { name: true } },
        terminalOpening: { select: { openedBy: { select: { login: true, displayName: true } } } },
      },
    }),
    prisma.auditLog.groupBy({
      by: ["terminalId", "outcome"],
      where: {
        createdAt: { gte: start, lt: end },
        outcome: { in: ["refused", "error"] },
        OR: KIOSK_ACTIONS.map((prefix) => ({ action: { startsWith: prefix } })),
      },
      _count: { _all: true },
    }),
    prisma.terminal.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
  ]);

  const byTerminal = new Map<string, TerminalDay>();
  const terminal = (id: string) => {
    let entry = byTerminal.get(id);
    if (!entry) byTerminal.set(id, (entry = emptyTerminal(id)));
    return entry;
  };
  for (const t of known) terminal(t.id);
  const totals = { register: 0, change: 0, renewal: 0 };
  for (const r of receipts) {
    const entry = terminal(r.terminalId);
    const data = r.data as unknown as Partial<ReceiptData> | null;
    if (r.operation === "register" || r.operation === "change" || r.operation === "renewal") {
      entry.counts[r.operation] += 1;
      totals[r.operation] += 1;
    }
    entry.operations.push({
      createdAt: r.createdAt,
      number: r.number,
      operation: r.operation,
      userId: typeof data?.userId === "string" ? data.userId : "",
      kind: r.kind,
      agencyName: r.agency.name,
      openedBy: r.terminalOpening?.openedBy ?? null,
    });
  }
  for (const f of failures) {
    const entry = terminal(f.terminalId);
    if (f.outcome === "refused") entry.refused += f._count._all;
    else entry.errors += f._count._all;
  }
  const terminals = [...byTerminal.values()].sort((a, b) => a.terminalId.localeCompare(b.terminalId));
  return { day, terminals, totals };
}

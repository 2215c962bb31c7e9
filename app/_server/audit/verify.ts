import "server-only";
import type { PrismaClient } from "@/prisma/client";
import { auditHash, auditHmac, type ChainedFields } from "./chain";
import { readAnchors, type AuditAnchor } from "./anchor";
import { auditKeyring, type AuditKeyring } from "./key";
import { db } from "../db";
import { tokyoTimestamp } from "@/app/_shared/tokyo-time";

// `npm run audit:verify` and the console's 「改ざん検査」: walks the audit chain in seq order, one
// page at a time (memory stays flat for millions of rows), and names the first row that breaks it.

export type ChainBreakReason = "hash" | "gap" | "link" | "head" | "key" | "legacy" | "anchor";

export type ChainBreak = {
  /** the seq of the broken row; for "head", the seq the chain's head says the last row has */
  seq: number;
  /** the row that shows the break (for "head": the last row still present, if any) */
  id: string | null;
  createdAt: Date | null;
  action: string | null;
  reason: ChainBreakReason;
  /** one Japanese sentence */
  message: string;
};

export type AuditChainVerification = {
  ok: boolean;
  /** rows checked */
  rows: number;
  firstBroken?: ChainBreak;
};

export const BREAK_MESSAGES: Record<ChainBreakReason, string> = {
  hash: "内容が記録時と一致しません（行が書き換えられています）。",
  gap: "直前の行が見つかりません（行が削除されています）。",
  link: "直前の行とのつながりが一致しません（行が差し替えられています）。",
  head: "最後に記録された行と一致しません（末尾の行が削除されたか書き換えられています）。",
  key: "この端末の知らない鍵で記録されています（鍵 ID が書き換えられたか、古い鍵が AUDIT_KEYS_OLD にありません）。",
  legacy: "鍵なしの行が鍵付きの行より後にあります（鍵を使わずに作り直された行です）。",
  anchor: "外部に記録したアンカーと一致しません（アンカーの後で行が作り直されています）。",
};

type Client = Pick<PrismaClient, "auditLog" | "auditChainHead" | "$transaction">;

type Last = { seq: number; hash: string; id: string; createdAt: Date; action: string };

/**
 * A row's own hash check: keyed rows by their key (an unknown key id is a break), legacy rows
 * (keyId null, plain SHA-256 from before the key) only before the first keyed row — a legacy row
 * after a keyed one is how rows rehashed without the key would look.
 */
function rowHashBreak(
  row: ChainedFields & { keyId: string | null; hash: string },
  keyring: AuditKeyring,
  keyedSeen: boolean,
): ChainBreakReason | null {
  if (row.keyId === null) {
    if (keyedSeen) return "legacy";
    return auditHash(row) === row.hash ? null : "hash";
  }
  const key = keyring.byId.get(row.keyId);
  if (!key) return "key";
  return auditHmac(row, key) === row.hash ? null : "hash";
}

export async function verifyAuditChain(
  client: Client = db(),
  options: { pageSize?: number; keyring?: AuditKeyring; anchors?: AuditAnchor[] } = {},
): Promise<AuditChainVerification> {
  const pageSize = options.pageSize ?? 2000;
  const keyring = options.keyring ?? auditKeyring();
  // seq → hash the anchor file recorded (seq 0: an empty chain, nothing to hold to)
  const anchored = new Map(
    (options.anchors ?? readAnchors()).filter((a) => a.seq > 0).map((a) => [a.seq, a.hash]),
  );
  let rows = 0;
  let last: Last | null = null;
  let keyedSeen = false;
  // Walk up to the head's seq; rows appended meanwhile move the head on, and are walked too.
  let limit = (await client.auditChainHead.findUnique({ where: { id: 1 } }))?.seq ?? 0;

  for (;;) {
    for (;;) {
      const after: number = last?.seq ?? 0;
      const page = await client.auditLog.findMany({
        where: { seq: { gt: after, lte: limit } },
        orderBy: { seq: "asc" },
        take: pageSize,
      });
      for (const row of page) {
        const broken = (reason: ChainBreakReason): AuditChainVerification => ({
          ok: false,
          rows,
          firstBroken: {
            seq: row.seq,
            id: row.id,
            createdAt: row.createdAt,
            action: row.action,
            reason,
            message: BREAK_MESSAGES[reason],
          },
        });
        const expectedSeq: number = (last?.seq ?? 0) + 1;
        if (row.seq !== expectedSeq) return broken("gap");
        if (row.prevHash !== (last?.hash ?? "")) return broken("link");
        // the hash functions pick the chained fields themselves; id and hash are not among them
        const hashBreak = rowHashBreak(row, keyring, keyedSeen);
        if (hashBreak) return broken(hashBreak);
        if ((anchored.get(row.seq) ?? row.hash) !== row.hash) return broken("anchor");
        keyedSeen ||= row.keyId !== null;
        rows += 1;
        last = { seq: row.seq, hash: row.hash, id: row.id, createdAt: row.createdAt, action: row.action };
      }
      if (page.length < pageSize) break;
    }

    // The head and "rows after what we walked" read together (one transaction: a concurrent
    // append commits both its row and the head, or neither, as far as we can see).
    const walked: number = Math.max(limit, last?.seq ?? 0);
    const [head, beyond] = await client.$transaction([
      client.auditChainHead.findUnique({ where: { id: 1 } }),
      client.auditLog.findFirst({ where: { seq: { gt: walked } }, orderBy: { seq: "asc" } }),
    ]);
    if (head && beyond && head.seq > walked) {
      limit = head.seq; // appended while we walked: check those too
      continue;
    }
    const result = headCheck(rows, last, head, beyond);
    return result.ok ? anchorsReached(result, last, anchored) : result;
  }
}

/** An anchor beyond the chain's last row: rows were cut off after the anchor and the head moved back. */
function anchorsReached(
  result: AuditChainVerification,
  last: Last | null,
  anchored: Map<number, string>,
): AuditChainVerification {
  const beyond = [...anchored.keys()].filter((seq) => seq > (last?.seq ?? 0)).sort((a, b) => a - b)[0];
  if (beyond === undefined) return result;
  return {
    ok: false,
    rows: result.rows,
    firstBroken: {
      seq: beyond,
      id: last?.id ?? null,
      createdAt: last?.createdAt ?? null,
      action: last?.action ?? null,
      reason: "anchor",
      message: `${BREAK_MESSAGES.anchor} アンカーは seq ${beyond} を記録していますが、最後の行は seq ${last?.seq ?? 0} です。`,
    },
  };
}

/** The head must point at the last row: a deleted tail leaves every remaining link intact. */
function headCheck(
  rows: number,
  last: Last | null,
  head: { seq: number; hash: string } | null,
  beyond: { seq: number; id: string; createdAt: Date; action: string } | null,
): AuditChainVerification {
  const lastSeq = last?.seq ?? 0;
  const lastHash = last?.hash ?? "";
  if (head && !beyond && head.seq === lastSeq && head.hash === lastHash) return { ok: true, rows };
  const message = !head
    ? "監査ログの先頭情報（AuditChainHead）がありません。"
    : beyond
      ? `先頭情報（seq ${head.seq}）より後に行があります（先頭情報が書き換えられています）。`
      : `${BREAK_MESSAGES.head} 記録上の最後は seq ${head.seq}、残っている最後の行は seq ${lastSeq} です。`;
  const row = beyond ?? last;
  return {
    ok: false,
    rows,
    firstBroken: {
      seq: beyond ? beyond.seq : (head?.seq ?? lastSeq),
      id: row?.id ?? null,
      createdAt: row?.createdAt ?? null,
      action: row?.action ?? null,
      reason: "head",
      message,
    },
  };
}

/** "監査ログ 1234 行: 改ざんなし" or "seq 17 (id …, 2026-11-26 10:31:02 session.start): …" */
export function describeVerification(result: AuditChainVerification): string {
  if (result.ok || !result.firstBroken) return `監査ログ ${result.rows} 行: 改ざんなし`;
  const b = result.firstBroken;
  const where = [
    b.id ? `id ${b.id}` : null,
    b.createdAt ? `${tokyoTimestamp(b.createdAt)} ${b.action ?? ""}`.trim() : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `監査ログ: seq ${b.seq}${where ? ` (${where})` : ""}: ${b.message} [${b.reason}]`;
}

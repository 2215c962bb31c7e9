import "server-only";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { Prisma } from "@/prisma/client";
import { canonicalJson } from "../audit/chain";
import { key, mapLimit } from "./batches";
import type { DatabaseView, Existing } from "./checks";
import type { CompanyInfo } from "@/app/_shared/contracts";
import type { CsvRow } from "./row";

// What each checked row changes: a new qualification, the changed fields of a stored one, or
// nothing. Passwords are hashed here, before (and outside) the write transaction.

/** argon2 runs on libuv's pool; a few at a time keeps the server responsive during a big import */
const HASH_CONCURRENCY = 4;

export type Plan =
  | {
      type: "create";
      row: CsvRow;
      data: Omit<Prisma.QualificationUncheckedCreateInput, "agencies">;
      agencyIds: string[];
    }
  | {
      type: "update";
      row: CsvRow;
      id: string;
      data: Prisma.QualificationUncheckedUpdateInput;
      agencyIds: string[] | null;
    }
  | { type: "unchanged"; row: CsvRow };

/** Plans every row (in file order). Every row has passed checkAgainstDatabase. */
export function planRows(rows: CsvRow[], { agencyId, existing }: DatabaseView, now: Date): Promise<Plan[]> {
  return mapLimit(rows, HASH_CONCURRENCY, (row) =>
    plan(row, existing.get(key(row.userId, row.kind)), agencyId, now),
  );
}

function sameCompany(stored: unknown, next: CompanyInfo | null): boolean {
  if (stored === null || stored === undefined) return next === null;
  return next !== null && canonicalJson(stored) === canonicalJson(next);
}

async function plan(
  row: CsvRow,
  current: Existing | undefined,
  agencyId: Map<string, string>,
  now: Date,
): Promise<Plan> {
  const agencyIds = row.agencyCodes.map((c) => agencyId.get(c)!);
  const fields = {
    officialName: row.officialName,
    status: row.status,
    successorUserId: row.successorUserId,
    delegated: row.delegated,
    ...row.company,
  };

  if (!current) {
    // checkAgainstDatabase refused a new row without a password
    const passwordHash =
      row.password!.type === "hash" ? row.password!.hash : await argon2Hash(row.password!.plain);
    return {
      type: "create",
      row,
      agencyIds,
      data: {
        userId: row.userId,
        kind: row.kind,
        ...fields,
        passwordHash,
        passwordChangedAt: row.passwordChangedAt ?? now,
        previousCompany: row.previousCompany ?? Prisma.DbNull,
      },
    };
  }

  const data: Prisma.QualificationUncheckedUpdateInput = {};
  for (const [name, value] of Object.entries(fields) as [keyof typeof fields, string | boolean | null][]) {
    if (current[name] !== value) (data as Record<string, unknown>)[name] = value;
  }
  if (!sameCompany(current.previousCompany, row.previousCompany)) {
    data.previousCompany = row.previousCompany ?? Prisma.DbNull;
  }

  // the same initial password again is not a change: check it against the stored hash first
  let passwordChanged = false;
  if (row.password?.type === "hash" && row.password.hash !== current.passwordHash) {
    data.passwordHash = row.password.hash;
    passwordChanged = true;
  } else if (
    row.password?.type === "plain" &&
    !(await safeVerify(current.passwordHash, row.password.plain))
  ) {
    data.passwordHash = await argon2Hash(row.password.plain);
    passwordChanged = true;
  }
  const changedAt = row.passwordChangedAt ?? (passwordChanged ? now : null);
  if (changedAt && changedAt.getTime() !== current.passwordChangedAt.getTime())
    data.passwordChangedAt = changedAt;

  const currentAgencies = new Set(current.agencies.map((a) => a.agencyId));
  const agenciesChanged =
    currentAgencies.size !== agencyIds.length || agencyIds.some((id) => !currentAgencies.has(id));

  if (Object.keys(data).length === 0 && !agenciesChanged) return { type: "unchanged", row };
  return { type: "update", row, id: current.id, data, agencyIds: agenciesChanged ? agencyIds : null };
}

async function safeVerify(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await argon2Verify(storedHash, plain);
  } catch {
    // a stored hash argon2 cannot read: the import's password replaces it
    return false;
  }
}

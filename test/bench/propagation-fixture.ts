// A large batch of pending nightly-propagation work written straight into a migrated SQLite file
// (better-sqlite3, one transaction): `registrations` card registrations, each made at one agency
// (round robin) with its receipt and its row there, and one pending PropagationTask to each other
// agency — as 登録 writes them. Shared by the propagation benchmark and the crash test.
import type Database from "better-sqlite3";

/** The demo's 5 agencies as the benchmarks write them: code, name, 物品 (1/0). */
export const BENCH_AGENCIES = [
  ["110000", "埼玉県", 1],
  ["111007", "さいたま市", 1],
  ["112011", "川越市", 0],
  ["112020", "熊谷市", 0],
  ["112038", "川口市", 1],
] as const;

export type PropagationFixture = {
  registrations: number;
  /** pending tasks written: registrations × (agencies − 1) */
  tasks: number;
  /** AgencyRegistration rows once every task is applied: registrations × agencies */
  rowsWhenApplied: number;
};

/** DateTime as Prisma 6 writes it into SQLite (TEXT, ISO 8601 with +00:00): raw rows must match. */
export function sqliteDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

export function insertPropagationFixture(
  sqlite: Database.Database,
  opts: { registrations: number; agencyIds: readonly string[]; prefix?: string; baseTime?: number },
): PropagationFixture {
  const prefix = opts.prefix ?? "pf";
  const base = opts.baseTime ?? Date.parse("2026-11-26T00:00:00Z");
  const agencies = opts.agencyIds;
  if (agencies.length < 2) throw new Error("the fixture needs at least two agencies");
  const stamp = sqliteDate(base);
  const qualificationId = `${prefix}-q`;

  const qualification = sqlite.prepare(`INSERT INTO "Qualification" ("id","userId","kind","officialName",
    "passwordHash","passwordChangedAt","status","companyName","postalCode","address","representativeName",
    "representativeTitle","phone","fax","departmentName","delegated","createdAt","updatedAt")
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)`);
  const card =
    sqlite.prepare(`INSERT INTO "CardRegistration" ("id","qualificationId","kind","agencyId","issuer",
    "serialNumber","fingerprint","subject","notBefore","notAfter","holderName","holderAddress","companyOnCard",
    "certificatePem","contactName","postalCode","address","personName","phone","fax","email","status",
    "createdAt","updatedAt")
    VALUES (?,?,'construction',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'active',?,?)`);
  const receipt = sqlite.prepare(`INSERT INTO "Receipt" ("id","number","operation","cardRegistrationId",
    "agencyId","kind","terminalId","data","createdAt") VALUES (?,?,'register',?,?,'construction','BENCH-01','{}',?)`);
  const row = sqlite.prepare(`INSERT INTO "AgencyRegistration" ("cardRegistrationId","agencyId","reflectedAt",
    "receiptId","endedAt") VALUES (?,?,?,?,NULL)`);
  const task =
    sqlite.prepare(`INSERT INTO "PropagationTask" ("id","operation","cardRegistrationId","receiptId",
    "sourceAgencyId","targetAgencyId","status","appliedAt","batchRunId","createdAt")
    VALUES (?,'register',?,?,?,?,'pending',NULL,NULL,?)`);

  let tasks = 0;
  sqlite.transaction(() => {
    qualification.run(
      qualificationId,
      String(9_000_000_000 + (base % 1_000_000)).slice(0, 10),
      "construction",
      "株式会社ベンチ建設",
      "-",
      stamp,
      "approved",
      "株式会社ベンチ建設",
      "330-0063",
      "埼玉県さいたま市浦和区高砂3-15-1",
      "埼玉 太郎",
      "代表取締役",
      "048-000-0000",
      "048-000-0001",
      "",
      stamp,
      stamp,
    );
    for (let i = 0; i < opts.registrations; i++) {
      const at = sqliteDate(base + i);
      const source = agencies[i % agencies.length]!;
      const cardId = `${prefix}-c${i}`;
      const receiptId = `${prefix}-r${i}`;
      card.run(
        cardId,
        qualificationId,
        source,
        "CN=Bench CA",
        `${prefix}${i.toString(16)}`,
        `${prefix}-fp${i}`,
        `CN=ベンチ 太郎 ${i}`,
        stamp,
        sqliteDate(base + 2 * 365 * 86_400_000),
        "ベンチ 太郎",
        "埼玉県さいたま市",
        "株式会社ベンチ建設",
        "-",
        "工事課",
        "330-0063",
        "埼玉県さいたま市浦和区高砂3-15-1",
        "ベンチ 太郎",
        "048-000-0000",
        "",
        "bench@example.jp",
        at,
        at,
      );
      receipt.run(receiptId, `${prefix}-${String(i).padStart(7, "0")}`, cardId, source, at);
      row.run(cardId, source, at, receiptId);
      let k = 0;
      for (const target of agencies) {
        if (target === source) continue;
        task.run(`${prefix}-t${i}-${k++}`, cardId, receiptId, source, target, at);
        tasks++;
      }
    }
  })();
  return {
    registrations: opts.registrations,
    tasks,
    rowsWhenApplied: opts.registrations * agencies.length,
  };
}

// The baseline's two steps: the statements the kiosk's search and register send (read off Prisma's
// query log, in the same order, RETURNING where Prisma asks for the row) through the raw driver,
// with the work between them that is not framework — the argon2 check, the audit hash — done the
// same way. Only the paths the benchmark walks are here (a match; a registration), plus the answers
// a refused or raced request gets, so a miss shows up as "not ok" instead of as a fast success.
import { randomBytes, randomUUID } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { auditHmac, keyIdOf } from "@/app/_server/audit/chain";
import { asDate, asJson, type RawDb, type Row, type Sql, type Value } from "./raw-db";

const TERMINAL_ID = process.env.TERMINAL_ID ?? "BENCH-01";
// the same work as the kiosk's keyed chain (issue 12 item 4): an HMAC, its key id on the row
const AUDIT_SECRET = randomBytes(32);
const AUDIT_KEY = { id: keyIdOf(AUDIT_SECRET), secret: AUDIT_SECRET };
const TTL_MS = 20 * 60_000;
const SEARCH_MAX_FAILURES = 5;
const SEARCH_WINDOW_MS = 15 * 60_000;

type Card = {
  fingerprint: string;
  issuer: string;
  serialHex: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  holderName: string;
  holderAddress: string;
  companyOnCard: string;
  certificatePem: string;
};
type Session = {
  id: string;
  agency: Row;
  kind: string;
  card: Card | null;
  qualificationId: string | null;
  receiptId: string | null;
  terminalOpeningId: string | null;
};
type Contact = {
  contactName: string;
  postalCode: string;
  address: string;
  personName: string;
  phone: string;
  fax: string;
  email: string;
};
export type Answer = { ok: boolean; code?: string } & Record<string, unknown>;

const refused = (code: string): Answer => ({ ok: false, code });
const name = (v: unknown) => String(v).normalize("NFKC").replace(/\s+/g, "").trim();
const contactOf = (r: Row): Contact => ({
  contactName: String(r.contactName),
  postalCode: String(r.postalCode),
  address: String(r.address),
  personName: String(r.personName),
  phone: String(r.phone),
  fax: String(r.fax),
  email: String(r.email),
});

async function requireSession(
  db: RawDb,
  id: string | undefined,
  step: "cardProven" | "qualificationMatched",
) {
  if (!id) return null;
  const now = new Date();
  const [row] = await db.all(`SELECT * FROM "KioskSession" WHERE "id" = $1 LIMIT 1`, [id]);
  if (!row) return null;
  const [agency] = await db.all(`SELECT * FROM "Agency" WHERE "id" = $1 LIMIT 1`, [row.agencyId as string]);
  if (row.endedAt || asDate(row.expiresAt) <= now || row.terminalId !== TERMINAL_ID || !agency) return null;
  const card = row.cardFingerprint && row.card ? asJson<Card>(row.card) : null;
  if (!card || (step === "qualificationMatched" && !row.qualificationId)) return null;
  await db.all(`UPDATE "KioskSession" SET "expiresAt" = $1, "updatedAt" = $2 WHERE "id" = $3 RETURNING *`, [
    new Date(now.getTime() + TTL_MS),
    now,
    id,
  ]);
  const session: Session = {
    id,
    agency,
    kind: String(row.kind),
    card,
    qualificationId: (row.qualificationId as string | null) ?? null,
    receiptId: (row.receiptId as string | null) ?? null,
    terminalOpeningId: (row.terminalOpeningId as string | null) ?? null,
  };
  return session;
}

/** The audit chain's append (app/_server/audit/append.ts): head bumped first, which serializes appends. */
async function audit(
  sql: Sql,
  entry: { action: string; outcome: string; session: string; userId: string | null; detail?: unknown },
) {
  const [head] = await sql.all(
    `UPDATE "AuditChainHead" SET "seq" = "seq" + 1 WHERE "id" = 1 RETURNING "id", "seq", "hash"`,
  );
  const row = {
    seq: Number(head!.seq),
    prevHash: String(head!.hash),
    createdAt: new Date(),
    terminalId: TERMINAL_ID,
    kioskSessionId: entry.session,
    staffLogin: null,
    action: entry.action,
    outcome: entry.outcome,
    userId: entry.userId,
  };
  const chained = auditHmac({ ...row, detail: entry.detail ?? null }, AUDIT_KEY);
  await sql.all(
    `INSERT INTO "AuditLog" ("id","seq","prevHash","hash","createdAt","terminalId","kioskSessionId","staffLogin",
       "action","outcome","userId","detail","keyId") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING *`,
    [
      randomUUID(),
      row.seq,
      row.prevHash,
      chained,
      row.createdAt,
      row.terminalId,
      row.kioskSessionId,
      null,
      row.action,
      row.outcome,
      row.userId,
      entry.detail === undefined ? null : { json: entry.detail },
      AUDIT_KEY.id,
    ],
  );
  await sql.all(`UPDATE "AuditChainHead" SET "hash" = $1 WHERE "id" = 1 RETURNING "id", "seq", "hash"`, [
    chained,
  ]);
}

let dummyHash: Promise<string> | undefined;

// the kiosk's advisory lock classes (app/_server/db.ts SERIAL_LOCKS)
const RECEIPT_NUMBER_LOCK = 7301;
const SEARCH_ATTEMPTS_LOCK = 7302;

export async function search(
  db: RawDb,
  sessionId: string | undefined,
  input: Record<string, unknown>,
): Promise<Answer> {
  const session = await requireSession(db, sessionId, "cardProven");
  if (!session) return refused("session");
  const now = new Date();
  const userId = String(input.userId);
  const since = new Date(now.getTime() - SEARCH_WINDOW_MS);
  // as the kiosk counts (R11, atomic): in turn per user ID, the attempt recorded as a failure first
  const attemptId = await db
    .tx(async (sql) => {
      await sql.lock(SEARCH_ATTEMPTS_LOCK, userId);
      const id = randomUUID();
      await sql.all(
        `INSERT INTO "SearchAttempt" ("id","userId","terminalId","succeeded","createdAt") VALUES ($1,$2,$3,$4,$5) RETURNING "id"`,
        [id, userId, TERMINAL_ID, false, now],
      );
      const failures = (column: string, value: string) =>
        sql.all(
          `SELECT "id", "createdAt" FROM "SearchAttempt" WHERE "${column}" = $1 AND "id" <> $2
           AND "succeeded" = $3 AND "createdAt" > $4 ORDER BY "createdAt" DESC LIMIT $5`,
          [value, id, false, since, SEARCH_MAX_FAILURES],
        );
      // locked: rolled back, as the kiosk's claim is; by user ID only — since R11 (issue 11) a
      // terminal is never locked, so 20 terminals' attempts in flight no longer lock each other
      if ((await failures("userId", userId)).length >= SEARCH_MAX_FAILURES) throw new Error("locked");
      return id;
    })
    .catch((error: unknown) => {
      if (error instanceof Error && error.message === "locked") return null;
      throw error;
    });
  if (!attemptId) return refused("locked");

  const [q] = await db.all(`SELECT * FROM "Qualification" WHERE "userId" = $1 AND "kind" = $2 LIMIT 1`, [
    userId,
    session.kind,
  ]);
  const links = q
    ? await db.all(
        `SELECT "qualificationId", "agencyId" FROM "QualificationAgency" WHERE "qualificationId" = $1`,
        [q.id as string],
      )
    : [];
  const [registration] = q
    ? await db.all(`SELECT * FROM "UserRegistration" WHERE "qualificationId" = $1 LIMIT 1`, [q.id as string])
    : [];
  const passwordOk = await verify(
    (q?.passwordHash as string) ?? (await (dummyHash ??= hash("not-a-real-password-0"))),
    String(input.password),
  );
  const match =
    !!q &&
    passwordOk &&
    name(input.officialName) === name(q.officialName) &&
    links.some((l) => l.agencyId === session.agency.id);
  if (match) await db.run(`UPDATE "SearchAttempt" SET "succeeded" = $1 WHERE "id" = $2`, [true, attemptId]);
  if (!q || !match) {
    await db.tx((sql) =>
      audit(sql, {
        action: "search",
        outcome: "refused",
        session: session.id,
        userId,
        detail: { reason: "mismatch" },
      }),
    );
    return refused("notFound");
  }
  await db.all(
    `UPDATE "KioskSession" SET "qualificationId" = $1, "qualificationMatchedAt" = $2, "updatedAt" = $3 WHERE "id" = $4 RETURNING *`,
    [q.id as string, now, now, session.id],
  );
  await db.tx((sql) => audit(sql, { action: "search", outcome: "ok", session: session.id, userId }));
  const card = session.card!;
  return {
    ok: true,
    userId,
    company: companyOf(q),
    representative: registration ? contactOf(registration) : null,
    holderCheck: {
      matches:
        name(card.companyOnCard) === name(q.officialName) &&
        name(card.holderName) === name(q.representativeName),
    },
  };
}

function companyOf(q: Row) {
  const {
    companyName,
    postalCode,
    address,
    representativeName,
    representativeTitle,
    phone,
    fax,
    departmentName,
  } = q;
  return {
    companyName,
    postalCode,
    address,
    representativeName,
    representativeTitle,
    phone,
    fax,
    departmentName,
  };
}

const tokyoDay = (d: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(d).replace(/-/g, "");

export async function register(
  db: RawDb,
  sessionId: string | undefined,
  input: Record<string, unknown>,
): Promise<Answer> {
  const session = await requireSession(db, sessionId, "qualificationMatched");
  if (!session) return refused("session");
  if (session.receiptId) return refused("repeat");
  const now = new Date();
  const card = session.card!;
  const [q] = await db.all(`SELECT * FROM "Qualification" WHERE "id" = $1 LIMIT 1`, [
    session.qualificationId,
  ]);
  if (!q) return refused("session");
  const links = await db.all(
    `SELECT "qualificationId", "agencyId" FROM "QualificationAgency" WHERE "qualificationId" = $1`,
    [q.id as string],
  );
  const agencies = await db.all(
    `SELECT * FROM "Agency" WHERE "id" IN (${links.map((_, i) => `$${i + 1}`).join(",")})`,
    links.map((l) => l.agencyId as string),
  );
  const [onFile] = await db.all(`SELECT * FROM "UserRegistration" WHERE "qualificationId" = $1 LIMIT 1`, [
    q.id as string,
  ]);
  const form = input as { representative: Contact | null; department: Contact };
  const representative = onFile ? contactOf(onFile) : form.representative;
  if (!representative) return refused("invalid");
  const department = form.department;
  const targets = agencies.filter((a) => a.id !== session.agency.id);
  try {
    return await db.tx(async (sql) => {
      if (!onFile) {
        await sql.all(
          `INSERT INTO "UserRegistration" ("id","qualificationId","contactName","postalCode","address","personName",
          "phone","fax","email","createdAt","updatedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING *`,
          [randomUUID(), q.id as string, ...contactValues(representative), now, now],
        );
      }
      const cardId = randomUUID();
      await sql.all(
        `INSERT INTO "CardRegistration" ("id","qualificationId","kind","agencyId","issuer","serialNumber",
          "fingerprint","subject","notBefore","notAfter","holderName","holderAddress","companyOnCard","certificatePem",
          "contactName","postalCode","address","personName","phone","fax","email","status","createdAt","updatedAt")
          VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24) RETURNING *`,
        [
          cardId,
          q.id as string,
          String(q.kind),
          session.agency.id as string,
          card.issuer,
          card.serialHex,
          card.fingerprint,
          card.subject,
          new Date(card.notBefore),
          new Date(card.notAfter),
          card.holderName,
          card.holderAddress,
          card.companyOnCard,
          card.certificatePem,
          ...contactValues(department),
          "active",
          now,
          now,
        ],
      );
      await sql.all(
        `INSERT INTO "AgencyRegistration" ("cardRegistrationId","agencyId","reflectedAt") VALUES ($1,$2,$3) RETURNING *`,
        [cardId, session.agency.id as string, now],
      );
      const prefix = tokyoDay(now);
      await sql.lock(RECEIPT_NUMBER_LOCK, "");
      const [last] = await sql.all(
        `SELECT "id", "number" FROM "Receipt" WHERE "number" LIKE $1 ORDER BY "number" DESC LIMIT 1`,
        [`${prefix}-%`],
      );
      const number = `${prefix}-${String(last ? Number(String(last.number).slice(prefix.length + 1)) + 1 : 1).padStart(4, "0")}`;
      const receiptId = randomUUID();
      const propagatesTo = targets.map((a) => String(a.name));
      const data = {
        number,
        operation: "register",
        issuedAt: now.toISOString(),
        terminalId: TERMINAL_ID,
        agency: { code: session.agency.code, name: session.agency.name },
        kind: session.kind,
        userId: q.userId,
        company: companyOf(q),
        representative,
        card,
        department,
        propagatesTo,
      };
      await sql.all(
        `INSERT INTO "Receipt" ("id","number","operation","cardRegistrationId","agencyId","kind","terminalId",
          "terminalOpeningId","data","createdAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *`,
        [
          receiptId,
          number,
          "register",
          cardId,
          session.agency.id as string,
          session.kind,
          TERMINAL_ID,
          session.terminalOpeningId,
          { json: data },
          now,
        ],
      );
      await sql.run(
        `UPDATE "AgencyRegistration" SET "receiptId" = $1 WHERE "cardRegistrationId" = $2 AND "agencyId" = $3`,
        [receiptId, cardId, session.agency.id as string],
      );
      if (targets.length > 0) {
        const values: Value[] = targets.flatMap((a) => [
          randomUUID(),
          "register",
          cardId,
          receiptId,
          session.agency.id as string,
          a.id as string,
          "pending",
          now,
        ]);
        await sql.run(
          `INSERT INTO "PropagationTask" ("id","operation","cardRegistrationId","receiptId","sourceAgencyId",
          "targetAgencyId","status","createdAt") VALUES ${targets.map((_, t) => `(${Array.from({ length: 8 }, (_, k) => `$${t * 8 + k + 1}`).join(",")})`).join(",")}`,
          values,
        );
      }
      const text = `${String(q.companyName)}\n${department.personName} 様\n利用者登録が完了しました。受付番号 ${number}\n${propagatesTo.join("、")}`;
      await sql.all(
        `INSERT INTO "OutboxEmail" ("id","idempotencyKey","receiptId","to","subject","text","html","status",
          "attempts","nextAttemptAt","createdAt","updatedAt") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING "id"`,
        [
          randomUUID(),
          `receipt-${number}`,
          receiptId,
          department.email,
          "【埼玉県電子入札共同システム】利用者登録完了のお知らせ",
          text,
          `<pre>${text}</pre>`,
          "pending",
          0,
          now,
          now,
          now,
        ],
      );
      const marked = await sql.run(
        `UPDATE "KioskSession" SET "receiptId" = $1, "updatedAt" = $2 WHERE "id" = $3 AND "receiptId" IS NULL`,
        [receiptId, now, session.id],
      );
      if (marked !== 1) throw new Error("the visit completed meanwhile");
      await audit(sql, {
        action: "registration.create",
        outcome: "ok",
        session: session.id,
        userId: String(q.userId),
        detail: { receipt: number, issuer: card.issuer, serial: card.serialHex, kind: String(q.kind) },
      });
      return { ok: true, receiptNumber: number, emailTo: department.email, propagatesTo };
    });
  } catch (error) {
    // what the kiosk would answer as "unexpected" (a unique index it does not explain, a lost race)
    return { ok: false, code: "unexpected", message: (error as Error).message };
  }
}

function contactValues(c: Contact): string[] {
  return [c.contactName, c.postalCode, c.address, c.personName, c.phone, c.fax ?? "", c.email];
}

// The baseline's database access: the raw driver and nothing on top — a pg Pool (the size
// @prisma/adapter-pg gives the kiosk: pg's default of 10) or one better-sqlite3 connection. SQL is
// written once with $1… placeholders; values go in as each engine stores them (SQLite: dates as
// Prisma's ISO text, booleans as 0/1, JSON as text), rows come back through asDate / asJson.
import Database from "better-sqlite3";
import { Pool } from "pg";
import { sqliteDate } from "../propagation-fixture";

export type Row = Record<string, unknown>;
export type Value = string | number | boolean | Date | null | { json: unknown };

export type Sql = {
  all(sql: string, params?: Value[]): Promise<Row[]>;
  run(sql: string, params?: Value[]): Promise<number>;
  /** the kiosk's serializeInTransaction: an advisory lock on PostgreSQL, nothing on SQLite */
  lock(classId: number, key: string): Promise<void>;
};

export type RawDb = Sql & {
  /** work in one transaction (SQLite: one at a time, as the single connection demands) */
  tx<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function asJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export function openRawDb(url: string): RawDb {
  return url.startsWith("file:") ? sqlite(url.slice("file:".length)) : postgres(url);
}

function postgres(url: string): RawDb {
  const pool = new Pool({ connectionString: url });
  const pgValue = (v: Value) =>
    v !== null && typeof v === "object" && "json" in v ? JSON.stringify(v.json) : v;
  type Queryable = {
    query(text: string, values: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
  };
  const on = (client: Queryable): Sql => ({
    all: async (sql, params = []) => (await client.query(sql, params.map(pgValue))).rows as Row[],
    run: async (sql, params = []) => (await client.query(sql, params.map(pgValue))).rowCount ?? 0,
    lock: async (classId, key) =>
      void (await client.query("SELECT pg_advisory_xact_lock($1::int, hashtext($2))", [classId, key])),
  });
  return {
    ...on(pool),
    async tx(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function sqlite(file: string): RawDb {
  const db = new Database(file);
  const statements = new Map<string, { statement: Database.Statement; order: number[] }>();
  // $n → ? in order of appearance (better-sqlite3 binds positionally)
  const prepared = (sql: string, params: Value[]) => {
    let entry = statements.get(sql);
    if (!entry) {
      const order: number[] = [];
      const text = sql.replace(/\$(\d+)/g, (_, n: string) => (order.push(Number(n) - 1), "?"));
      entry = { statement: db.prepare(text), order };
      statements.set(sql, entry);
    }
    return { statement: entry.statement, values: entry.order.map((i) => sqliteValue(params[i] ?? null)) };
  };
  const sql: Sql = {
    all: async (text, params = []) => {
      const { statement, values } = prepared(text, params);
      return statement.all(...values) as Row[];
    },
    run: async (text, params = []) => {
      const { statement, values } = prepared(text, params);
      return statement.reader ? statement.all(...values).length : statement.run(...values).changes;
    },
    // one connection, one transaction at a time: already in turn
    lock: async () => undefined,
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ...sql,
    tx(work) {
      const run = queue.then(async () => {
        db.exec("BEGIN");
        try {
          const result = await work(sql);
          db.exec("COMMIT");
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close: async () => void db.close(),
  };
}

function sqliteValue(v: Value): string | number | null {
  if (v instanceof Date) return sqliteDate(v.getTime());
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v !== null && typeof v === "object") return JSON.stringify(v.json);
  return v;
}

// Moves one terminal's SQLite file into an empty PostgreSQL database (`npm run db:copy-to-postgres`).
// All or nothing: the target is migrated, then every row goes in through ONE transaction that
// also checks the target was empty and that each table ends with the source's row count; any
// error rolls it all back, leaving the target migrated and empty, ready for another try.
// Raw drivers on both sides: a generic row copy needs no model types, and reading the stored text
// (not Prisma's parsed values) keeps JSON null apart from SQL NULL and every timestamp exact.
import Database from "better-sqlite3";
import { Client } from "pg";
import { migratePostgres } from "../migrate";
import { describeUrl } from "../url";
import { readPlan, type TablePlan } from "./plan";
import { toPostgres } from "./values";

export type TableCount = { table: string; source: number; target: number };

export class CopyError extends Error {
  constructor(
    message: string,
    /** per table, when the copy got as far as counting */
    readonly counts?: TableCount[],
  ) {
    super(message);
  }
}

/** PostgreSQL takes at most 65535 parameters in one statement */
const MAX_PARAMETERS = 65_535;

export async function copyToPostgres(options: {
  /** the SQLite file (a path, not a URL) */
  sqliteFile: string;
  /** postgresql://… of the target database */
  targetUrl: string;
  /** rows per INSERT (default 500, fewer for wide tables) */
  batchSize?: number;
}): Promise<TableCount[]> {
  const source = openSource(options.sqliteFile);
  const target = new Client({ connectionString: options.targetUrl });
  // a connection lost mid-copy rejects the query in flight; without a listener it would also crash
  target.on("error", () => undefined);
  try {
    await target.connect();
  } catch (error) {
    source.close();
    throw new CopyError(
      `TARGET_DATABASE_URL: cannot connect to PostgreSQL at ${describeUrl(options.targetUrl)}: ${(error as Error).message}`,
    );
  }
  try {
    await migratePostgres(options.targetUrl);
    const plan = await readPlan(target);
    checkSameTables(source, plan);
    // one read transaction: every table and count comes from the same moment of the file
    source.exec("BEGIN");
    await target.query("BEGIN");
    try {
      const counts = await copyAll(source, target, plan, options.batchSize ?? 500);
      const differ = counts.filter((c) => c.source !== c.target);
      if (differ.length > 0) {
        throw new CopyError(`row counts differ in ${differ.map((c) => c.table).join(", ")}`, counts);
      }
      await target.query("COMMIT");
      return counts;
    } catch (error) {
      await target.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    source.close();
    await target.end();
  }
}

function openSource(file: string): Database.Database {
  try {
    return new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CopyError(`cannot open the SQLite file ${file}: ${(error as Error).message}`);
  }
}

/** The source must be at the same migration as the target: a missing table or column loses data. */
function checkSameTables(source: Database.Database, plan: TablePlan[]): void {
  const sourceTables = source
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_prisma_migrations'`,
    )
    .pluck()
    .all() as string[];
  const planned = new Set(plan.map((t) => t.name));
  const problems = sourceTables
    .filter((t) => !planned.has(t))
    .map((t) => `table ${t} has no PostgreSQL twin`);
  for (const table of plan) {
    if (!sourceTables.includes(table.name)) {
      problems.push(`table ${table.name} is missing in the SQLite file`);
      continue;
    }
    const columns = (source.prepare(`PRAGMA table_info("${table.name}")`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    const wanted = table.columns.map((c) => c.name);
    const off = [
      ...wanted.filter((c) => !columns.includes(c)),
      ...columns.filter((c) => !wanted.includes(c)),
    ];
    if (off.length > 0) problems.push(`${table.name} columns differ (${off.join(", ")})`);
  }
  if (problems.length > 0) {
    throw new CopyError(
      `the SQLite file is not at the migration the PostgreSQL schema has (run npm run db:migrate on it ` +
        `with its DATABASE_URL first, or update this code): ${problems.join("; ")}`,
    );
  }
}

async function copyAll(
  source: Database.Database,
  target: Client,
  plan: TablePlan[],
  batchSize: number,
): Promise<TableCount[]> {
  const tables = plan.map((t) => `"${t.name}"`).join(", ");
  // no terminal writes while we look: an empty target stays empty until we commit
  await target.query(`LOCK TABLE ${tables} IN EXCLUSIVE MODE`);
  for (const table of plan) {
    const holds = await target.query(`SELECT 1 FROM "${table.name}" ${migrationRows(table.name)} LIMIT 1`);
    if (holds.rowCount) {
      throw new CopyError(
        `コピー先にはすでにデータがあります。the target already holds data (table ${table.name}); copy only into an empty database`,
      );
    }
  }
  // the migration's starting head (seq 0) gives way to the terminal's own
  await target.query(`DELETE FROM "AuditChainHead"`);
  for (const table of plan) await copyTable(source, target, table, batchSize);
  await fixSequences(target);
  const counts: TableCount[] = [];
  for (const table of plan) {
    const src = source.prepare(`SELECT count(*) FROM "${table.name}"`).pluck().get() as number;
    const dst = await target.query<{ n: string }>(`SELECT count(*) AS n FROM "${table.name}"`);
    counts.push({ table: table.name, source: src, target: Number(dst.rows[0]!.n) });
  }
  return counts;
}

/** Rows the migrations themselves insert do not make a database "in use". */
function migrationRows(table: string): string {
  return table === "AuditChainHead" ? `WHERE NOT ("id" = 1 AND "seq" = 0 AND "hash" = '')` : "";
}

async function copyTable(
  source: Database.Database,
  target: Client,
  table: TablePlan,
  batchSize: number,
): Promise<void> {
  const names = table.columns.map((c) => `"${c.name}"`).join(", ");
  const rowsPerInsert = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / table.columns.length)));
  // keyset paging on rowid: flat memory however large the table
  const page = source.prepare(
    `SELECT rowid AS "_rowid_", * FROM "${table.name}" WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const pointing: Record<string, unknown>[] = [];
  let after = 0;
  for (;;) {
    const rows = page.all(after, rowsPerInsert) as Record<string, unknown>[];
    if (rows.length === 0) break;
    try {
      const values = rows.flatMap((row) =>
        table.columns.map((c) =>
          table.selfReferences.includes(c.name) ? null : toPostgres(row[c.name], c.type),
        ),
      );
      await target.query(
        `INSERT INTO "${table.name}" (${names}) VALUES ${placeholders(rows.length, table.columns.length)}`,
        values,
      );
    } catch (error) {
      throw new CopyError(`table ${table.name}, rows after rowid ${after}: ${(error as Error).message}`);
    }
    pointing.push(...rows.filter((row) => table.selfReferences.some((c) => row[c] !== null)));
    after = Number(rows[rows.length - 1]!._rowid_);
  }
  await setSelfReferences(target, table, pointing);
}

/** Every row of the table is in now, so whatever its self-references point at exists. */
async function setSelfReferences(target: Client, table: TablePlan, rows: Record<string, unknown>[]) {
  if (rows.length > 0 && table.key.length === 0) {
    throw new CopyError(
      `table ${table.name} refers to itself but has no primary key to set the references by`,
    );
  }
  const typeOf = (name: string) => table.columns.find((c) => c.name === name)!.type;
  const set = table.selfReferences.map((c, i) => `"${c}" = $${i + 1}`).join(", ");
  const where = table.key.map((k, i) => `"${k}" = $${table.selfReferences.length + i + 1}`).join(" AND ");
  for (const row of rows) {
    const values = [...table.selfReferences, ...table.key].map((c) => toPostgres(row[c], typeOf(c)));
    await target.query(`UPDATE "${table.name}" SET ${set} WHERE ${where}`, values);
  }
}

function placeholders(rows: number, columns: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    tuples.push(`(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(", ")})`);
  }
  return tuples.join(", ");
}

/**
 * Rows came in with their ids, which does not move a serial/identity column's sequence: set each
 * past the largest copied id so the next row a terminal writes does not collide. (The model has
 * none today: ids are cuids; this keeps the copy right when one is added.)
 */
async function fixSequences(target: Client): Promise<void> {
  const serials = await target.query<{ table: string; column: string; sequence: string }>(
    `SELECT table_name AS "table", column_name AS "column", s AS "sequence"
       FROM information_schema.columns,
            LATERAL pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) AS s
      WHERE table_schema = current_schema() AND s IS NOT NULL`,
  );
  for (const s of serials.rows) {
    await target.query(
      `SELECT setval($1, coalesce((SELECT max("${s.column}") FROM "${s.table}"), 0) + 1, false)`,
      [s.sequence],
    );
  }
}

// What `npm run db:copy-to-postgres` copies, read from the migrated PostgreSQL target's catalog
// rather than from a list kept here: every table the migrations made (so a new model is copied
// without touching this code), in an order where each row's foreign keys point at rows already
// copied.
import type { ClientBase } from "pg";

export type Column = { name: string; type: string };

export type TablePlan = {
  name: string;
  columns: Column[];
  /** primary key columns, in key order */
  key: string[];
  /**
   * columns referencing the table itself (a card's replacedBy): written as NULL with the row and
   * set once every row of the table is in, since a row may point at one copied after it
   */
  selfReferences: string[];
};

/** the migration runner's own bookkeeping (prisma/migrate.ts), already right on the target */
const NOT_COPIED = new Set(["_kiosk_migrations"]);

export async function readPlan(client: ClientBase): Promise<TablePlan[]> {
  const columns = await client.query<{ table: string; column: string; type: string }>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "type"
       FROM information_schema.columns
      WHERE table_schema = current_schema()
      ORDER BY table_name, ordinal_position`,
  );
  const constraints = await client.query<{
    table: string;
    kind: string;
    refers: string | null;
    column: string;
  }>(
    `SELECT t.relname AS "table", k.contype AS "kind", r.relname AS "refers", a.attname AS "column"
       FROM pg_constraint k
       JOIN pg_class t ON t.oid = k.conrelid
       LEFT JOIN pg_class r ON r.oid = k.confrelid
       JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS c(attnum, position) ON true
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = c.attnum
      WHERE k.connamespace = current_schema()::regnamespace AND k.contype IN ('p', 'f')
      ORDER BY t.relname, k.conname, c.position`,
  );

  const tables = new Map<string, TablePlan>();
  const dependsOn = new Map<string, Set<string>>();
  for (const c of columns.rows) {
    if (NOT_COPIED.has(c.table)) continue;
    if (!tables.has(c.table)) {
      tables.set(c.table, { name: c.table, columns: [], key: [], selfReferences: [] });
      dependsOn.set(c.table, new Set());
    }
    tables.get(c.table)!.columns.push({ name: c.column, type: c.type });
  }
  for (const k of constraints.rows) {
    const table = tables.get(k.table);
    if (!table) continue;
    if (k.kind === "p") table.key.push(k.column);
    else if (k.refers === k.table) table.selfReferences.push(k.column);
    else if (k.refers) dependsOn.get(k.table)!.add(k.refers);
  }
  return inDependencyOrder(tables, dependsOn);
}

/** Referenced tables first; ties by name so every run copies in the same order. */
function inDependencyOrder(tables: Map<string, TablePlan>, dependsOn: Map<string, Set<string>>): TablePlan[] {
  const ordered: TablePlan[] = [];
  const left = new Set([...tables.keys()].sort());
  while (left.size > 0) {
    const ready = [...left].filter((t) => [...dependsOn.get(t)!].every((d) => !left.has(d)));
    if (ready.length === 0) {
      throw new Error(
        `foreign keys form a cycle between tables ${[...left].join(", ")}: no copy order exists`,
      );
    }
    for (const t of ready) {
      ordered.push(tables.get(t)!);
      left.delete(t);
    }
  }
  return ordered;
}

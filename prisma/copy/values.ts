// SQLite values as PostgreSQL columns want them. The SQLite file holds what Prisma's
// better-sqlite3 adapter wrote: booleans as 0/1, DateTime as ISO text with an offset (or epoch
// milliseconds with timestampFormat "unixepoch-ms"), Json as its text. Anything else passes as is.

/** One SQLite value for a column of PostgreSQL type `type` (information_schema's data_type). */
export function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === "boolean") return toBoolean(value);
  if (type.startsWith("timestamp") || type === "date") return toDate(value);
  // the text itself, so the database parses it: a JSON null stays JSON null, not SQL NULL, and
  // text that is not JSON is refused by jsonb instead of being copied as something else
  if (type === "jsonb" || type === "json") return typeof value === "string" ? value : JSON.stringify(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

function toBoolean(value: unknown): boolean {
  if (value === 1 || value === 1n || value === true) return true;
  if (value === 0 || value === 0n || value === false) return false;
  throw new Error(`not a boolean: ${JSON.stringify(String(value))}`);
}

function toDate(value: unknown): Date {
  let date: Date;
  if (typeof value === "number" || typeof value === "bigint") date = new Date(Number(value));
  else if (typeof value === "string") {
    // SQLite's own CURRENT_TIMESTAMP ("2026-12-06 01:02:03") is UTC without saying so
    const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value.replace(" ", "T")}Z`;
    date = new Date(zoned);
  } else date = new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date-time: ${JSON.stringify(String(value))}`);
  return date;
}

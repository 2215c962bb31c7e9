// The PostgreSQL schema is derived from prisma/schema.prisma, the one model (issue 10): Prisma 6
// cannot take the datasource's provider from the environment, so the second provider needs its
// own schema file — written here, never by hand. `npm run db:derive` rewrites it;
// test/integration/postgres-schema.test.ts fails when the committed file differs from what this
// derives (and when its migrations no longer build that schema).
//   - provider postgresql (a literal URL: the CLI needs one; the real one is DATABASE_URL)
//   - its own generated client beside it (prisma/postgres/generated)
//   - DateTime as timestamptz(3): instants, whatever the database server's time zone
// Strings are text and Json is jsonb on PostgreSQL already.
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join(__dirname, "schema.prisma");
export const POSTGRES_SCHEMA = path.join(__dirname, "postgres", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:derive\` (prisma/derive-postgres.ts): do
// not edit. The PostgreSQL twin of the model, for DATABASE_URL=postgresql://…
`;

export function derivePostgresSchema(source: string): string {
  let inModel = false;
  const lines = source.split("\n").map((line) => {
    if (/^model \w+ \{/.test(line)) inModel = true;
    else if (/^\}/.test(line)) inModel = false;
    if (inModel && /^\s+\w+\s+DateTime\??(\s|$)/.test(line) && !line.includes("@db.")) {
      return `${line.trimEnd()} @db.Timestamptz(3)`;
    }
    return line;
  });
  const body = lines
    .join("\n")
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/kiosk"')
    .replace(/output\s*=\s*"\.\/generated"/, 'output     = "./generated"');
  if (!body.includes('provider = "postgresql"'))
    throw new Error("schema.prisma: no sqlite datasource to derive from");
  return HEADER + body;
}

if (require.main === module) {
  const derived = derivePostgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, derived);
  console.log(`wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
}

// `npm run db:copy-to-postgres`: moves a terminal's SQLite data into a new, empty PostgreSQL
// database (docs/deployment.md). The source is the terminal's own DATABASE_URL (file:…, from the
// environment or .env as the server reads it); the target comes from TARGET_DATABASE_URL, an
// environment variable so its password is not on the command line or in the shell's history.
// Exit 0 copied (counts equal), 1 refused or failed (the target left empty), 2 usage.
import "dotenv/config";
import { copyToPostgres, CopyError, type TableCount } from "./copy/copy";
import { databaseFromEnv, describeUrl } from "./url";

const USAGE =
  "使い方: TARGET_DATABASE_URL=postgresql://user:password@host:5432/db npm run db:copy-to-postgres\n" +
  "  コピー元は DATABASE_URL の SQLite ファイル (file:…)、コピー先は TARGET_DATABASE_URL の空の PostgreSQL データベースです。\n" +
  "  Copies the SQLite file DATABASE_URL names into the empty PostgreSQL database TARGET_DATABASE_URL names.\n";

function table(counts: TableCount[]): string {
  const width = Math.max(...counts.map((c) => c.table.length), "table".length);
  const line = (a: string, b: string, c: string, mark = "") =>
    `  ${a.padEnd(width)}  ${b.padStart(8)}  ${c.padStart(10)}${mark}\n`;
  return (
    line("table", "SQLite", "PostgreSQL") +
    counts
      .map((c) =>
        line(c.table, String(c.source), String(c.target), c.source === c.target ? "" : "  ← 不一致"),
      )
      .join("")
  );
}

async function main(): Promise<number> {
  if (process.argv.length > 2) {
    process.stderr.write(USAGE);
    return 2;
  }
  const source = databaseFromEnv();
  if (source.engine !== "sqlite") {
    process.stderr.write(
      `DATABASE_URL はコピー元の SQLite ファイル (file:…) にしてください (it names PostgreSQL).\n${USAGE}`,
    );
    return 2;
  }
  const targetUrl = (process.env.TARGET_DATABASE_URL ?? "").trim();
  if (!/^postgres(ql)?:\/\//.test(targetUrl)) {
    process.stderr.write(`TARGET_DATABASE_URL に postgresql:// の URL を指定してください。\n${USAGE}`);
    return 2;
  }
  const sqliteFile = source.url.slice("file:".length);
  process.stdout.write(
    `コピー元 (SQLite): ${sqliteFile}\nコピー先 (PostgreSQL): ${describeUrl(targetUrl)}\n`,
  );
  try {
    const counts = await copyToPostgres({ sqliteFile, targetUrl });
    const rows = counts.reduce((n, c) => n + c.target, 0);
    process.stdout.write(table(counts));
    process.stdout.write(
      `コピーしました: ${counts.length} テーブル, ${rows} 行、件数はすべて一致 (copied; every count matches).\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CopyError && error.counts) process.stderr.write(table(error.counts));
    process.stderr.write(
      `コピーできませんでした。コピー先のデータはコピー前のままです (nothing was copied): ${(error as Error).message}\n`,
    );
    return 1;
  }
}

main().then((code) => process.exit(code));

// `npm run import:qualifications FILE`: imports a qualification CSV (docs/qualification-csv.md)
// into the database named by DATABASE_URL, all or nothing. Exit 0 imported, 1 refused (every
// error printed as "line 3: ユーザID: …") or failed, 2 usage.
import "./node-entry";
import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import { db } from "../db";
import { formatImportError, MAX_FILE_BYTES } from "../qualification-import/csv";
import { importQualifications } from "../qualification-import/import";

const USAGE = "使い方: npm run import:qualifications <CSVファイル>\n";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    process.stderr.write(USAGE);
    return 2;
  }
  const file = args[0]!;
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error("not a file");
    if (stat.size > MAX_FILE_BYTES) {
      process.stderr.write(
        `file: ファイルが大きすぎます（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）。分けて取り込んでください。\n`,
      );
      return 1;
    }
    bytes = fs.readFileSync(file);
  } catch {
    process.stderr.write(`ファイルを読めません: ${file}\n${USAGE}`);
    return 2;
  }

  try {
    const result = await importQualifications({ bytes, fileName: path.basename(file), importedBy: "cli" });
    if (!result.ok) {
      for (const error of result.errors) process.stderr.write(`${formatImportError(error)}\n`);
      process.stderr.write(`${result.errors.length} 件の誤りがあるため、何も取り込んでいません。\n`);
      return 1;
    }
    process.stdout.write(
      `${result.fileName}: ${result.rows} 行を取り込みました（新規 ${result.created}、更新 ${result.updated}、変更なし ${result.unchanged}）。\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`取り込めませんでした: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await db().$disconnect();
  }
}

main().then((code) => process.exit(code));

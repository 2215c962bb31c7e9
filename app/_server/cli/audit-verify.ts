// `npm run audit:verify`: checks the audit log's hash chain in the database named by DATABASE_URL
// and names the first broken row. Exit 0 intact, 1 broken (or the check failed), 2 usage.
import "./node-entry";
import "dotenv/config";
import { describeVerification, verifyAuditChain } from "../audit/verify";
import { db } from "../db";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    process.stderr.write(
      "使い方: npm run audit:verify （引数はありません。DATABASE_URL のデータベースを検査します）\n",
    );
    return 2;
  }
  try {
    const result = await verifyAuditChain(db());
    const line = describeVerification(result);
    if (result.ok) {
      process.stdout.write(`${line}\n`);
      return 0;
    }
    process.stderr.write(`${line}\n`);
    return 1;
  } catch (error) {
    process.stderr.write(
      `監査ログを検査できませんでした: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    await db().$disconnect();
  }
}

main().then((code) => process.exit(code));

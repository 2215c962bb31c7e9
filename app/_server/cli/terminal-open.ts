// `npm run terminal:open -- --staff staff01 [--reason "…"]`: opens this terminal (TERMINAL_ID) for
// walk-ins as that staff member, the same service as 受付を開始 on /staff/terminal. For set-ups
// without a browser at hand: the demo and the browser tests (an override reason lets them run at
// any hour, R23). Exit codes: 0 opened, 1 refused or failed (message on stderr), 2 usage.
import "./node-entry";
import "dotenv/config";
import { parseArgs } from "node:util";
import { config } from "../config";
import { db } from "../db";
import { openTerminal } from "../visit/terminals";

const USAGE =
  '使い方: npm run terminal:open -- --staff <職員ログイン名> [--reason "受付時間外に開始する理由"]\n';

async function main(argv: string[]): Promise<number> {
  let values: { staff?: string; reason?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        staff: { type: "string" },
        reason: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.staff) {
    process.stderr.write(USAGE);
    return 2;
  }
  const staff = await db().staffUser.findUnique({ where: { login: values.staff } });
  if (!staff || staff.disabledAt) {
    process.stderr.write(`職員 ${values.staff} は登録されていないか、無効にされています。\n`);
    return 1;
  }
  const result = await openTerminal(staff, { reason: values.reason });
  if (!result.ok) {
    process.stderr.write(`受付を開始できませんでした: ${result.message}\n`);
    return 1;
  }
  const how = result.override ? `（理由あり: ${config().OVERRIDE_MINUTES} 分間、または受付終了まで）` : "";
  process.stdout.write(`端末 ${config().TERMINAL_ID} の受付を開始しました: ${staff.login}${how}\n`);
  return 0;
}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    process.stderr.write(
      `受付を開始できませんでした: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  })
  .then(async (code) => {
    await db()
      .$disconnect()
      .catch(() => undefined);
    process.exitCode = code;
  });

// npm run batch:nightly — runs the nightly propagation (R21, R22) once, now, in this process, and
// queues the renewal reminders due today (issue 13 item 4).
// Exit codes: 0 done, 1 already running or failed (message on stderr), 2 usage.
// BATCH_CHUNK_SIZE sets the tasks per transaction (default 10000).
import "./node-entry";
import "dotenv/config";
import { runNightlyBatch } from "../batch/propagation";
import { db } from "../db";

const USAGE = "usage: npm run batch:nightly   (no arguments; env BATCH_CHUNK_SIZE, DATABASE_URL)";

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    say(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const result = await runNightlyBatch({ trigger: "cli" });
  if (!result.ok) {
    if (result.code === "alreadyRunning") {
      const since = result.since ? ` (since ${result.since.toISOString()})` : "";
      console.error(`夜間反映は既に実行中です。/ The nightly batch is already running${since}.`);
    } else {
      console.error(`夜間反映に失敗しました。/ The nightly batch failed: ${result.message}`);
    }
    return 1;
  }
  say(`nightly propagation ${result.runId}: ${result.applied} applied in ${result.seconds.toFixed(2)} s`);
  if (result.tookOver) say(`  took over the abandoned run ${result.tookOver}`);
  for (const a of result.perAgency) say(`  ${a.code} ${a.name}: ${a.applied}`);
  say(`  renewal reminders queued: ${result.reminders}`);
  return 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await db().$disconnect();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error(`夜間反映に失敗しました。/ The nightly batch failed: ${(error as Error).message}`);
    await db()
      .$disconnect()
      .catch(() => undefined);
    process.exitCode = 1;
  });

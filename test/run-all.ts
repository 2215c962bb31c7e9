// `npm test`: every suite, in order, each one's output shown and kept under test-results/ so the
// leak scan can read everything the run printed. Exits non-zero if anything failed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runE2e } from "./e2e/harness";
import { scanForSecrets } from "./leaks/scan";

const root = path.resolve(__dirname, "..");
const results = path.join(root, "test-results");

export function runLogged(
  name: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  fs.mkdirSync(results, { recursive: true });
  const log = fs.createWriteStream(path.join(results, `${name}.log`));
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk: Buffer) => {
        process.stdout.write(chunk);
        log.write(chunk);
      });
    }
    child.on("close", (code) => log.end(() => resolve(code ?? 1)));
  });
}

type VitestJson = { numPassedTests: number; numFailedTests: number };
/** A suite that was asked for but left no report counts as one failure. */
function counts(file: string, ran: boolean): VitestJson {
  if (!ran) return { numPassedTests: 0, numFailedTests: 0 };
  if (!fs.existsSync(file)) return { numPassedTests: 0, numFailedTests: 1 };
  return JSON.parse(fs.readFileSync(file, "utf8")) as VitestJson;
}

async function main(): Promise<void> {
  fs.rmSync(results, { recursive: true, force: true });
  const failed: string[] = [];
  const bin = (name: string) => path.join(root, "node_modules/.bin", name);
  const steps: [string, string, string[]][] = [
    ["typecheck", bin("tsc"), ["--noEmit", "-p", "."]],
    ["lint", bin("eslint"), ["--config", ".config/eslint.config.mjs", "."]],
    ["format", bin("prettier"), ["--check", "."]],
    [
      "unit",
      bin("vitest"),
      [
        "run",
        "--config",
        "test/vitest.config.mts",
        "--reporter=default",
        "--reporter=json",
        "--outputFile.json=test-results/unit.json",
      ],
    ],
  ];
  // `tsx test/run-all.ts e2e` runs only the named steps (typecheck, lint, format, unit, e2e)
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  for (const [name, cmd, args] of steps) {
    if (wanted(name) && (await runLogged(name, cmd, args)) !== 0) failed.push(name);
  }
  if (wanted("e2e") && (await runE2e(runLogged)) !== 0) failed.push("e2e");

  const leaks = scanForSecrets(results);
  if (leaks.length > 0) {
    failed.push("leaks");
    console.log(`\n=== leaks: a demo PIN or password was found in what the suite logged or stored:`);
    for (const l of leaks) console.log(`  ${l}`);
  } else {
    console.log(
      `\n=== leaks: no demo PIN or password in ${path.relative(root, results)}/ (logs, databases, card state)`,
    );
  }

  const unit = counts(path.join(results, "unit.json"), wanted("unit"));
  const simulated = counts(path.join(results, "e2e.json"), wanted("e2e"));
  const pkcs11 = counts(path.join(results, "e2e-pkcs11.json"), wanted("e2e"));
  const e2e = {
    numPassedTests: simulated.numPassedTests + pkcs11.numPassedTests,
    numFailedTests: simulated.numFailedTests + pkcs11.numFailedTests,
  };
  const passed = unit.numPassedTests + e2e.numPassedTests;
  const failedTests = unit.numFailedTests + e2e.numFailedTests;
  console.log(`\nunit+integration: ${unit.numPassedTests} passed; e2e: ${e2e.numPassedTests} passed`);
  if (failed.length > 0) console.log(`failed steps: ${failed.join(", ")}`);
  console.log(
    `tests: ${passed} passed, ${failedTests + (failed.length > 0 && failedTests === 0 ? 1 : 0)} failed`,
  );
  process.exit(failed.length > 0 ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

// `npm test`: every suite, in order, each one's output shown and kept under test-results/ so the
// leak scan can read everything the run printed. Exits non-zero if anything failed.
// The integration suites run twice: on SQLite files (with the unit tests), then on PostgreSQL
// databases (integration-postgres); the summary counts each engine's tests.
// Those steps and e2e get a PostgreSQL in TEST_DATABASE_URL: the one given, or a private cluster
// started for the run under test-results/postgres/ and stopped at the end (test/support/postgres.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runE2e } from "./e2e/harness";
import { scanForSecrets } from "./leaks/scan";
import { stopLeftoverPostgres, testRunPostgres } from "./support/postgres";

const root = path.resolve(__dirname, "..");
const results = path.join(root, "test-results");
const postgresDir = path.join(results, "postgres");

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

/**
 * `tsx test/run-all.ts e2e` runs only the named steps (typecheck, lint, format, unit,
 * integration-postgres, e2e).
 */
function wanted(name: string): boolean {
  const only = process.argv.slice(2);
  return only.length === 0 || only.includes(name);
}

type VitestJson = { numPassedTests: number; numFailedTests: number };
/** A suite that was asked for but left no report counts as one failure. */
function counts(file: string, ran: boolean): VitestJson {
  if (!ran) return { numPassedTests: 0, numFailedTests: 0 };
  if (!fs.existsSync(file)) return { numPassedTests: 0, numFailedTests: 1 };
  return JSON.parse(fs.readFileSync(file, "utf8")) as VitestJson;
}

/**
 * The run's PostgreSQL: TEST_DATABASE_URL when given, else a private cluster under `dir`. Started at
 * most once, by the first step that needs it, which then finds it in TEST_DATABASE_URL (as does
 * every step after it). Stopped once: at the end, when a step or the runner throws, or on
 * SIGINT/SIGTERM.
 */
export function runPostgres(dir: string = postgresDir) {
  let started: Promise<Awaited<ReturnType<typeof testRunPostgres>>> | undefined;
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n=== ${signal}: stopping PostgreSQL before exiting`);
    void stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  const stop = (): Promise<void> => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    stopping ??= (async () => {
      const pg = await started?.catch(() => undefined);
      try {
        await pg?.stop();
      } catch (error) {
        console.error(`=== postgres: could not stop the cluster: ${String(error)}`);
      }
    })();
    return stopping;
  };
  return {
    /** Resolves to why there is no PostgreSQL, or undefined once TEST_DATABASE_URL is set. */
    start(): Promise<string | undefined> {
      if (!started) {
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
        started = testRunPostgres(dir).then((pg) => {
          process.env.TEST_DATABASE_URL = pg.url;
          console.log(`\n=== postgres: ${pg.describe}`);
          return pg;
        });
      }
      return started.then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    },
    stop,
  };
}

async function main(): Promise<void> {
  // a cluster left running by a killed earlier run would otherwise lose its data dir under it
  await stopLeftoverPostgres(postgresDir);
  fs.rmSync(results, { recursive: true, force: true });
  const failed: string[] = [];
  const postgres = runPostgres();
  try {
    await runSteps(failed, postgres);
  } finally {
    // before the leak scan: the server log is complete once the server has stopped
    await postgres.stop();
  }
  report(failed);
}

async function runSteps(failed: string[], postgres: ReturnType<typeof runPostgres>): Promise<void> {
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
    // the same integration files again with every test database on the run's PostgreSQL (the
    // files about PostgreSQL itself ran in the step above, on that server already)
    [
      "integration-postgres",
      bin("vitest"),
      [
        "run",
        "--config",
        "test/vitest.config.mts",
        "test/integration/",
        "--exclude",
        "test/integration/postgres-*.test.ts",
        "--exclude",
        "test/integration/copy-to-postgres.test.ts",
        "--reporter=default",
        "--reporter=json",
        "--outputFile.json=test-results/integration-postgres.json",
      ],
    ],
  ];
  // unit and e2e get a PostgreSQL, started before the first of them. Not getting one is a failed
  // step of its own, named with its reason; the steps still run (and fail where they need it).
  const needPostgres = async () => {
    const error = await postgres.start();
    if (error && !failed.includes("postgres")) {
      failed.push("postgres");
      console.log(`\n=== postgres: FAILED: ${error}`);
    }
  };
  for (const [name, cmd, args] of steps) {
    if (!wanted(name)) continue;
    if (name === "unit" || name === "integration-postgres") await needPostgres();
    const env =
      name === "integration-postgres" ? { ...process.env, TEST_DATABASE_ENGINE: "postgresql" } : process.env;
    if ((await runLogged(name, cmd, args, env)) !== 0) failed.push(name);
  }
  if (wanted("e2e")) {
    await needPostgres();
    if ((await runE2e(runLogged)) !== 0) failed.push("e2e");
  }
}

function report(failed: string[]): void {
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
  const onPostgres = counts(path.join(results, "integration-postgres.json"), wanted("integration-postgres"));
  const simulated = counts(path.join(results, "e2e.json"), wanted("e2e"));
  const pkcs11 = counts(path.join(results, "e2e-pkcs11.json"), wanted("e2e"));
  const e2e = {
    numPassedTests: simulated.numPassedTests + pkcs11.numPassedTests,
    numFailedTests: simulated.numFailedTests + pkcs11.numFailedTests,
  };
  const passed = unit.numPassedTests + onPostgres.numPassedTests + e2e.numPassedTests;
  const failedTests = unit.numFailedTests + onPostgres.numFailedTests + e2e.numFailedTests;
  console.log(
    `\nunit+integration (SQLite): ${unit.numPassedTests} passed; integration (PostgreSQL): ${onPostgres.numPassedTests} passed; e2e: ${e2e.numPassedTests} passed`,
  );
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

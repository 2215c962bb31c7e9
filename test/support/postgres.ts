// PostgreSQL for tests without a system service: a private, throwaway cluster per test run (or per
// test file, see test/integration/postgres-provision.test.ts), made with Debian's server binaries
// (package `postgresql`, installed by `npm test` as root through kiosk/setup/ensure-deps.mjs).
//
//   <dir>/pgdata/         the data directory (owned by the `postgres` user when we run as root:
//                         initdb refuses root, so initdb and pg_ctl run as that user)
//   <dir>/socket/         the Unix socket directory (clients here use TCP on 127.0.0.1 anyway)
//   <dir>/postgres.log    the server's log, outside the data directory so the leak scan reads it
//
// Authentication is `trust` for the superuser `postgres`, on 127.0.0.1 only, on a free port. The
// cluster is made with --locale=C: text compares byte by byte, as SQLite's BINARY collation does.
// Databases are created and dropped with `psql` from the same bin directory (no npm client needed).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const PG_ROOT = "/usr/lib/postgresql";
const SERVER_BINARIES = ["initdb", "pg_ctl", "postgres", "psql"];
const SUPERUSER = "postgres";
const DATA = "pgdata";
const SOCKET = "socket";
const LOG = "postgres.log";
/** sockaddr_un.sun_path is 108 bytes with its NUL */
const MAX_SOCKET_PATH = 107;

/** A PostgreSQL server the tests can make databases on. */
export type PostgresServer = {
  /** the superuser's maintenance database, e.g. postgresql://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** the same server and credentials, database `db` (default: the maintenance database) */
  adminUrl(db?: string): string;
  /** creates database `name` (a leftover of that name is dropped first); resolves to its URL */
  createDatabase(name: string): Promise<string>;
  /** drops database `name` if it exists, closing its connections */
  dropDatabase(name: string): Promise<void>;
  /**
   * runs SQL through psql on `db` (default: the maintenance database), ON_ERROR_STOP, unaligned,
   * tuples only; several statements in an array each run on their own (`-c` each, autocommit).
   * Resolves to psql's output, trimmed.
   */
  psql(sql: string | string[], db?: string): Promise<string>;
  /** stops the private cluster (pg_ctl stop -m fast); tolerates one already gone. No-op for a given URL. */
  stop(): Promise<void>;
};

/** A private cluster started by startPostgres. */
export type PrivatePostgres = PostgresServer & {
  port: number;
  /** e.g. "15.18" */
  version: string;
  /**
   * starts the cluster again after stop(), on the same port and data directory, so clients that
   * hold its URL reconnect (a "database back" test); a no-op while it runs
   */
  start(): Promise<void>;
  binDir: string;
  dataDir: string;
  logFile: string;
};

type Run = { code: number; stdout: string; stderr: string };

function runCommand(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", (error) => resolve({ code: 127, stdout, stderr: stderr + String(error) }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

function versionKey(name: string): number[] {
  return name.split(".").map((n) => Number(n));
}

/**
 * The bin directory of the highest PostgreSQL version under /usr/lib/postgresql that has every one
 * of `binaries` (not /usr/bin or /usr/local/bin: Debian's /usr/bin/psql is a version-picking
 * wrapper, and nothing else is put on PATH by the package).
 */
export function findPostgresBinDir(binaries: string[] = SERVER_BINARIES): string {
  const versions = fs.existsSync(PG_ROOT)
    ? fs
        .readdirSync(PG_ROOT)
        .filter((v) => /^\d+(\.\d+)*$/.test(v))
        .sort((a, b) => {
          const [x, y] = [versionKey(a), versionKey(b)];
          for (let i = 0; i < Math.max(x.length, y.length); i++) {
            if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
          }
          return 0;
        })
    : [];
  for (const v of versions) {
    const bin = path.join(PG_ROOT, v, "bin");
    if (binaries.every((b) => fs.existsSync(path.join(bin, b)))) return bin;
  }
  const what = binaries.includes("initdb") ? "server binaries" : `binaries (${binaries.join(", ")})`;
  const seen =
    versions.length > 0
      ? ` (found ${versions.map((v) => `${v}/bin`).join(", ")} without all of ${binaries.join(", ")})`
      : "";
  throw new Error(
    `PostgreSQL ${what} not found under ${PG_ROOT}${seen}: install the Debian package postgresql ` +
      `(npm test does this as root)`,
  );
}

/** The URL without its password, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "";
    return u.toString();
  } catch {
    return "(an unparsable URL)";
  }
}

function checkDatabaseName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`invalid database name ${JSON.stringify(name)}: letters, digits and _ only (max 63)`);
  }
  return `"${name}"`;
}

/**
 * Databases and queries on a server given by URL (e.g. TEST_DATABASE_URL), through the `psql` of
 * `binDir`. The password, if any, goes to psql in PGPASSWORD, never on its command line.
 */
export function connectPostgres(url: string, binDir?: string): PostgresServer {
  const base = new URL(url);
  if (!/^postgres(ql)?:$/.test(base.protocol)) {
    throw new Error(`not a postgresql:// URL: ${redactUrl(url)}`);
  }
  const maintenanceDb = decodeURIComponent(base.pathname.replace(/^\//, "")) || "postgres";
  const adminUrl = (db: string = maintenanceDb): string => {
    const u = new URL(url);
    u.pathname = `/${encodeURIComponent(db)}`;
    return u.toString();
  };
  let psqlBin: string | undefined;
  const psql = async (sql: string | string[], db?: string): Promise<string> => {
    psqlBin ??= path.join(binDir ?? findPostgresBinDir(["psql"]), "psql");
    const u = new URL(adminUrl(db));
    const password = decodeURIComponent(u.password);
    u.password = "";
    const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: "10" };
    for (const k of ["PGPASSWORD", "PGSERVICE", "PGOPTIONS", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"])
      delete env[k];
    if (password) env.PGPASSWORD = password;
    const commands = (Array.isArray(sql) ? sql : [sql]).flatMap((c) => ["-c", c]);
    const args = ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", u.toString(), ...commands];
    const r = await runCommand(psqlBin, args, { env });
    if (r.code !== 0) {
      throw new Error(`psql on ${redactUrl(u.toString())} failed (exit ${r.code}): ${r.stderr.trim()}`);
    }
    return r.stdout.trim();
  };
  return {
    url: adminUrl(),
    adminUrl,
    psql: (sql, db) => psql(sql, db),
    async createDatabase(name) {
      const quoted = checkDatabaseName(name);
      // two -c: CREATE/DROP DATABASE cannot run inside the one transaction of a multi-statement -c
      await psql([`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`, `CREATE DATABASE ${quoted}`]);
      return adminUrl(name);
    },
    async dropDatabase(name) {
      await psql(`DROP DATABASE IF EXISTS ${checkDatabaseName(name)} WITH (FORCE)`);
    },
    stop: async () => {},
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** uid and gid of the `postgres` system user (made by the Debian package). */
function postgresUser(): { uid: number; gid: number } {
  try {
    const line = execFileSync("getent", ["passwd", SUPERUSER], { encoding: "utf8" }).trim();
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    throw new Error(
      `running as root, but there is no "${SUPERUSER}" system user to own the PostgreSQL cluster ` +
        `(initdb refuses root): install the Debian package postgresql (npm test does this as root)`,
    );
  }
}

/** argv that runs `bin` as the cluster's owner: the `postgres` user when we are root, else ourselves. */
function asOwner(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ["runuser", ["-u", SUPERUSER, "--", bin, ...args]] : [bin, args];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Is `pid` a postmaster serving `dataDir` (and not a reused pid, or another engineer's cluster)? */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!processAlive(pid)) return false;
  try {
    const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    if (cwd === fs.realpathSync(dataDir)) return true;
  } catch {
    // not readable (someone else's process) or no /proc: fall back to the command line
  }
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return argv.some((a) => a.includes("postgres")) && argv.includes(dataDir);
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processAlive(pid);
}

/**
 * Stops a postmaster left running on `<dir>/pgdata` by an earlier run that crashed or was killed
 * (immediate shutdown, then SIGKILL). Does nothing when there is none. Call it before removing `dir`.
 */
export async function stopLeftoverPostgres(dir: string): Promise<void> {
  const dataDir = path.resolve(dir, DATA);
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined || !isPostmasterOf(pid, dataDir)) return;
  console.warn(`postgres: stopping a leftover server (pid ${pid}) of ${dataDir}`);
  try {
    process.kill(pid, "SIGQUIT"); // PostgreSQL's immediate shutdown
  } catch {
    return;
  }
  if (await waitGone(pid, 10_000)) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone meanwhile
  }
  await waitGone(pid, 5_000);
}

/** Adds o+x to `dir` and each of its parents that lacks it, so the `postgres` user can reach `dir`. */
function makeTraversable(dir: string): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, (mode & 0o7777) | 0o001);
    if (path.dirname(d) === d) break;
  }
}

function quoteConf(value: string): string {
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Starts a private PostgreSQL cluster under `dir` (removed and made anew: a leftover of a crashed
 * run, running or not, is cleared first). Rejects with a message naming what is missing or what
 * failed (initdb, pg_ctl start with the end of the server log).
 */
export async function startPostgres(options: { dir: string; binDir?: string }): Promise<PrivatePostgres> {
  const binDir = options.binDir ?? findPostgresBinDir();
  const dir = path.resolve(options.dir);
  const dataDir = path.join(dir, DATA);
  const socketDir = path.join(dir, SOCKET);
  const logFile = path.join(dir, LOG);

  await stopLeftoverPostgres(dir);
  const owner = isRoot() ? postgresUser() : undefined;
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    fs.mkdirSync(dataDir, { mode: 0o700 });
    fs.mkdirSync(socketDir, { mode: 0o755 });
    fs.writeFileSync(logFile, "", { mode: 0o644 });
    if (owner) {
      for (const p of [dataDir, socketDir, logFile]) fs.chownSync(p, owner.uid, owner.gid);
      makeTraversable(dir);
    }
  } catch (error) {
    throw new Error(`could not prepare ${dir} for the test PostgreSQL cluster: ${String(error)}`);
  }

  const bin = (name: string) => path.join(binDir, name);
  // LC_ALL/LANG: initdb would otherwise take the locale of whoever runs the tests
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: "C", LANG: "C", TZ: process.env.TZ ?? "UTC" };
  delete env.PGDATA;
  const asOwnerRun = async (name: string, args: string[]) => {
    const [cmd, argv] = asOwner(bin(name), args);
    return runCommand(cmd, argv, { env, cwd: dir });
  };

  const init = await asOwnerRun("initdb", [
    "-D",
    dataDir,
    "-A",
    "trust",
    "-U",
    SUPERUSER,
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
    "--no-instructions",
  ]);
  if (init.code !== 0) {
    throw new Error(
      `initdb failed (exit ${init.code}) for ${dataDir}: ${(init.stderr || init.stdout).trim()}`,
    );
  }

  // A throwaway cluster: no durability needed, so no fsync. A socket path longer than the kernel
  // allows would fail the start; the tests use TCP, so go without a socket then.
  const socketPath = path.join(socketDir, ".s.PGSQL.65535");
  const settings = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: socketPath.length <= MAX_SOCKET_PATH ? socketDir : "",
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "200",
  };
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    "\n# test/support/postgres.ts\n" +
      Object.entries(settings)
        .map(([k, v]) => `${k} = ${quoteConf(v)}\n`)
        .join(""),
  );

  const pgCtlStart = (port: number) =>
    asOwnerRun("pg_ctl", ["-D", dataDir, "-o", `-p ${port}`, "-l", logFile, "-w", "-t", "60", "start"]);
  const startFailed = async (start: Run): Promise<never> => {
    await stopLeftoverPostgres(dir); // a server that came up too late for -t must not stay behind
    throw new Error(
      `pg_ctl start failed (exit ${start.code}) for ${dataDir}: ${(start.stderr || start.stdout).trim()}\n` +
        `last lines of ${logFile}:\n${tail(logFile)}`,
    );
  };

  // The port is free when picked but could be taken before the server binds it: try again then.
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const start = await pgCtlStart(port);
    if (start.code === 0) break;
    if (attempt < 3 && /could not bind|Address already in use/i.test(tail(logFile))) continue;
    await startFailed(start);
  }

  const server = connectPostgres(`postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`, binDir);
  let version: string;
  try {
    version = await server.psql("show server_version");
  } catch (error) {
    await stopCluster(dataDir, asOwnerRun);
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    ...server,
    port,
    version: version.split(" ")[0] ?? version,
    binDir,
    dataDir,
    logFile,
    stop: () => (stopped ??= stopCluster(dataDir, asOwnerRun)),
    start: async () => {
      if (!stopped) return;
      await stopped;
      // same port: the clients under test keep the URL they were given
      const start = await pgCtlStart(port);
      if (start.code !== 0) await startFailed(start);
      stopped = undefined;
    },
  };
}

async function stopCluster(
  dataDir: string,
  asOwnerRun: (name: string, args: string[]) => Promise<Run>,
): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined || !isPostmasterOf(pid, dataDir)) return; // already gone
  const r = await asOwnerRun("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
  if (r.code === 0 || (await waitGone(pid, 1_000))) return;
  // pg_ctl could not stop it: immediate shutdown, then kill
  await stopLeftoverPostgres(path.dirname(dataDir));
  if (processAlive(pid)) throw new Error(`could not stop PostgreSQL (pid ${pid}): ${r.stderr.trim()}`);
}

function shortPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : path.resolve(dir);
}

/**
 * The PostgreSQL a test run uses: the server at `TEST_DATABASE_URL` when given (nothing started),
 * else a private cluster under `dir`. `describe` is one line for the run's output (no password).
 */
export async function testRunPostgres(
  dir: string,
  givenUrl: string | undefined = process.env.TEST_DATABASE_URL,
): Promise<{ url: string; describe: string; stop: () => Promise<void> }> {
  if (givenUrl) {
    const server = connectPostgres(givenUrl);
    const version = await server.psql("show server_version");
    return {
      url: givenUrl,
      describe: `PostgreSQL ${version.split(" ")[0]} at TEST_DATABASE_URL ${redactUrl(givenUrl)} (nothing started)`,
      stop: async () => {},
    };
  }
  const pg = await startPostgres({ dir });
  return {
    url: pg.url,
    describe:
      `PostgreSQL ${pg.version} (${pg.binDir}), private cluster on 127.0.0.1:${pg.port} in ` +
      `${shortPath(dir)}/ (stopped at the end)`,
    stop: pg.stop,
  };
}

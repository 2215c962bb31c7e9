import fs from "node:fs";
import path from "node:path";

// The SQLite file holds every registration and the audit log: only the kiosk's own user may read
// it (issue 12 item 6). Its folder is 0700 and the file 0600; SQLite gives the -journal, -wal and
// -shm files the database file's mode, so making the file right before SQLite first opens it makes
// them right too. The server checks this at start (app/_server/startup.ts).

export const SQLITE_COMPANIONS = ["-journal", "-wal", "-shm"] as const;

/**
 * Makes the database's folder (0700) and an empty database file (0600) when they do not exist yet;
 * existing ones are left as they are (the server's start check names them). For the client
 * factory and migrate, which may be pointed at any folder.
 */
export function createSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // an empty file is an empty SQLite database; created here so it is born 0600
  fs.closeSync(fs.openSync(file, "a", 0o600));
}

/**
 * createSqliteFile, then the folder tightened to 0700 and the file and any journal to 0600: for
 * code that owns the folder it makes a database in (the demo's .data, the test harnesses).
 */
export function secureSqliteFiles(file: string): void {
  createSqliteFile(file);
  fs.chmodSync(path.dirname(file), 0o700);
  for (const f of [file, ...SQLITE_COMPANIONS.map((suffix) => `${file}${suffix}`)]) {
    if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
  }
}

/**
 * Why the server must not start on this SQLite file, or null: the file, a journal of it or its
 * folder can be read (or written, or entered) by the group or others. The message names the path
 * and the chmod that fixes it. A file not made yet is not a problem (it is made 0600).
 */
export function sqliteFilesProblem(file: string): string | null {
  const dir = path.dirname(file);
  const open = (p: string): number | null => {
    try {
      const mode = fs.statSync(p).mode & 0o777;
      return mode & 0o077 ? mode : null;
    } catch {
      return null;
    }
  };
  const octal = (mode: number) => mode.toString(8).padStart(4, "0");
  const dirMode = open(dir);
  if (dirMode !== null) {
    return `the database folder ${dir} is open to other users (mode ${octal(dirMode)}): chmod 700 ${dir}`;
  }
  for (const f of [file, ...SQLITE_COMPANIONS.map((suffix) => `${file}${suffix}`)]) {
    const mode = open(f);
    if (mode !== null)
      return `the database file ${f} is open to other users (mode ${octal(mode)}): chmod 600 ${f}`;
  }
  return null;
}

// Looks through everything a test run logged and stored (test-results/: step logs, the e2e
// server log, the e2e SQLite file, the simulated cards' state, the PostgreSQL server log) for the
// demo PINs and passwords.
// R30: none may appear anywhere.
import fs from "node:fs";
import path from "node:path";
import { DEMO_CARDS } from "@/kiosk/pki/cards";
import { DEMO_QUALIFICATIONS, DEMO_STAFF } from "@/prisma/demo-data";

const SKIPPED_DIRS = new Set(["pki", "softhsm", "pgdata"]);

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    // The demo PKI and the SoftHSM2 tokens are the cards themselves (keys and certificate DER, in
    // which "ST=Saitama" followed by an ASN.1 SET tag reads "Saitama1"): not something we logged.
    // pgdata is the test PostgreSQL's data directory (test/support/postgres.ts): binary pages and
    // WAL of throwaway databases. Its server log, postgres/postgres.log, is outside it and scanned.
    if (e.isDirectory()) return SKIPPED_DIRS.has(e.name) ? [] : files(p);
    // files (or links to them) only: the PostgreSQL socket cannot be read
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ? [p] : [];
  });
}

export function secretPatterns(): { what: string; re: RegExp }[] {
  const pins = [...new Set(DEMO_CARDS.map((c) => c.pin))];
  const passwords = DEMO_QUALIFICATIONS.map((q) => q.password);
  return [
    // a PIN is only 4 digits: count it when it stands alone, not inside base64, serials or dates
    ...pins.map((pin) => ({
      what: `PIN ${pin.replace(/./g, "*")}`,
      re: new RegExp(`(?<![A-Za-z0-9+/=:.-])${pin}(?![A-Za-z0-9+/=:.-])`),
    })),
    ...passwords.map((pw) => ({ what: `password of a demo user ID`, re: new RegExp(pw) })),
    ...DEMO_STAFF.map((s) => ({ what: `password of demo staff ${s.login}`, re: new RegExp(s.password) })),
  ];
}

// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;]*m/g;

export function scanForSecrets(dir: string): string[] {
  const patterns = secretPatterns();
  const found: string[] = [];
  for (const file of files(dir)) {
    // colour codes are taken out first: a test's duration "1234ms" printed as 1234 ESC[2m ms would
    // otherwise stand alone and read as a PIN
    const raw = fs.readFileSync(file).toString("latin1") + "\n" + fs.readFileSync(file, "utf8");
    const text = raw.replace(ANSI_ESCAPE, "");
    for (const { what, re } of patterns) {
      if (re.test(text)) found.push(`${path.relative(dir, file)}: ${what}`);
    }
  }
  return found;
}

// Once per test run: a fresh demo PKI (three CAs, the DEMO-DATA cards) in a temp folder. Test
// files find it through inject("pkiDir"); the environment variables are also set so services
// that read config() (TRUSTED_CA_FILES) and the card layer (KIOSK_PKI_DIR) pick it up as well —
// workers are forked after this runs and inherit the environment.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { generateDemoPki } from "../../kiosk/pki/demo-pki";

declare module "vitest" {
  export interface ProvidedContext {
    /** the demo PKI of this run (see kiosk/pki/demo-pki.ts) */
    pkiDir: string;
    /** comma-separated trust anchors of the two trusted demo CAs */
    trustedCaFiles: string;
    /** comma-separated intermediate CA certificates (the LGPKI-like CA's sub CA, issuer of TEST-I) */
    intermediateCaFiles: string;
    /** the LGPKI-like CA's current CRL, listing TEST-R (kiosk/pki/validation-pki.ts) */
    crlFile: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-pki-"));
  const pki = await generateDemoPki({ dir: path.join(root, "pki") });
  const trusted = pki.cas.flatMap((ca) => (ca.trustAnchorPath ? [ca.trustAnchorPath] : [])).join(",");
  project.provide("pkiDir", pki.dir);
  project.provide("trustedCaFiles", trusted);
  project.provide("intermediateCaFiles", pki.validation.intermediateCaFiles.join(","));
  project.provide("crlFile", pki.validation.crlFiles[0]!);
  process.env.KIOSK_PKI_DIR = pki.dir;
  process.env.TRUSTED_CA_FILES = trusted;
  // Never the repo's .data: a test that forgets its own state file still leaves no trace there.
  process.env.KIOSK_SIMCARD_STATE = path.join(root, "simcard-state.json");
  // A test that renders a receipt without a database of its own reads the audit key for the
  // receipt's 照合コード (issue 13 item 3), and on SQLite that key file lives beside the database:
  // beside a database in this run's folder, then, never the repo's .data.
  process.env.DATABASE_URL ??= `file:${path.join(root, "no-database", "kiosk.db")}`;
  // PostgreSQL databases need AUDIT_KEY (no file beside them to keep it in); SQLite ones keep
  // the default, a key file beside each test database
  if (process.env.TEST_DATABASE_ENGINE === "postgresql") {
    process.env.AUDIT_KEY ??= randomBytes(32).toString("hex");
  }
  return () => {
    fs.rmSync(root, { recursive: true, force: true });
  };
}

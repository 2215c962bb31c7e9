// SoftHSM2 test tokens: one token per demo card SoftHSM can represent (all but DEMO-L — SoftHSM2
// never locks a PIN), built from the demo PKI with the card's label, PIN, key and certificate.
// Everything lives under one project-local folder with its own softhsm2.conf, so the system's
// token directory is never touched. `npm run kiosk:tokens [-- --pki <dir>] [--dir <dir>]`.
//
// The PINs have to reach softhsm2-util and pkcs11-tool as arguments (they read no other way
// without a terminal); their output is captured, never printed, and scrubbed from any error.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_CARDS } from "./cards";
import { DEFAULT_PKI_DIR } from "./demo-pki";
import { pkiLayout } from "./descriptor";

export const SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so";
export const DEFAULT_SOFTHSM_DIR = ".data/softhsm";
/** The demo cards a SoftHSM2 token can stand for: a locked PIN is the one thing it cannot do. */
export const SOFTHSM_LABELS = DEMO_CARDS.filter((c) => !c.initiallyLocked).map((c) => c.label);

export type SoftHsmTokens = {
  /** export as SOFTHSM2_CONF for the kiosk, the probe and pkcs11-tool */
  conf: string;
  tokenDir: string;
  module: string;
  labels: string[];
};

function run(tool: string, args: string[], env: NodeJS.ProcessEnv, secrets: string[]): void {
  try {
    execFileSync(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === "ENOENT") {
      throw new Error(`${tool} not found: install the Debian packages softhsm2 and opensc`);
    }
    let detail = failure.stderr?.toString().trim() ?? "";
    for (const secret of secrets) detail = detail.split(secret).join("****");
    throw new Error(`${tool} ${args[0]} failed: ${detail || "no output"}`);
  }
}

export function buildSoftHsmTokens(options: {
  pkiDir?: string;
  dir?: string;
  labels?: readonly string[];
  module?: string;
}): SoftHsmTokens {
  const pki = pkiLayout(path.resolve(options.pkiDir ?? DEFAULT_PKI_DIR));
  const dir = path.resolve(options.dir ?? DEFAULT_SOFTHSM_DIR);
  const module = options.module ?? SOFTHSM_MODULE;
  if (!fs.existsSync(module)) {
    throw new Error(`No SoftHSM2 module at ${module}: install the Debian package softhsm2`);
  }
  const labels = options.labels ?? SOFTHSM_LABELS;
  for (const label of labels) {
    if (!SOFTHSM_LABELS.includes(label))
      throw new Error(`${label} is not a demo card SoftHSM2 can represent`);
  }

  // A rebuild starts empty: a token left from an older PKI would hold a certificate of a dead CA.
  const tokenDir = path.join(dir, "tokens");
  fs.rmSync(tokenDir, { recursive: true, force: true });
  fs.mkdirSync(tokenDir, { recursive: true, mode: 0o700 });
  const conf = path.join(dir, "softhsm2.conf");
  fs.writeFileSync(
    conf,
    [`directories.tokendir = ${tokenDir}`, "objectstore.backend = file", "log.level = ERROR", ""].join("\n"),
  );
  const env = { ...process.env, SOFTHSM2_CONF: conf };

  for (const label of labels) {
    const card = DEMO_CARDS.find((c) => c.label === label)!;
    const keyFile = path.join(pki.cardsDir, `${label}.key.pem`);
    const certFile = path.join(pki.cardsDir, `${label}.cert.pem`);
    if (!fs.existsSync(keyFile) || !fs.existsSync(certFile)) {
      throw new Error(`No key or certificate for ${label} in ${pki.cardsDir}: generate the demo PKI first`);
    }
    // The security officer PIN is never needed again: random, and forgotten.
    const soPin = randomBytes(8).toString("hex");
    const secrets = [card.pin, soPin];
    run(
      "softhsm2-util",
      ["--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", card.pin],
      env,
      secrets,
    );
    for (const [file, type] of [
      [keyFile, "privkey"],
      [certFile, "cert"],
    ] as const) {
      const args = ["--module", module, "--token-label", label, "--login", "--pin", card.pin];
      args.push("--write-object", file, "--type", type, "--id", "01", "--label", label);
      run("pkcs11-tool", args, env, secrets);
    }
  }
  return { conf, tokenDir, module, labels: [...labels] };
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index === -1) return undefined;
  const value = argv[index + 1];
  if (!value) throw new Error(`${name} needs a folder`);
  return value;
}

function main(): void {
  const argv = process.argv.slice(2);
  const pkiDir = option(argv, "--pki") ?? process.env.KIOSK_PKI_DIR ?? DEFAULT_PKI_DIR;
  const built = buildSoftHsmTokens({ pkiDir, dir: option(argv, "--dir") });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`SoftHSM2 tokens ${built.labels.join(", ")} in ${built.tokenDir}`);
  out("Use them with:");
  out(`  export SOFTHSM2_CONF=${built.conf}`);
  out(`  export CARD_DRIVER=pkcs11 PKCS11_MODULE=${built.module}`);
}

// Run as a script (tsx kiosk/pki/softhsm.ts), not when a test imports buildSoftHsmTokens.
if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("kiosk", "pki", "softhsm.ts"))) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

// (c) The PIN step on a SoftHSM2 token: our pkcs11 driver (certificate read + PIN login + sign +
// logout) vs `pkcs11-tool --login --pin … --sign --mechanism SHA256-RSA-PKCS --id 01`, OpenSC's
// command-line client doing login + sign on the same token. Two sides of ours are measured:
// "warm" is the kiosk's steady state (module initialized once at boot), "cold" loads and
// initializes the module per run, as the pkcs11-tool process has to. Medians over ≥ 20 runs.
// `npm run bench:pkcs11` (BENCH_RUNS, default 25). Not a test: nothing here asserts.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadNativePkcs11 } from "@/kiosk/card/pkcs11/native";
import { Pkcs11CardReader } from "@/kiosk/card/pkcs11/reader";
import { demoCard } from "@/kiosk/pki/cards";
import { generateDemoPki } from "@/kiosk/pki/demo-pki";
import { buildSoftHsmTokens, SOFTHSM_MODULE } from "@/kiosk/pki/softhsm";
import { median, medianRatio, printTable, runPairs } from "./stats";

const run = promisify(execFile);
const LABEL = "DEMO-A";

export type Pkcs11Bench = {
  runs: number;
  warmMs: number;
  coldMs: number;
  toolMs: number;
  warmRatio: number;
  coldRatio: number;
};

function newReader(): Pkcs11CardReader {
  return new Pkcs11CardReader({ modulePath: SOFTHSM_MODULE, tokenLabel: LABEL, load: loadNativePkcs11 });
}

async function ourPinStep(reader: Pkcs11CardReader, pin: string, nonce: Uint8Array): Promise<void> {
  await reader.readCertificate();
  await reader.sign(pin, nonce);
}

export async function benchPkcs11(runs: number): Promise<Pkcs11Bench> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-pkcs11-bench-"));
  try {
    const pki = await generateDemoPki({ dir: path.join(root, "pki") });
    const tokens = buildSoftHsmTokens({ pkiDir: pki.dir, dir: path.join(root, "softhsm"), labels: [LABEL] });
    // SoftHSM2 reads its configuration at C_Initialize: set before the first reader starts.
    process.env.SOFTHSM2_CONF = tokens.conf;
    const pin = demoCard(LABEL).pin;
    const nonce = new TextEncoder().encode("a 43-character base64url nonce, as issued..");
    const input = path.join(root, "nonce.bin");
    fs.writeFileSync(input, nonce);
    const output = path.join(root, "signature.bin");
    const toolArgs = ["--module", SOFTHSM_MODULE, "--token-label", LABEL, "--login", "--pin", pin];
    toolArgs.push("--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", "01");
    toolArgs.push("--input-file", input, "--output-file", output);
    const tool = async () => {
      await run("pkcs11-tool", toolArgs, { env: process.env });
    };

    const warm = newReader();
    // One untimed round each: page cache, lazy binding, first C_Initialize.
    await ourPinStep(warm, pin, nonce);
    await tool();

    const warmPair = await runPairs(runs, () => ourPinStep(warm, pin, nonce), tool);
    await warm.close();
    const coldPair = await runPairs(
      runs,
      async () => {
        const reader = newReader();
        try {
          await ourPinStep(reader, pin, nonce);
        } finally {
          await reader.close();
        }
      },
      tool,
    );
    return {
      runs,
      warmMs: median(warmPair.ours),
      coldMs: median(coldPair.ours),
      toolMs: median([...warmPair.baseline, ...coldPair.baseline]),
      warmRatio: medianRatio(warmPair),
      coldRatio: medianRatio(coldPair),
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function printPkcs11Bench(result: Pkcs11Bench): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const verdict = (ratio: number) => (ratio <= 1.3 ? "ok" : "OVER GOAL");
  console.log(
    `(c) PIN step on a SoftHSM2 token (${LABEL}): certificate read + login + sign, ${result.runs} runs\n`,
  );
  printTable(
    ["measure", "our driver", "pkcs11-tool --sign", "ratio", "goal", "result"],
    [
      [
        "warm (kiosk)",
        ms(result.warmMs),
        ms(result.toolMs),
        `${result.warmRatio.toFixed(2)}×`,
        "≤ 1.3×",
        verdict(result.warmRatio),
      ],
      [
        "cold (init)",
        ms(result.coldMs),
        ms(result.toolMs),
        `${result.coldRatio.toFixed(2)}×`,
        "≤ 1.3×",
        verdict(result.coldRatio),
      ],
    ],
  );
}

// Run as a script (npm run bench:pkcs11), not when run.ts/bench.ts imports benchPkcs11.
if (process.argv[1]?.endsWith(path.join("bench", "pkcs11-bench.ts"))) {
  const runs = Number(process.env.BENCH_RUNS ?? 25);
  if (!Number.isInteger(runs) || runs < 20) throw new Error("BENCH_RUNS must be an integer ≥ 20");
  benchPkcs11(runs)
    .then(printPkcs11Bench)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}

// The terminal's own settings. kiosk/ never imports app/, so it reads its variables here and
// fails naming the variable that is wrong.
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  /** Which CardReader drives the terminal: only "simulated" exists so far. */
  CARD_DRIVER: z.string().default("simulated"),
  /** The demo PKI: CA certificates, virtual cards (keys, certificates, PIN hashes). */
  KIOSK_PKI_DIR: z.string().min(1).default(".data/pki"),
  /** Where the simulated cards keep their PIN try counters across removal and restarts. */
  KIOSK_SIMCARD_STATE: z.string().min(1).default(".data/simcard-state.json"),
});

export type KioskConfig = { cardDriver: string; pkiDir: string; simCardStateFile: string };

export function kioskConfig(env: Record<string, string | undefined> = process.env): KioskConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid kiosk terminal configuration:\n${lines.join("\n")}`);
  }
  return {
    cardDriver: parsed.data.CARD_DRIVER,
    pkiDir: path.resolve(parsed.data.KIOSK_PKI_DIR),
    simCardStateFile: path.resolve(parsed.data.KIOSK_SIMCARD_STATE),
  };
}

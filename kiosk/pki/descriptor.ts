// The JSON file that describes one virtual card next to its certificate and key. Written by the
// generator, read by the simulated driver; it holds a PIN hash, never a PIN.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export const descriptorSchema = z.object({
  version: z.literal(1),
  label: z.string().min(1),
  holder: z.string(),
  company: z.string(),
  /** file names relative to the descriptor's folder */
  certificate: z.string(),
  key: z.string(),
  /** lowercase hex; the simulated reader's try counter belongs to this exact card */
  serialNumber: z.string(),
  pinHash: z.string(),
  initialState: z.enum(["ready", "locked"]),
  maxTries: z.number().int().min(1).max(15),
});
export type CardDescriptor = z.infer<typeof descriptorSchema>;

export type PkiLayout = { dir: string; caDir: string; trustDir: string; cardsDir: string };

export function pkiLayout(dir: string): PkiLayout {
  return {
    dir,
    caDir: path.join(dir, "ca"),
    trustDir: path.join(dir, "trust"),
    cardsDir: path.join(dir, "cards"),
  };
}

export type LoadedCard = CardDescriptor & { certificatePath: string; keyPath: string };

/** Every card descriptor in the PKI folder, sorted by label. */
export function loadCardDescriptors(dir: string): LoadedCard[] {
  const { cardsDir } = pkiLayout(dir);
  // The folder is chosen at run time (KIOSK_PKI_DIR): tell Next's file tracer not to follow it.
  if (!fs.existsSync(/*turbopackIgnore: true*/ cardsDir)) {
    throw new Error(
      `No virtual cards in ${cardsDir}: generate the demo PKI with "npx tsx kiosk/pki/cli.ts" (or set KIOSK_PKI_DIR)`,
    );
  }
  return fs
    .readdirSync(/*turbopackIgnore: true*/ cardsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const file = path.join(cardsDir, name);
      const parsed = descriptorSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
      if (!parsed.success) throw new Error(`Invalid card descriptor ${file}: ${parsed.error.message}`);
      return {
        ...parsed.data,
        certificatePath: path.join(cardsDir, parsed.data.certificate),
        keyPath: path.join(cardsDir, parsed.data.key),
      };
    });
}

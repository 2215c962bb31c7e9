// The simulated cards' PIN try counters, persisted so that a locked card stays locked after it is
// pulled out or the kiosk restarts — as a real card would. Entries are keyed by label and remember
// the card's serial: regenerating the demo PKI makes new cards, which start fresh.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const entrySchema = z.object({
  serialNumber: z.string(),
  failures: z.number().int().min(0),
  locked: z.boolean(),
});
const fileSchema = z.object({ cards: z.record(z.string(), entrySchema) });

export type SimCardEntry = z.infer<typeof entrySchema>;

export class SimCardStateStore {
  constructor(private readonly file: string) {}

  read(label: string, serialNumber: string): SimCardEntry | null {
    const entry = this.readAll()[label];
    return entry && entry.serialNumber === serialNumber ? entry : null;
  }

  write(label: string, entry: SimCardEntry): void {
    const cards = { ...this.readAll(), [label]: entry };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Write-then-rename: a crash mid-write must not turn a locked card back into a fresh one.
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ cards }, null, 2)}\n`);
    fs.renameSync(temp, this.file);
  }

  private readAll(): Record<string, SimCardEntry> {
    if (!fs.existsSync(this.file)) return {};
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, "utf8")));
    if (!parsed.success)
      throw new Error(`Invalid simulated card state file ${this.file}: ${parsed.error.message}`);
    return parsed.data.cards;
  }
}

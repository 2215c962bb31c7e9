// Drives the kiosk's server side the way the screens do: a session, a virtual card in the
// simulated reader, the PIN step, the search. Each test file gets its own card-state file so PIN
// counters of one file never lock a card for another.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { proveCard } from "@/app/_server/kiosk-card";
import { searchQualification } from "@/app/_server/qualifications";
import { startSession } from "@/app/_server/session";
import type { ContactInput } from "@/app/_shared/schemas";
import { getSimulatedCardReader, resetCardReaderForTests } from "@/kiosk/card";
import { DEMO_CARDS } from "@/kiosk/pki/cards";
import type { Kind } from "@/app/_shared/kinds";

export function freshCardReader() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosk-sim-"));
  process.env.KIOSK_SIMCARD_STATE = path.join(dir, "state.json");
  resetCardReaderForTests();
  return getSimulatedCardReader()!;
}

export function pinOf(label: string): string {
  return DEMO_CARDS.find((c) => c.label === label)!.pin;
}

export async function openSession(agencyCode = "110000", kind: Kind = "construction"): Promise<string> {
  const started = await startSession({ agencyCode, kind });
  if (!started.ok) throw new Error(started.message);
  return started.id;
}

/** A session whose card (already inserted, or `label` inserted now) passed the PIN step. */
export async function provenSession(
  label: string,
  opts: { agencyCode?: string; kind?: Kind; insert?: boolean } = {},
) {
  const sessionId = await openSession(opts.agencyCode, opts.kind);
  if (opts.insert !== false) getSimulatedCardReader()!.insert(label);
  const proof = await proveCard(sessionId, { pin: pinOf(label), purpose: "register" });
  return { sessionId, proof };
}

export const SAITAMA_LOGIN = {
  officialName: "株式会社さいたま建設",
  userId: "1000000001",
  password: "Saitama1",
};

export async function matchedSession(
  label: string,
  login = SAITAMA_LOGIN,
  opts: { agencyCode?: string; kind?: Kind; insert?: boolean } = {},
) {
  const { sessionId, proof } = await provenSession(label, opts);
  if (!proof.ok) throw new Error(`card proof failed: ${proof.code}`);
  const search = await searchQualification(sessionId, login);
  if (!search.ok) throw new Error(`search failed: ${search.code}`);
  return { sessionId, search };
}

export function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  const base = {
    contactName: "工事課",
    postalCode: "330-0063",
    address: "埼玉県さいたま市浦和区高砂3-15-1",
    personName: "埼玉 太郎",
    phone: "048-000-0000",
    fax: "048-000-0001",
    email: "koji@saitama-kensetsu.example.jp",
  };
  const merged = { ...base, ...overrides };
  return { emailConfirm: merged.email, ...merged };
}

export function registrationForm(
  opts: { representative?: boolean; ack?: boolean; department?: Partial<ContactInput> } = {},
) {
  return {
    representative:
      opts.representative === false
        ? null
        : contact({ contactName: "総務課", email: "soumu@saitama-kensetsu.example.jp" }),
    department: contact(opts.department),
    holderMismatchAcknowledged: opts.ack ?? false,
  };
}

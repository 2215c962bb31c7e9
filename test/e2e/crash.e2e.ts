// The crash test (issue 12 item 7, R34): `next start` on a terminal of its own is SIGKILLed 20 times
// (200 with SOAK=1, `npm run soak`) at random moments while a client drives real 変更 visits through
// the kiosk's server actions, and started again each time. Afterwards the database is whole
// (integrity_check, foreign_key_check, `audit:verify`) and every 変更 the client saw answered ok is
// there: its receipt, with its registration, its email in the outbox and the name it sent.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverActions } from "./attack-client";
import { auditVerify, invalidRows, queryAll } from "./attack-db";
import { changeName, kioskActions, registerCard, Visit, type KioskActions } from "./attack-flows";
import { prepareTerminal } from "./harness";
import { root, startKioskServer, type KioskServer } from "./servers";

const KILLS = process.env.SOAK === "1" ? 200 : 20;
const CARD = "DEMO-A";

let env: Record<string, string>;
let server: KioskServer;
let actions: KioskActions;
const logDir = path.join(root, "test-results/e2e-crash");

/** What the client saw answered ok: receipt number → the 氏名 it sent. */
const seenOk = new Map<string, string>();
let kills = 0;
let attempts = 0;
let seconds = 0;

async function restart(n: number): Promise<void> {
  server = await startKioskServer(env, path.join(logDir, `server-${n % 5}.log`));
}

/** 変更 visits one after another until `stopped()`; a dropped connection ends the visit, not the loop. */
async function submitUntil(stopped: () => boolean, onCall: (name: string) => void): Promise<void> {
  while (!stopped()) {
    const name = `浦和 ${attempts++}`;
    try {
      const visit = new Visit(server.baseUrl, actions, onCall);
      const answer = await changeName(visit, server.baseUrl, CARD, name);
      if (answer.ok === true && answer.receiptNumber) seenOk.set(answer.receiptNumber, name);
    } catch {
      // killed mid-visit: the answer never came, so it promised nothing
    }
  }
}

beforeAll(async () => {
  env = await prepareTerminal(path.join(root, "test-results/e2e-crash-data"));
  actions = kioskActions(serverActions());
  await restart(0);
  const first = new Visit(server.baseUrl, actions);
  const registered = await registerCard(first, server.baseUrl, CARD);
  if (registered.ok !== true) throw new Error(`登録 before the crash test: ${JSON.stringify(registered)}`);
  seenOk.set(registered.receiptNumber!, "浦和 一郎");
  await first.call("endSession", "logout");

  const started = Date.now();
  for (let n = 1; n <= KILLS; n++) {
    let killed = false;
    // every other kill lands while 変更 commits (0–40 ms into its submit, a few visits in); the
    // rest at a random moment of a visit, whichever step it is at
    const atSubmit = n % 2 === 0;
    const visits = 1 + Math.floor(Math.random() * 2);
    let submits = 0;
    let fire: () => void = () => undefined;
    const moment = new Promise<void>((resolve) => (fire = resolve));
    const client = submitUntil(
      () => killed,
      (call) => {
        if (call !== "submitChange" || ++submits < visits) return;
        if (atSubmit) setTimeout(fire, Math.random() * 40);
        else setTimeout(fire, Math.random() * 1500);
      },
    );
    await Promise.race([moment, new Promise((r) => setTimeout(r, 30_000))]);
    server.stop("SIGKILL");
    killed = true;
    kills += 1;
    await client;
    await restart(n);
  }
  // the server after the last kill still serves a visit to its end
  const last = new Visit(server.baseUrl, actions);
  const answer = await changeName(last, server.baseUrl, CARD, "浦和 最後");
  if (answer.ok !== true) throw new Error(`変更 after the last restart: ${JSON.stringify(answer)}`);
  seenOk.set(answer.receiptNumber!, "浦和 最後");
  server.stop();
  seconds = (Date.now() - started) / 1000;
}, 3_600_000);

afterAll(() => server?.stop());

describe(`SIGKILL during submissions, ${KILLS} times (issue 12 item 7, R34)`, () => {
  it("every kill was survived and the database is whole: integrity_check, foreign_key_check, audit:verify", () => {
    console.log(
      `crash test: ${kills} kills survived in ${seconds.toFixed(0)}s, ${attempts} 変更 visits tried, ${seenOk.size} answered ok`,
    );
    expect(kills).toBe(KILLS);
    expect(invalidRows(env.DATABASE_URL!)).toEqual([]);
    const verified = auditVerify(env);
    expect(verified.ok, verified.output).toBe(true);
  });

  it("every answer the client saw as ok is in the database: receipt, registration, email, the name sent", () => {
    expect(seenOk.size).toBeGreaterThan(1);
    const missing: string[] = [];
    for (const [number, name] of seenOk) {
      const [row] = queryAll<{ data: string; registration: string | null; emails: number }>(
        env.DATABASE_URL!,
        `SELECT r.data, c.id AS registration, (SELECT COUNT(*) FROM OutboxEmail o WHERE o.receiptId = r.id) AS emails
           FROM Receipt r LEFT JOIN CardRegistration c ON c.id = r.cardRegistrationId WHERE r.number = ?`,
        number,
      );
      if (!row) missing.push(`${number}: no receipt`);
      else if (!row.registration) missing.push(`${number}: no registration`);
      else if (row.emails < 1) missing.push(`${number}: no email`);
      else if (!row.data.includes(name)) missing.push(`${number}: not the name sent (${name})`);
    }
    expect(missing).toEqual([]);
  });
});

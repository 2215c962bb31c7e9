// Many terminals, one registry (issue 10, R34), in Chromium: KIOSK-01 and KIOSK-02 and a staff
// console, three servers on one PostgreSQL database (two-terminals.ts). The tests build on each
// other in order, as a helpdesk day does: the R1 race, an email, the console, the nightly batch.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCard } from "@/kiosk/pki/cards";
import { DEMO_QUALIFICATIONS, DEMO_STAFF } from "@/prisma/demo-data";
import { DEPT, GOODS, REP, fillForm, search, startRegistration, toMenu, toMenuFor } from "./flows";
import { expectNoProblems, launch, openKiosk, removeCard, type Kiosk } from "./support";
import { root } from "./servers";
import { TERMINALS, startHelpdesk, type Helpdesk, type TerminalId } from "./two-terminals";

// passwords and PINs by reference: a failure's code frame in the log never shows one (leak scan)
function login(userId: string) {
  const q = DEMO_QUALIFICATIONS.find((d) => d.userId === userId)!;
  return { officialName: q.officialName, userId: q.userId, password: q.password };
}
const STAFF01 = DEMO_STAFF.find((s) => s.login === "staff01")!;
const DEMO_A = demoCard("DEMO-A");
const DEMO_G = demoCard("DEMO-G");

/** who each terminal registers DEMO-A to in the race: two 工事 user IDs, so R1 allows one */
const RACE: Record<TerminalId, string> = { "KIOSK-01": "1000000001", "KIOSK-02": "1000000004" };

let browser: Browser;
let helpdesk: Helpdesk;
/** the terminal whose registration of DEMO-A committed in the race */
let raceWinner: TerminalId;

beforeAll(async () => {
  helpdesk = await startHelpdesk();
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await helpdesk?.stop();
}, 60_000);

/** Menu → card → PIN → search → form → (R17 acknowledged) → the confirm screen of 登録. */
async function toConfirm(page: Page, card: typeof DEMO_A, userId: string, representative: boolean) {
  await startRegistration(page, card.label, card.pin);
  await search(page, login(userId));
  await fillForm(page, representative ? REP : null, DEPT);
  const confirm = page.getByRole("heading", { name: "登録内容確認" });
  const holderWarning = page.getByRole("button", { name: "確認しました" });
  await confirm.or(holderWarning).waitFor();
  if (await holderWarning.isVisible()) await holderWarning.click();
  await confirm.waitFor();
}

/** What 登録 answered: the result screen, or the title of the refusal shown instead. */
async function submitted(page: Page): Promise<string> {
  const done = page.getByRole("heading", { name: "利用者情報登録結果" });
  const refused = page.locator("#refused-title");
  await done.or(refused).waitFor({ timeout: 60_000 });
  return (await done.isVisible()) ? "registered" : `refused: ${await refused.innerText()}`;
}

async function receiptNumber(page: Page): Promise<string> {
  const number = /\d{8}-\d{4}/.exec(await page.locator("main").innerText())?.[0];
  expect(number, "the result screen shows the 受付番号").toBeDefined();
  return number!;
}

/** A CLI of the product run with a terminal's settings; resolves with its exit code and output. */
function runCli(script: string, env: Record<string, string>) {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, [path.join(root, script)], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe("two terminals, one PostgreSQL", () => {
  it("one card submitted at both terminals at once for two user IDs → one registration, one R1 refusal", async () => {
    const kiosks = {} as Record<TerminalId, Kiosk>;
    for (const id of TERMINALS) kiosks[id] = await openKiosk(browser, helpdesk.terminals[id].baseUrl);
    await Promise.all(
      TERMINALS.map(async (id) => {
        await toMenu(kiosks[id].page);
        await toConfirm(kiosks[id].page, DEMO_A, RACE[id], true);
      }),
    );

    // both visits proved DEMO-A and passed every check; now 登録 at both, at the same moment
    const register = (id: TerminalId) =>
      kiosks[id].page.getByRole("button", { name: "登録", exact: true }).click();
    await Promise.all(TERMINALS.map(register));
    const outcomes = await Promise.all(TERMINALS.map((id) => submitted(kiosks[id].page)));
    expect([...outcomes].sort()).toEqual(["refused: 既に登録されています", "registered"]);
    raceWinner = TERMINALS[outcomes.indexOf("registered")]!;
    const loser = TERMINALS.find((id) => id !== raceWinner)!;

    const cards = await helpdesk.query<{ userId: string; terminalId: string }>(
      `SELECT q."userId", r."terminalId" FROM "CardRegistration" c
       JOIN "Qualification" q ON q."id" = c."qualificationId"
       JOIN "Receipt" r ON r."cardRegistrationId" = c."id"`,
    );
    expect(cards).toEqual([{ userId: RACE[raceWinner], terminalId: raceWinner }]);

    // the loser hears R1 in the manual's words, not 「登録を完了できませんでした」
    const page = kiosks[loser].page;
    await expect
      .poll(() => page.getByText("挿入されているICカードの利用者は既に登録されています").count())
      .toBeGreaterThan(0);
    expect(await page.getByText("登録を完了できませんでした").count()).toBe(0);
    const refusals = await helpdesk.query<{ terminalId: string; detail: { reason?: string } }>(
      `SELECT "terminalId", "detail" FROM "AuditLog"
       WHERE "action" = 'registration.create' AND "outcome" = 'refused'`,
    );
    expect(refusals).toEqual([{ terminalId: loser, detail: { reason: "R1" } }]);

    for (const id of TERMINALS) {
      await removeCard(kiosks[id].page, DEMO_A.label);
      expectNoProblems(kiosks[id]);
      await kiosks[id].context.close();
    }
  });

  it("an email queued at KIOSK-01 is delivered once though both terminals' dispatchers claim it at once", async () => {
    // Resend fails the first try, so the email waits a minute for its retry. Meanwhile the test
    // holds its row: once it is due, each terminal's dispatcher (woken by kiosk page loads,
    // app/page.tsx) finds it and blocks in its claim — both at once, for certain, not by luck.
    helpdesk.stub.script("error500");
    const kiosk = await openKiosk(browser, helpdesk.terminals["KIOSK-01"].baseUrl);
    // DEMO-A for 物品 (R1 allows one user ID per kind): 2000000001's first card
    await toMenuFor(kiosk.page, GOODS);
    await toConfirm(kiosk.page, DEMO_A, "2000000001", true);
    await kiosk.page.getByRole("button", { name: "登録", exact: true }).click();
    expect(await submitted(kiosk.page)).toBe("registered");
    const key = `receipt-${await receiptNumber(kiosk.page)}`;
    await removeCard(kiosk.page, DEMO_A.label);
    expectNoProblems(kiosk);
    await kiosk.context.close();

    type Row = { status: string; attempts: number; terminalId: string; lastError: string | null };
    const email = async () =>
      (
        await helpdesk.query<Row>(
          `SELECT e."status", e."attempts", e."lastError", r."terminalId" FROM "OutboxEmail" e
           JOIN "Receipt" r ON r."id" = e."receiptId" WHERE e."idempotencyKey" = $1`,
          [key],
        )
      )[0];
    await expect.poll(async () => (await email())?.lastError ?? null, { timeout: 30_000 }).not.toBeNull();
    expect(await email()).toMatchObject({ status: "pending", attempts: 1, terminalId: "KIOSK-01" });

    const holder = await helpdesk.connect();
    await holder.query(`BEGIN`);
    await holder.query(`SELECT 1 FROM "OutboxEmail" WHERE "idempotencyKey" = $1 FOR SHARE`, [key]);
    // asked on a connection of its own: inside the holder's transaction the view would not change
    const waitingClaims = async () =>
      (
        await helpdesk.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'
             AND query LIKE 'UPDATE%"OutboxEmail"%'`,
        )
      )[0]!.n;
    let waking = true;
    const wakeProblems: string[] = [];
    const wake = async (baseUrl: string) => {
      while (waking) {
        const answer = await fetch(baseUrl).catch((e: unknown) => String(e));
        if (typeof answer === "string" || !answer.ok) {
          wakeProblems.push(`${baseUrl}: ${typeof answer === "string" ? answer : answer.status}`);
        } else await answer.arrayBuffer();
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const wakers = TERMINALS.map((id) => wake(helpdesk.terminals[id].baseUrl));
    try {
      try {
        // one dispatch at a time per server (dispatcher.ts), so two waiting claims are both servers'
        await expect.poll(waitingClaims, { timeout: 120_000, interval: 500 }).toBe(2);
      } finally {
        await holder.query(`COMMIT`);
      }
      await expect.poll(async () => (await email())?.status, { timeout: 30_000 }).toBe("sent");
      // a few more wake-ups after the send: none may send it again
      await new Promise((r) => setTimeout(r, 3_000));
    } finally {
      waking = false;
      await Promise.all(wakers);
    }
    expect(wakeProblems).toEqual([]);

    expect(await email()).toMatchObject({ status: "sent", attempts: 2 });
    const replies = (k: string | null) =>
      helpdesk.stub.requests.filter((r) => r.idempotencyKey === k).map((r) => r.reply);
    expect(replies(key)).toEqual(["error500", "ok"]);
    // and the race's email, sent by the terminal that won it: once as well
    const keys = await helpdesk.query<{ idempotencyKey: string }>(
      `SELECT "idempotencyKey" FROM "OutboxEmail"`,
    );
    for (const { idempotencyKey } of keys) {
      expect(
        replies(idempotencyKey).filter((r) => r === "ok"),
        idempotencyKey,
      ).toEqual(["ok"]);
    }
  }, 240_000);

  it("the staff console on a third server shows both terminals' operations, each under its terminal", async () => {
    // an operation at KIOSK-02 whichever terminal won the race: DEMO-G for 1000000004, whose
    // 代表窓口情報 is on file already if KIOSK-02 registered DEMO-A to it (R4)
    const kiosk = await openKiosk(browser, helpdesk.terminals["KIOSK-02"].baseUrl);
    await toMenu(kiosk.page);
    await toConfirm(kiosk.page, DEMO_G, "1000000004", raceWinner !== "KIOSK-02");
    await kiosk.page.getByRole("button", { name: "登録", exact: true }).click();
    expect(await submitted(kiosk.page)).toBe("registered");
    await removeCard(kiosk.page, DEMO_G.label);
    expectNoProblems(kiosk);
    await kiosk.context.close();

    const staff = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    const page = await staff.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
    });
    const consoleUrl = helpdesk.console.baseUrl;
    await page.goto(`${consoleUrl}/staff/signin?callbackUrl=${encodeURIComponent("/staff")}`);
    await page.getByLabel("ログイン名").fill(STAFF01.login);
    await page.getByLabel("パスワード").fill(STAFF01.password);
    const submit = page.getByRole("button", { name: "サインイン" });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await page.waitForURL((url) => url.pathname === "/staff", { timeout: 20_000 });
    await page.getByRole("heading", { name: "本日の受付" }).waitFor();

    const receipts = await helpdesk.query<{ number: string; terminalId: string }>(
      `SELECT "number", "terminalId" FROM "Receipt" ORDER BY "number"`,
    );
    expect(new Set(receipts.map((r) => r.terminalId))).toEqual(new Set(TERMINALS));
    for (const id of TERMINALS) {
      const section = page.getByRole("region", { name: `端末 ${id}` });
      const text = await section.innerText();
      for (const r of receipts) {
        if (r.terminalId === id) expect(text, `${r.number} under 端末 ${id}`).toContain(r.number);
        else expect(text, `${r.number} not under 端末 ${id}`).not.toContain(r.number);
      }
    }
    // the race's refusal is counted at the terminal that refused
    const loser = TERMINALS.find((id) => id !== raceWinner)!;
    const refusedAt = await page.getByRole("region", { name: `端末 ${loser}` }).innerText();
    expect(refusedAt).toMatch(/拒否・失敗\s*[1-9]\d*件/);

    expect(problems).toEqual([]);
    await staff.close();
  });

  it("the nightly batch started on both terminals at once applies each task once", async () => {
    type Task = { id: string; status: string; batchRunId: string | null };
    const pending = await helpdesk.query<Task>(`SELECT "id", "status", "batchRunId" FROM "PropagationTask"`);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((t) => t.status === "pending")).toBe(true);

    // A run over a few tasks takes milliseconds: hold the task table (reads still pass) so the
    // first runner is mid-run, holding the lock, when the second one starts — "at once".
    const holder = await helpdesk.connect();
    await holder.query(`BEGIN`);
    await holder.query(`LOCK TABLE "PropagationTask" IN EXCLUSIVE MODE`);
    const runs = TERMINALS.map((id) =>
      runCli("app/_server/cli/batch-nightly.ts", helpdesk.terminals[id].env),
    );
    let first: Awaited<(typeof runs)[number]>;
    try {
      first = await Promise.race([
        Promise.race(runs),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("neither batch run answered within 60 s")), 60_000),
        ),
      ]);
    } finally {
      await holder.query(`COMMIT`);
    }
    const results = await Promise.all(runs);

    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stderr).toMatch(/already running/);
    const other = results.find((r) => r !== first)!;
    expect(other.code, other.stdout + other.stderr).toBe(0);
    expect(other.stdout).toContain(`${pending.length} applied`);

    const batchRuns = await helpdesk.query<{ id: string; status: string; applied: number }>(
      `SELECT "id", "status", "applied" FROM "BatchRun"`,
    );
    expect(batchRuns).toEqual([{ id: batchRuns[0]!.id, status: "done", applied: pending.length }]);
    const after = await helpdesk.query<Task>(`SELECT "id", "status", "batchRunId" FROM "PropagationTask"`);
    expect(after).toHaveLength(pending.length);
    for (const t of after) expect(t).toMatchObject({ status: "applied", batchRunId: batchRuns[0]!.id });
    const audited = await helpdesk.query<{ outcome: string }>(
      `SELECT "outcome" FROM "AuditLog" WHERE "action" = 'batch.run'`,
    );
    expect(audited).toEqual([{ outcome: "ok" }]);

    // every append from three servers and two CLIs landed on one chain
    const verify = await runCli("app/_server/cli/audit-verify.ts", helpdesk.terminals["KIOSK-01"].env);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain("改ざんなし");
  });
});

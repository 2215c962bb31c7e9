// 係員を呼ぶ and each terminal's current screen (issue 11 item 6) on a real database: a call records
// the terminal, the screen with the manual's hint and the last error shown — never a PIN, a
// password or form contents; one open call per terminal however often it is pressed; a server
// without a kiosk is refused; staff mark it handled (audited with who); the console's routes.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));
import {
  callStaff,
  handleCall,
  maskedError,
  openCallOfTerminal,
  openCalls,
} from "@/app/_server/assist/calls";
import { reportScreen, terminalScreens } from "@/app/_server/assist/screens";
import { resetConfigForTests } from "@/app/_server/config";
import { SCREEN_HINTS } from "@/app/_shared/screen-hints";
import { GET as callsRoute } from "@/app/api/staff/calls/route";
import { GET as terminalsRoute } from "@/app/api/staff/terminals/route";
import { handleCallAction } from "@/app/staff/_actions/calls";
import { seedDemoData } from "@/prisma/seed";
import { freshDatabase } from "../support/db";
import { openSession, pinOf, SAITAMA_LOGIN } from "../support/kiosk";
import { STAFF, who } from "../support/staff";

let env: Awaited<ReturnType<typeof freshDatabase>>;
let terminal = 0;

beforeAll(async () => {
  env = await freshDatabase();
  await seedDemoData(env.prisma);
});
afterAll(() => env.close());
beforeEach(() => {
  // a terminal of its own per case: one case's open call is not the next one's
  process.env.TERMINAL_ID = `CALL-${++terminal}`;
  delete process.env.CARD_DRIVER;
  who.staff = STAFF;
  resetConfigForTests();
});

const callsHere = () => env.prisma.staffCall.findMany({ where: { terminalId: process.env.TERMINAL_ID } });

describe("係員を呼ぶ", () => {
  it("records the terminal, the screen with the manual's hint and the last error, in the visit", async () => {
    const sessionId = await openSession();
    const result = await callStaff(sessionId, {
      screen: "registration.search",
      lastError: "資格審査情報が登録されていません。",
    });
    expect(result).toMatchObject({ ok: true, repeated: false });
    const [call, ...more] = await callsHere();
    expect(more).toEqual([]);
    expect(call).toMatchObject({
      terminalId: process.env.TERMINAL_ID,
      kioskSessionId: sessionId,
      screen: "registration.search",
      screenLabel: SCREEN_HINTS["registration.search"]!.label,
      hint: SCREEN_HINTS["registration.search"]!.hint,
      lastError: "資格審査情報が登録されていません。",
      handledAt: null,
    });
    const audited = await env.prisma.auditLog.findFirst({
      where: { action: "staffCall.create", kioskSessionId: sessionId },
    });
    expect(audited).toMatchObject({ outcome: "ok", terminalId: process.env.TERMINAL_ID });
    expect(await openCallOfTerminal()).toEqual({ open: true });
  });

  it("works before a visit starts (screen 1 has no session): the call is the terminal's", async () => {
    expect(await callStaff(undefined, { screen: "select", lastError: null })).toMatchObject({ ok: true });
    expect(await callsHere()).toMatchObject([{ kioskSessionId: null, screenLabel: "調達機関・業務選択" }]);
  });

  it("stores no PIN, password or user ID, whatever the browser puts in the error line (R30)", async () => {
    const secrets = [pinOf("DEMO-A"), SAITAMA_LOGIN.password, SAITAMA_LOGIN.userId];
    await callStaff(undefined, {
      screen: "registration.pin",
      lastError: `PIN ${secrets[0]} パスワード ${secrets[1]} ユーザID ${secrets[2]} は誤りです`,
      pin: secrets[0],
      password: secrets[1],
      form: { userId: secrets[2] },
    });
    const rows = JSON.stringify([
      await callsHere(),
      await env.prisma.auditLog.findMany({ where: { terminalId: process.env.TERMINAL_ID } }),
    ]);
    for (const secret of secrets) expect(rows).not.toContain(secret);
    expect((await callsHere())[0]?.lastError).toBe(
      "PIN ＊＊＊＊ パスワード ＊＊＊＊ ユーザID ＊＊＊＊ は誤りです",
    );
    expect(maskedError("ＰＩＮ番号が正しくありません（残り２回）")).toBe(
      "PIN番号が正しくありません(残り2回)",
    );
  });

  it("repeated presses, also at once, keep one open call per terminal", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => callStaff(undefined, { screen: "menu", lastError: null })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    const ids = new Set(answers.map((a) => (a.ok ? a.callId : "")));
    expect(ids.size).toBe(1);
    expect(await callsHere()).toHaveLength(1);
    expect(
      await env.prisma.auditLog.count({
        where: { action: "staffCall.create", terminalId: process.env.TERMINAL_ID },
      }),
    ).toBe(1);
  });

  it("is refused on a server without a kiosk (CARD_DRIVER=none), and a malformed screen is refused", async () => {
    process.env.CARD_DRIVER = "none";
    expect(await callStaff(undefined, { screen: "menu" })).toMatchObject({ ok: false, code: "notTerminal" });
    expect(await reportScreen("menu")).toEqual({ ok: false });
    delete process.env.CARD_DRIVER;
    expect(await callStaff(undefined, { screen: "<script>" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await callsHere()).toEqual([]);
  });

  it("staff mark it handled: audited with who, the kiosk's notice clears, a second 対応済み is refused", async () => {
    const called = await callStaff(undefined, { screen: "change.form", lastError: null });
    if (!called.ok) throw new Error(called.message);
    expect(await handleCallAction(called.callId)).toEqual({ ok: true });
    expect(await openCallOfTerminal()).toEqual({ open: false });
    expect(await callsHere()).toMatchObject([{ handledBy: STAFF.login, openKey: null }]);
    const audited = await env.prisma.auditLog.findFirst({
      where: { action: "staffCall.handle" },
      orderBy: { seq: "desc" },
    });
    expect(audited).toMatchObject({ staffLogin: STAFF.login, outcome: "ok" });
    expect(await handleCall(STAFF, called.callId)).toMatchObject({ ok: false, code: "notFound" });
    // handled: the next press is a new call
    expect(await callStaff(undefined, { screen: "menu" })).toMatchObject({ ok: true, repeated: false });
  });

  it("handling needs a signed-in staff member", async () => {
    const called = await callStaff(undefined, { screen: "top" });
    if (!called.ok) throw new Error(called.message);
    who.staff = null;
    expect(await handleCallAction(called.callId)).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await openCallOfTerminal()).toEqual({ open: true });
  });
});

describe("the console's live data", () => {
  it("lists open calls oldest first with how long they waited; only for signed-in staff", async () => {
    await callStaff(undefined, { screen: "registration.confirm", lastError: "登録できませんでした。" });
    const later = new Date(Date.now() + 65_000);
    const mine = (await openCalls(later)).find((c) => c.terminalId === process.env.TERMINAL_ID);
    expect(mine).toMatchObject({ screenLabel: "登録 — 登録内容確認", lastError: "登録できませんでした。" });
    expect(mine?.waitingSeconds).toBeGreaterThanOrEqual(64);
    const response = await callsRoute();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { calls: { terminalId: string }[] };
    expect(body.calls.map((c) => c.terminalId)).toContain(process.env.TERMINAL_ID);
    who.staff = null;
    expect((await callsRoute()).status).toBe(401);
    expect((await terminalsRoute()).status).toBe(401);
  });

  it("each terminal's current screen, overwritten on each change, with how long ago", async () => {
    const t0 = new Date("2026-12-07T01:00:00Z");
    await reportScreen("menu", t0);
    await reportScreen("renewal.swap", new Date(t0.getTime() + 5_000));
    expect(await reportScreen("../etc")).toEqual({ ok: false });
    const here = (await terminalScreens(new Date(t0.getTime() + 35_000))).filter(
      (t) => t.terminalId === process.env.TERMINAL_ID,
    );
    expect(here).toEqual([
      expect.objectContaining({
        screen: "renewal.swap",
        screenLabel: "ICカード更新 — ICカードの差し替え",
        sinceSeconds: 30,
      }),
    ]);
    const body = (await (await terminalsRoute()).json()) as { terminals: { terminalId: string }[] };
    expect(body.terminals.map((t) => t.terminalId)).toContain(process.env.TERMINAL_ID);
  });
});

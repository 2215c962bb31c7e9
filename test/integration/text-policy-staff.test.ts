// Issue 12 item 2 in the staff console: every typed text — account fields, the unlock, lift and
// opening reasons, the CSV import's cells, the registrations search box — passes the text policy:
// a lone surrogate, NUL, U+202E or CR LF in a one-line field is refused at the field with its
// Japanese name and nothing is written. A textarea (理由) keeps its line breaks. A FormData holds
// USV strings, so a lone surrogate arrives as U+FFFD: refused with the same message.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigForTests } from "@/app/_server/config";
import { parseRegistrationQuery } from "@/app/_server/console/registrations";
import { importQualifications } from "@/app/_server/qualification-import/import";
import { handleCall } from "@/app/_server/assist/calls";
import { retryEmail } from "@/app/_server/email/retry";
import { hashPassword } from "@/app/_server/staff/passwords";
import { unlockStaffSignIn } from "@/app/_server/staff/signin-unlock";
import { DEMO_AGENCIES } from "@/prisma/demo-data";
import { freshDatabase } from "@/test/support/db";
import { ADMIN, who } from "@/test/support/staff";

vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createStaffAccountAction, unlockStaffSignInAction } = await import("@/app/staff/_actions/accounts");
const { liftSearchLockAction } = await import("@/app/staff/_actions/search-locks");
const { openTerminalAction } = await import("@/app/staff/_actions/terminal");

const BAD = [
  ["a lone surrogate", "理由\uD842", "に使用できない文字（不正な文字コード）が含まれています。"],
  ["NUL", "理由\u0000です", "に使用できない文字（制御文字）が含まれています。"],
  ["U+202E", "理由\u202Eです", "に使用できない文字（文字の向きを変える制御文字）が含まれています。"],
] as const;
const CRLF = [
  "CR LF",
  "理由\r\nBcc: evil@example.com",
  "に改行やタブは入力できません。1行で入力してください。",
] as const;

let database: Awaited<ReturnType<typeof freshDatabase>>;
let memberId: string;

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

async function counts() {
  const p = database.prisma;
  return {
    users: JSON.stringify(await p.staffUser.findMany({ orderBy: { id: "asc" } })),
    audit: await p.auditLog.count(),
    lifts: await p.searchLockLift.count(),
    openings: await p.terminalOpening.count(),
    qualifications: await p.qualification.count(),
    imports: await p.qualificationImport.count(),
  };
}

beforeAll(async () => {
  database = await freshDatabase();
  await database.prisma.agency.createMany({
    data: DEMO_AGENCIES.map((a, i) => ({ code: a.code, name: a.name, goods: a.goods, sortOrder: i })),
  });
  const member = await database.prisma.staffUser.create({
    data: {
      login: "member01",
      displayName: "職員一",
      role: "staff",
      passwordHash: await hashPassword("member-pass-0001"),
    },
  });
  memberId = member.id;
});
afterAll(() => database.close());
beforeEach(() => {
  who.staff = ADMIN;
  process.env.TERMINAL_ID = "TXT-STAFF";
  resetConfigForTests();
});

describe("the text policy in the staff console (issue 12 item 2)", () => {
  it.each([...BAD, CRLF])(
    "職員アカウントの作成 refuses %s in 氏名 and writes nothing",
    async (_, bad, tail) => {
      const before = await counts();
      const result = await createStaffAccountAction(
        form({ login: "newmember", displayName: bad, role: "staff", password: "new-member-pass-01" }),
      );
      expect(result).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { displayName: `氏名${tail}` },
      });
      expect(await counts()).toEqual(before);
    },
  );

  it("refuses a control character in a new password (kept as typed otherwise)", async () => {
    const before = await counts();
    const result = await createStaffAccountAction(
      form({ login: "newmember", displayName: "新人", role: "staff", password: "new-member\u0000pass" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { password: "パスワードに使用できない文字（制御文字）が含まれています。" },
    });
    expect(await counts()).toEqual(before);
  });

  it.each([...BAD, CRLF])(
    "ロック解除 refuses %s in its one-line 理由 and writes nothing",
    async (_, bad, tail) => {
      const before = await counts();
      const result = await unlockStaffSignInAction(form({ staffUserId: memberId, reason: bad }));
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: `理由${tail}` } });
      expect(await counts()).toEqual(before);
    },
  );

  it.each(BAD)("検索ロックの解除 refuses %s in 理由 and writes nothing", async (_, bad, tail) => {
    const before = await counts();
    const result = await liftSearchLockAction(null, form({ userId: "1000000001", reason: bad }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: `理由${tail}` } });
    expect(await counts()).toEqual(before);
  });

  it("検索ロックの解除 refuses CR LF in the one-line ユーザID, keeps line breaks in the 理由 textarea", async () => {
    const before = await counts();
    const refused = await liftSearchLockAction(
      null,
      form({ userId: "1000000001\r\n", reason: "本人確認済み" }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { userId: "ユーザIDに改行やタブは入力できません。1行で入力してください。" },
    });
    expect(await counts()).toEqual(before);
    const lifted = await liftSearchLockAction(
      null,
      form({ userId: "1000000001", reason: "本人確認済み\r\n電話で確認" }),
    );
    expect(lifted).toMatchObject({ ok: true });
    expect(
      await database.prisma.searchLockLift.count({ where: { reason: "本人確認済み\n電話で確認" } }),
    ).toBe(1);
  });

  it.each(BAD)("受付開始 refuses %s in 理由 and writes nothing", async (_, bad, tail) => {
    const before = await counts();
    const result = await openTerminalAction(null, form({ reason: bad }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: `理由${tail}` } });
    expect(await counts()).toEqual(before);
  });

  it("資格データ取込 refuses a cell with NUL or U+202E, naming line and column, and imports nothing", async () => {
    const valid = fs
      .readFileSync(path.resolve(__dirname, "../fixtures/qualifications/valid.csv"))
      .toString("utf8");
    const text = valid
      .replace(",埼玉県さいたま市浦和区高砂3-15-1,", ",埼玉県\u202Eさいたま市,")
      .replace(",支店長,", ",支店\u0000長,");
    const before = await counts();
    const result = await importQualifications(
      { bytes: Buffer.from(text, "utf8"), fileName: "q.csv", importedBy: "admin01" },
      database.prisma,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 2,
          message: "使用できない文字（文字の向きを変える制御文字）が含まれています。",
        }),
        expect.objectContaining({ line: 2, message: "使用できない文字（制御文字）が含まれています。" }),
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it("a row id that is no id (a lone surrogate, NUL) is no such row, answered before any query", async () => {
    const before = await counts();
    for (const id of ["\uD842", "a\u0000b", `${"c".repeat(65)}`]) {
      expect(await unlockStaffSignIn(ADMIN, { staffUserId: id, reason: "本人確認済み" })).toMatchObject({
        ok: false,
        fieldErrors: { staffUserId: "対象の職員が見つかりません。" },
      });
      expect(await handleCall(ADMIN, id)).toMatchObject({ ok: false, code: "notFound" });
      expect(await retryEmail(ADMIN, id)).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(await counts()).toEqual(before);
  });

  it("the registrations search box names a refused character at 企業名", () => {
    expect(parseRegistrationQuery({ company: "さいたま\u200B建設" })).toEqual({
      ok: false,
      fieldErrors: { company: "企業名に使用できない文字（目に見えない文字）が含まれています。" },
    });
  });
});

// Issue 5 item 5: the qualification CSV import — every error with its line, all-or-nothing,
// re-import by user ID + kind, idempotent, never deleting registrations, no plain password kept.
import fs from "node:fs";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FORBIDDEN, UNAUTHORIZED } from "@/app/_shared/staff-contracts";
import {
  parseQualificationCsv,
  formatImportError,
  MAX_FILE_BYTES,
  MAX_ROWS,
} from "@/app/_server/qualification-import/csv";
import { importQualifications, listQualificationImports } from "@/app/_server/qualification-import/import";
import { verifyAuditChain } from "@/app/_server/audit/verify";
import { DEMO_AGENCIES } from "@/prisma/demo-data";
import { freshDatabase } from "@/test/support/db";
import { ADMIN, STAFF, who } from "@/test/support/staff";

// the console: the auth helper's staffAction / requireStaffPage stand-ins, with the same refusals
vi.mock("@/app/_server/staff/auth", () => import("@/test/support/staff").then((m) => m.fakeStaffAuth()));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// the upload form is a client component; rendered statically it needs a router
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const { importQualificationsAction } = await import("@/app/staff/_actions/qualifications");
const { default: QualificationImportPage } = await import("@/app/staff/qualifications/page");

const FIXTURES = path.resolve(__dirname, "../fixtures/qualifications");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const VALID = fixture("valid.csv");
const T0 = new Date("2026-11-26T01:00:00.000Z");
const T1 = new Date("2026-11-27T01:00:00.000Z");
const BUPPIN_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$wlD64x4e/cLOd7N/u38cuw$qq73W9yGn2ZVGy1J7TAwBCZBrLeyndjEJx60nIG8l5s";

let database: Awaited<ReturnType<typeof freshDatabase>>;

beforeEach(async () => {
  database = await freshDatabase();
  await database.prisma.agency.createMany({
    data: DEMO_AGENCIES.map((a, i) => ({ code: a.code, name: a.name, goods: a.goods, sortOrder: i })),
  });
});

afterEach(async () => {
  await database.close();
});

const run = (bytes: Uint8Array | string, now = T0, fileName = "qualifications.csv") =>
  importQualifications(
    {
      bytes: typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes,
      fileName,
      importedBy: "admin01",
      now,
    },
    database.prisma,
  );

const counts = async () => ({
  qualifications: await database.prisma.qualification.count(),
  agencies: await database.prisma.qualificationAgency.count(),
  imports: await database.prisma.qualificationImport.count(),
  audit: await database.prisma.auditLog.count(),
});

const snapshot = () =>
  database.prisma.qualification.findMany({
    orderBy: [{ userId: "asc" }, { kind: "asc" }],
    include: { agencies: true },
  });

/** valid.csv's text with one edit, keeping its BOM and CRLFs */
const edited = (edit: (text: string) => string) => Buffer.from(edit(VALID.toString("utf8")), "utf8");

describe("qualification CSV: errors", () => {
  it("reports the errors on lines 3 and 7 with their fields and imports nothing", async () => {
    const before = await counts();
    const result = await run(fixture("errors-line-3-and-7.csv"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [3, "ユーザID"],
      [7, "調達機関"],
    ]);
    expect(result.errors[0]!.message).toContain("半角数字10桁");
    expect(result.errors[1]!.message).toContain("999999");
    expect(formatImportError(result.errors[0]!)).toMatch(/^line 3: ユーザID: /);
    expect(await counts()).toEqual(before);
  });

  it("collects every error of the file, across rows and columns, and never repeats a password", async () => {
    const text = VALID.toString("utf8")
      .replace(",工事,株式会社さいたま建設,", ",土木,株式会社さいたま建設,") // line 2 kind
      .replace(",Saitama9,", ",Pass#word!,") // line 2 initial password
      .replace("350-0043", "3500043") // line 4: accepted without the hyphen
      .replace(",0,審査済,,110000;112011,", ",2,審査済,,110000;112011,") // line 4 委任
      .replace(",失効,1000000004,", ",審査済,1000000004,") // line 5 successor without 失効
      .replace(",,Kumagai9,", `,"${BUPPIN_HASH}",Kumagai9,`) // line 6 both passwords
      .replace(",2026-10-12,", ",2026-02-30,"); // line 7 date
    const result = await run(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.line} ${e.field}`)).toEqual([
      "2 業務区分",
      "2 初期パスワード",
      "4 委任",
      "5 後継ユーザID",
      "6 初期パスワード",
      "7 パスワード変更日時",
    ]);
    const all = JSON.stringify(result.errors);
    expect(all).not.toContain("Pass#word!");
    expect(all).not.toContain(BUPPIN_HASH);
    expect(await database.prisma.qualification.count()).toBe(0);
  });

  it("an unknown agency code is an error at its line", async () => {
    const result = await run(edited((t) => t.replace("110000;112020", "110000;112099")));
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 6, field: "調達機関", message: expect.stringContaining("112099") }],
    });
  });

  it("the same user ID + kind twice is an error on both lines", async () => {
    const lines = VALID.toString("utf8").trimEnd().split("\r\n");
    const result = await run([...lines, lines[3]!.replace("049-200-0000", "049-200-9999")].join("\n"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [4, "ユーザID"],
      [8, "ユーザID"],
    ]);
    expect(result.errors[0]!.message).toContain("8 行目");
    expect(result.errors[1]!.message).toContain("4 行目");
  });

  it("a new qualification needs a password; a lapsed one's successor must exist", async () => {
    const result = await run(
      edited((t) => t.replace(",,Saitama9,", ",,,").replace(",失効,1000000004,", ",失効,1000000099,")),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "パスワードハッシュ"],
      [5, "後継ユーザID"],
    ]);
  });

  it("names the physical line after a quoted field that spans lines", () => {
    const header = VALID.toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0]!;
    const row = VALID.toString("utf8").split("\r\n")[3]!;
    const multi = row.replace('"埼玉県川越市新富町1-22, 2階"', '"埼玉県川越市新富町1-22\n2階\n奥"');
    const bad = row.replace("1000000002,工事", "1000000022,土木");
    const { errors } = parseQualificationCsv(Buffer.from([header, multi, "", bad].join("\r\n")));
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, "住所"],
      [6, "業務区分"],
    ]);
  });

  it("refuses a bad header, a file that is not UTF-8 and an oversized file", () => {
    const header = parseQualificationCsv(Buffer.from("ユーザID,業務区分,色\n1000000001,工事,赤\n"));
    expect(header.errors[0]).toMatchObject({ line: 1, field: "色" });
    expect(header.errors.map((e) => e.field)).toContain("商号又は名称");

    const sjis = Buffer.from([0x83, 0x86, 0x81, 0x5b, 0x83, 0x55, 0x49, 0x44, 0x0a]); // ユーザID in Shift_JIS
    expect(parseQualificationCsv(sjis).errors[0]).toMatchObject({
      line: null,
      message: expect.stringContaining("UTF-8"),
    });

    const big = parseQualificationCsv(new Uint8Array(MAX_FILE_BYTES + 1));
    expect(big.errors[0]!.message).toContain("10 MB");
  });

  it("refuses a file with more than 200,000 rows", () => {
    const head = VALID.toString("utf8").split("\r\n")[0]!;
    const many = `${head}\n${"1\n".repeat(MAX_ROWS + 1)}`;
    expect(Buffer.byteLength(many)).toBeLessThan(MAX_FILE_BYTES);
    expect(parseQualificationCsv(Buffer.from(many)).errors).toEqual([
      { line: null, field: null, message: expect.stringContaining("行数が多すぎます") },
    ]);
  }, 90_000);

  it("accepts the English header names", async () => {
    const english =
      "user_id,kind,official_name,company_name,postal_code,address,representative_name,representative_title,phone,fax,department_name,delegated,status,agencies,initial_password\n" +
      "3000000001,物品,株式会社テスト,株式会社テスト,3300063,埼玉県さいたま市浦和区高砂1-1,試験 一郎,代表取締役,0480000000,,,0,審査済,111007,Abcd1234\n";
    const result = await run(english);
    expect(result).toMatchObject({ ok: true, created: 1 });
    const q = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "3000000001" } });
    expect(q).toMatchObject({
      kind: "goods",
      postalCode: "330-0063",
      fax: "",
      departmentName: "",
      passwordChangedAt: T0,
    });
  });
});

describe("qualification CSV: import", () => {
  it("imports a valid file: rows, agencies, passwords hashed with argon2, R16 previous info", async () => {
    const result = await run(VALID, T0, "valid.csv");
    expect(result).toMatchObject({
      ok: true,
      fileName: "valid.csv",
      rows: 6,
      created: 6,
      updated: 0,
      unchanged: 0,
    });

    const rows = await database.prisma.qualification.findMany({
      include: { agencies: { include: { agency: true } } },
    });
    expect(rows).toHaveLength(6);
    const byId = (userId: string) => rows.find((r) => r.userId === userId)!;
    const codes = (userId: string) =>
      byId(userId)
        .agencies.map((a) => a.agency.code)
        .sort();

    const saitama = byId("1000000001");
    expect(saitama).toMatchObject({
      kind: "construction",
      officialName: "株式会社さいたま建設",
      companyName: "株式会社さいたま建設 さいたま支店",
      delegated: true,
      status: "approved",
      departmentName: "工事課",
      previousCompany: null,
      passwordChangedAt: new Date("2026-07-28T15:00:00.000Z"), // 2026-07-29 in Japan
    });
    expect(saitama.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(saitama.passwordHash, "Saitama9")).toBe(true);
    expect(codes("1000000001")).toEqual(["110000", "111007", "112011"]);

    expect(byId("2000000001")).toMatchObject({ kind: "goods", passwordHash: BUPPIN_HASH });
    expect(await verify(byId("2000000001").passwordHash, "Buppin01")).toBe(true);
    expect(byId("1000000002").address).toBe("埼玉県川越市新富町1-22, 2階");
    expect(byId("1000000003")).toMatchObject({ status: "lapsed", successorUserId: "1000000004" });
    expect(byId("1000000005")).toMatchObject({
      status: "reviewing",
      previousCompany: expect.objectContaining({ postalCode: "332-0034", representativeName: "川口 一郎" }),
    });
    expect(codes("1000000005")).toEqual(["110000", "112038"]);

    const [history] = await listQualificationImports(10, database.prisma);
    expect(history).toMatchObject({ fileName: "valid.csv", rows: 6, created: 6, importedBy: "admin01" });
    expect(history!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const log = await database.prisma.auditLog.findFirstOrThrow({
      where: { action: "qualification.import" },
    });
    expect(log).toMatchObject({ staffLogin: "admin01", outcome: "ok" });
    expect(log.detail).toMatchObject({ importId: history!.id, created: 6 });
    expect((await verifyAuditChain(database.prisma)).ok).toBe(true);

    // no plain password anywhere in the database
    const dump = JSON.stringify([await snapshot(), await database.prisma.auditLog.findMany()]);
    for (const plain of ["Saitama9", "Kawagoe9", "Kumagai8", "Kumagai9", "Kawagu09"])
      expect(dump).not.toContain(plain);
  });

  it("re-importing the same file changes nothing and records the import", async () => {
    await run(VALID, T0);
    const before = await snapshot();
    const again = await run(VALID, T1);
    expect(again).toMatchObject({ ok: true, rows: 6, created: 0, updated: 0, unchanged: 6 });
    expect(await snapshot()).toEqual(before); // updatedAt and password hashes included
    const history = await listQualificationImports(10, database.prisma);
    expect(history.map((h) => [h.created, h.updated, h.unchanged])).toEqual([
      [0, 0, 6],
      [6, 0, 0],
    ]);
    expect(await database.prisma.auditLog.count({ where: { action: "qualification.import" } })).toBe(2);
  });

  it("an update changes only the changed row", async () => {
    await run(VALID, T0);
    const before = await snapshot();
    const result = await run(
      edited((t) =>
        t
          .replace("049-200-0000", "049-200-1234")
          .replace("110000;112011,,Kawagoe9", "112011;110000;112020,,Kawagoe9"),
      ),
      T1,
    );
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 5 });
    const after = await snapshot();
    for (const [i, row] of after.entries()) {
      if (row.userId === "1000000002") {
        expect(row.phone).toBe("049-200-1234");
        expect(row.updatedAt.getTime()).toBeGreaterThan(before[i]!.updatedAt.getTime());
        expect(row.agencies).toHaveLength(3);
        expect(row.passwordHash).toBe(before[i]!.passwordHash);
        expect(row.passwordChangedAt).toEqual(before[i]!.passwordChangedAt);
      } else {
        expect(row).toEqual(before[i]);
      }
    }
  });

  it("a new initial password is rehashed and dated now; an empty password keeps the old one", async () => {
    await run(VALID, T0);
    const old = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000001" } });
    const changed = await run(
      edited((t) => t.replace(",Saitama9,2026-07-29,", ",Saitama8,,")),
      T1,
    );
    expect(changed).toMatchObject({ ok: true, updated: 1, unchanged: 5 });
    const row = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000001" } });
    expect(row.passwordHash).not.toBe(old.passwordHash);
    expect(await verify(row.passwordHash, "Saitama8")).toBe(true);
    expect(row.passwordChangedAt).toEqual(T1);

    const kept = await run(
      edited((t) => t.replace(",Saitama9,2026-07-29,", ",,,")),
      T1,
    );
    expect(kept).toMatchObject({ ok: true, updated: 0, unchanged: 6 });
    const same = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000001" } });
    expect(same.passwordHash).toBe(row.passwordHash);
  });

  it("keeps a card registration when a re-import omits its qualification", async () => {
    await run(VALID, T0);
    const q = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000001" } });
    const agency = await database.prisma.agency.findUniqueOrThrow({ where: { code: "110000" } });
    const card = await database.prisma.cardRegistration.create({
      data: {
        qualificationId: q.id,
        kind: q.kind,
        agencyId: agency.id,
        issuer: "CN=LGPKI-like Demo CA",
        serialNumber: "1a2b",
        fingerprint: "00".repeat(32),
        subject: "CN=埼玉 太郎",
        notBefore: new Date("2026-10-27T00:00:00Z"),
        notAfter: new Date("2028-11-26T00:00:00Z"),
        holderName: "埼玉 太郎",
        holderAddress: "埼玉県さいたま市",
        companyOnCard: "株式会社さいたま建設",
        certificatePem: "-----BEGIN CERTIFICATE-----\nfixture\n-----END CERTIFICATE-----\n",
        contactName: "工事課",
        postalCode: "330-0063",
        address: "埼玉県さいたま市浦和区高砂3-15-1",
        personName: "浦和 一郎",
        phone: "048-000-0000",
        email: "nyusatsu@saitama-kensetsu.example.jp",
      },
    });
    const without = edited((t) =>
      t
        .split("\r\n")
        .filter((line) => !line.startsWith("1000000001,"))
        .join("\r\n"),
    );
    const result = await run(without, T1);
    expect(result).toMatchObject({ ok: true, rows: 5, created: 0, updated: 0, unchanged: 5 });
    expect(await database.prisma.qualification.count()).toBe(6);
    expect(
      await database.prisma.cardRegistration.findUniqueOrThrow({ where: { id: card.id } }),
    ).toMatchObject({
      qualificationId: q.id,
      status: "active",
    });
    expect(await database.prisma.qualificationAgency.count({ where: { qualificationId: q.id } })).toBe(3);
  });

  it("refuses when another import changed the table between its check and its write", async () => {
    await run(VALID, T0);
    // the other import lands just before this one's transaction starts
    const racing = new Proxy(database.prisma, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return async (...args: unknown[]) => {
          await target.qualification.update({
            where: { userId_kind: { userId: "1000000004", kind: "construction" } },
            data: { phone: "048-500-9999" },
          });
          return (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
        };
      },
    });
    const result = await importQualifications(
      {
        bytes: edited((t) => t.replace("049-200-0000", "049-200-1234")),
        fileName: "b.csv",
        importedBy: "admin01",
        now: T1,
      },
      racing,
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ line: null, field: null, message: expect.stringContaining("同時に別の取込") }],
    });
    const q = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000002" } });
    expect(q.phone).toBe("049-200-0000");
    expect(await database.prisma.qualificationImport.count()).toBe(1);
  });

  it("a status change to 審査済 clears the previous company info", async () => {
    await run(VALID, T0);
    const lines = VALID.toString("utf8").split("\r\n");
    lines[6] = lines[6]!.replace(",審査中,", ",審査済,").replace(/,2026-10-12,.*$/, ",2026-10-12,,,,,,,,");
    const result = await run(Buffer.from(lines.join("\r\n")), T1);
    expect(result).toMatchObject({ ok: true, updated: 1, unchanged: 5 });
    const q = await database.prisma.qualification.findFirstOrThrow({ where: { userId: "1000000005" } });
    expect(q).toMatchObject({ status: "approved", previousCompany: null });
  });
});

const upload = (name: string, bytes: Buffer = fixture(name)) => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
  return form;
};

describe("qualification import in the console (admin only)", () => {
  it("refuses without a session and for the staff role, before reading the file", async () => {
    who.staff = null;
    expect(await importQualificationsAction(upload("valid.csv"))).toEqual(UNAUTHORIZED);
    who.staff = STAFF;
    expect(await importQualificationsAction(upload("valid.csv"))).toEqual(FORBIDDEN);
    expect(await database.prisma.qualification.count()).toBe(0);
  });

  it("asks for a file at the field", async () => {
    who.staff = ADMIN;
    const answer = await importQualificationsAction(new FormData());
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { file: expect.stringContaining("CSV") },
    });
  });

  it("answers every error with its line and imports nothing", async () => {
    who.staff = ADMIN;
    const answer = await importQualificationsAction(upload("errors-line-3-and-7.csv"));
    expect(answer).toMatchObject({
      ok: false,
      code: "invalid",
      message: expect.stringContaining("2 件の誤り"),
    });
    expect(!answer.ok && "errors" in answer ? answer.errors?.map((e) => e.line) : null).toEqual([3, 7]);
    expect(await database.prisma.qualification.count()).toBe(0);
  });

  it("imports as the signed-in admin; the page lists the import", async () => {
    who.staff = ADMIN;
    const answer = await importQualificationsAction(upload("valid.csv"));
    expect(answer).toMatchObject({
      ok: true,
      rows: 6,
      created: 6,
      message: expect.stringContaining("新規 6 件"),
    });
    const [row] = await database.prisma.qualificationImport.findMany();
    expect(row).toMatchObject({ fileName: "valid.csv", importedBy: "admin01" });

    const html = renderToStaticMarkup(await QualificationImportPage());
    expect(html).toContain("資格データ取込");
    expect(html).toContain("valid.csv");
    expect(html).toContain("admin01");
    expect(html).toContain('name="file"');
  });
});

// 登録の検索 on a real SQLite file: each key checked on its own (a bad one named at its field), and
// cards found by ユーザID, company and card serial.
import { describe, expect, it } from "vitest";
import { parseRegistrationQuery, searchRegistrations } from "@/app/_server/console/registrations";
import { consoleSuite, makeCard } from "@/test/support/console";

consoleSuite();

describe("登録の検索", () => {
  it("checks each key on its own and names a bad one at its field", () => {
    expect(parseRegistrationQuery({})).toEqual({ ok: true, query: {}, empty: true });
    expect(parseRegistrationQuery({ userId: "１０００００００01" })).toEqual({
      ok: false,
      fieldErrors: { userId: "ユーザIDは半角数字で入力してください。" },
    });
    expect(parseRegistrationQuery({ userId: "123456789", serial: "xyz", company: "a".repeat(101) })).toEqual({
      ok: false,
      fieldErrors: {
        userId: "ユーザIDは半角数字10桁で入力してください。",
        serial: "シリアル番号は16進数（0〜9、A〜F）で入力してください。",
        company: "企業名は100文字以内で入力してください。",
      },
    });
    expect(parseRegistrationQuery({ serial: " 00:32:33:36:35:34 " })).toEqual({
      ok: true,
      query: { serial: "3233363534" },
      empty: false,
    });
    expect(parseRegistrationQuery({ serial: "0000" })).toMatchObject({ query: { serial: "0" } });
  });

  it("finds cards by ユーザID (exact), company (contains) and serial (hex, any case, leading zeros)", async () => {
    const a = await makeCard({ serial: "3233363534", createdAt: new Date("2026-11-20T00:00:00Z") });
    const b = await makeCard({
      serial: "abc123",
      holder: "埼玉 花子",
      createdAt: new Date("2026-11-21T00:00:00Z"),
    });
    const f = await makeCard({ userId: "1000000002", serial: "f00d", holder: "川越 次郎" });
    const search = async (input: Record<string, string>) => {
      const parsed = parseRegistrationQuery(input);
      if (!parsed.ok) throw new Error("bad query");
      return (await searchRegistrations(parsed.query)).map((h) => h.id);
    };
    expect(await search({ userId: "1000000001" })).toEqual([b.id, a.id]);
    expect(await search({ userId: "1000000000" })).toEqual([]);
    expect(await search({ company: "さいたま建設" })).toEqual([b.id, a.id]);
    expect(await search({ company: "川越土木" })).toEqual([f.id]);
    expect(await search({ serial: "00ABC123" })).toEqual([b.id]);
    expect(await search({ serial: "F00D" })).toEqual([f.id]);
    expect(await search({ company: "さいたま", serial: "f00d" })).toEqual([]);
    const [hit] = await searchRegistrations({ serial: "abc123" });
    expect(hit).toMatchObject({
      status: "active",
      userId: "1000000001",
      kind: "construction",
      officialName: "株式会社さいたま建設",
      holderName: "埼玉 花子",
      agencyName: "埼玉県",
    });
  });
});

// issue 12 item 2: one text policy for every typed field — each refused class of character, NFC,
// lengths in characters (code points after NFC), line breaks only in multi-line fields, and zod's
// own messages in Japanese.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contactSchema, fieldErrors, searchSchema } from "@/app/_shared/schemas";
import { readTextField, textField } from "@/app/_shared/text-field";
import {
  cellProblemMessage,
  charLength,
  checkText,
  isCleanText,
  scrubText,
  textProblemMessage,
} from "@/app/_shared/text-policy";
import { z } from "@/app/_shared/zod";

const LONE_HIGH = "\uD842";
const LONE_LOW = "\uDFB7";

describe("checkText (issue 12 item 2)", () => {
  it.each([
    ["a lone high surrogate", `株式会社${LONE_HIGH}`, "surrogate"],
    ["a lone low surrogate", `${LONE_LOW}株式会社`, "surrogate"],
    ["U+FFFD (a lone surrogate after FormData)", "株式会社\uFFFD", "surrogate"],
    ["NUL", "埼玉\u0000建設", "control"],
    ["ESC (an ANSI sequence)", "\u001b[31m赤\u001b[0m", "control"],
    ["DEL", "a\u007fb", "control"],
    ["a C1 control", "a\u009bb", "control"],
    ["a noncharacter", "a\uFFFEb", "control"],
    ["RLO U+202E", "abc\u202Efdp.exe", "bidi"],
    ["LRI U+2066", "a\u2066b", "bidi"],
    ["RLM U+200F", "a\u200Fb", "bidi"],
    ["ALM U+061C", "a\u061Cb", "bidi"],
    ["zero-width space", "埼玉\u200B建設", "invisible"],
    ["zero-width joiner", "a\u200Db", "invisible"],
    ["word joiner U+2060", "a\u2060b", "invisible"],
    ["a BOM inside", "\uFEFF埼玉", "invisible"],
    ["soft hyphen (Cf)", "a\u00ADb", "invisible"],
    ["a tag character (Cf)", "a\u{E0041}b", "invisible"],
    ["the Hangul filler", "a\u3164b", "invisible"],
    ["the combining grapheme joiner", "a\u034Fb", "invisible"],
    ["LF", "氏名\nBcc: x@example.com", "lineBreak"],
    ["CR LF", "a\r\nb", "lineBreak"],
    ["TAB", "a\tb", "lineBreak"],
    ["U+2028", "a\u2028b", "lineBreak"],
  ])("refuses %s in a one-line field", (_, text, problem) => {
    expect(checkText(text)).toEqual({ ok: false, problem });
  });

  it("keeps visible text, U+3000, a surrogate pair, private use and variation selectors", () => {
    for (const text of [
      "埼玉県　さいたま市",
      "𠮷野家",
      "\uE000外字",
      "葛\u{E0100}城",
      "☺\uFE0F",
      "Ｏ'Ｂｒｉｅｎ & Co.",
    ]) {
      expect(checkText(text)).toEqual({ ok: true, value: text });
    }
  });

  it("answers the NFC form (a decomposed が is one character)", () => {
    const decomposed = "か\u3099";
    expect(checkText(decomposed)).toEqual({ ok: true, value: "が" });
    const checked = checkText(decomposed.repeat(3));
    expect(checked.ok && charLength(checked.value)).toBe(3);
  });

  it("keeps LF and TAB in a multi-line field and makes CR LF and CR into LF", () => {
    expect(checkText("一行目\r\n二行目\r三行目\t続き", { multiline: true })).toEqual({
      ok: true,
      value: "一行目\n二行目\n三行目\t続き",
    });
    // the other classes are refused there as well
    expect(checkText("a\n\u0000", { multiline: true })).toEqual({ ok: false, problem: "control" });
    expect(checkText("a\n\u202E", { multiline: true })).toEqual({ ok: false, problem: "bidi" });
    expect(checkText("a\u2028b", { multiline: true })).toEqual({ ok: false, problem: "lineBreak" });
  });

  it("counts characters as code points", () => {
    expect(charLength("𠮷𠮷")).toBe(2);
    expect("𠮷𠮷".length).toBe(4);
  });

  it("names the field in each message", () => {
    expect(textProblemMessage("連絡先名称(部署名等)", "control")).toBe(
      "連絡先名称(部署名等)に使用できない文字（制御文字）が含まれています。",
    );
    expect(textProblemMessage("住所", "bidi")).toBe(
      "住所に使用できない文字（文字の向きを変える制御文字）が含まれています。",
    );
    expect(textProblemMessage("氏名", "invisible")).toBe(
      "氏名に使用できない文字（目に見えない文字）が含まれています。",
    );
    expect(textProblemMessage("氏名", "surrogate")).toBe(
      "氏名に使用できない文字（不正な文字コード）が含まれています。",
    );
    expect(textProblemMessage("住所", "lineBreak")).toBe(
      "住所に改行やタブは入力できません。1行で入力してください。",
    );
    expect(cellProblemMessage("control")).toBe("使用できない文字（制御文字）が含まれています。");
  });

  it("scrubText leaves one clean line whatever it is given", () => {
    const dirty = `a\r\nBcc: x@example.com\u0000\u202E${LONE_HIGH}\u200Bz`;
    const clean = scrubText(dirty);
    expect(clean).toBe("a Bcc: x@example.comz");
    expect(isCleanText(clean)).toBe(true);
    expect(isCleanText(dirty)).toBe(false);
  });
});

describe("textField: the policy as a zod schema", () => {
  it("counts the maximum in characters after NFC", () => {
    const name = textField("氏名", { max: 3 });
    expect(name.safeParse("𠮷𠮷𠮷").success).toBe(true);
    expect(name.safeParse("か\u3099か\u3099か\u3099").data).toBe("ががが");
    expect(name.safeParse("𠮷𠮷𠮷𠮷").error?.issues[0]?.message).toBe("氏名は3文字以内で入力してください。");
  });

  it("answers the field's message for a missing, non-string or refused value", () => {
    const name = textField("氏名");
    expect(name.safeParse(undefined).error?.issues[0]?.message).toBe("氏名を入力してください。");
    expect(name.safeParse(42).error?.issues[0]?.message).toBe("氏名を入力してください。");
    expect(name.safeParse("  ").error?.issues[0]?.message).toBe("氏名を入力してください。");
    expect(readTextField("氏名", "山田\u0000太郎")).toEqual({
      ok: false,
      message: "氏名に使用できない文字（制御文字）が含まれています。",
    });
  });

  it("keeps a password as typed but still refuses what the policy refuses", () => {
    const password = textField("パスワード", { keepAsTyped: true });
    expect(password.safeParse(" か\u3099 ").data).toBe(" か\u3099 ");
    expect(password.safeParse("abc\u0000").success).toBe(false);
  });
});

describe("the kiosk's schemas pass every text through the policy", () => {
  const contact = {
    contactName: "総務部",
    postalCode: "330-0063",
    address: "さいたま市浦和区高砂3-15-1",
    personName: "埼玉 太郎",
    phone: "048-000-0000",
    fax: "",
    email: "taro@example.jp",
    emailConfirm: "taro@example.jp",
  };

  it.each([
    ["contactName", "総務\u0000部", "連絡先名称(部署名等)に使用できない文字（制御文字）が含まれています。"],
    ["address", "浦和区\u202E高砂", "住所に使用できない文字（文字の向きを変える制御文字）が含まれています。"],
    ["personName", `埼玉${LONE_HIGH}`, "氏名に使用できない文字（不正な文字コード）が含まれています。"],
    ["personName", "埼玉\r\nBcc: x@example.com", "氏名に改行やタブは入力できません。1行で入力してください。"],
    ["phone", "048\n000-0000", "電話番号に改行やタブは入力できません。1行で入力してください。"],
    ["postalCode", "330\u200B0063", "郵便番号に使用できない文字（目に見えない文字）が含まれています。"],
    [
      "email",
      "taro@example.jp\r\nBcc: x@example.com",
      "メールアドレスに改行やタブは入力できません。1行で入力してください。",
    ],
  ])("refuses %s with the field's message", (key, value, message) => {
    const parsed = contactSchema.safeParse({ ...contact, [key]: value });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)[key]).toBe(message);
  });

  it("stores a contact field in NFC and counts 連絡先名称 in characters", () => {
    const parsed = contactSchema.safeParse({
      ...contact,
      contactName: "𠮷".repeat(60),
      personName: "か\u3099",
    });
    expect(parsed.data?.personName).toBe("が");
    expect(contactSchema.safeParse({ ...contact, contactName: "𠮷".repeat(61) }).success).toBe(false);
  });

  it("refuses a control character in the search's 商号又は名称", () => {
    const parsed = searchSchema.safeParse({
      officialName: "埼玉\u0000",
      userId: "1234567890",
      password: "abcd1234",
    });
    expect(fieldErrors(parsed.error!).officialName).toBe(
      "商号又は名称に使用できない文字（制御文字）が含まれています。",
    );
  });
});

describe("zod's own messages are Japanese (z.config(z.locales.ja()))", () => {
  it("every app module takes z from app/_shared/zod.ts, which sets the locale", () => {
    // kiosk/ (the card reader's process) keeps its own zod: its messages are for the operator's .env
    const direct: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && /from "zod(\/[^"]*)?"/.test(fs.readFileSync(file, "utf8")))
          direct.push(file);
      }
    };
    for (const dir of ["app", "machines"]) if (fs.existsSync(dir)) walk(dir);
    expect(direct).toEqual([path.join("app", "_shared", "zod.ts")]);
  });

  it("a wrong type answers in Japanese", () => {
    const message = z.object({ n: z.number() }).safeParse({ n: "x" }).error?.issues[0]?.message ?? "";
    expect(message).toMatch(/^無効な入力/);
    expect(message).not.toMatch(/Invalid|expected/);
  });
});

// The English UI (issue 11 item 7) is complete by construction: every Japanese text a kiosk screen
// shows is either said through t() / msgid() — and then the catalog must have it — or it is a
// message set listed below that the server or a machine sends to a screen. A Japanese literal
// anywhere else in a screen's source is a screen that would stay Japanese in English mode.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hasEnglish, translate } from "@/app/_ui/i18n/translate";

const root = path.resolve(__dirname, "../../..");
const UI = path.join(root, "app/_ui");
/**
 * The demo's simulated reader panel stands beside the kiosk (not a kiosk screen); i18n/ holds the
 * catalog and each language's name in itself.
 */
const NOT_KIOSK = (relative: string) => relative === "VirtualReader.tsx" || relative.startsWith("i18n/");
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const files = sources(UI).filter((f) => !NOT_KIOSK(path.relative(UI, f)));

/** Comments may be Japanese (they say why, in the manual's terms). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The string literal arguments of t("…") and msgid("…"), in order. */
function saidTexts(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/\b(?:t|msgid)\(\s*("(?:[^"\\]|\\.)*"|`[^`$]*`)\s*[,)]/g)) {
    const literal = m[1]!;
    found.push(literal.startsWith("`") ? literal.slice(1, -1) : (JSON.parse(literal) as string));
  }
  return found;
}

describe("English catalog (issue 11 item 7)", () => {
  it("reads the screens (t() is used)", () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => saidTexts(fs.readFileSync(f, "utf8")).includes("高コントラスト"))).toBe(true);
  });

  it("falls back to the Japanese for a text it does not know, and keeps Japanese in Japanese mode", () => {
    expect(translate("en", "カタログにない文")).toBe("カタログにない文");
    expect(translate("ja", "高コントラスト")).toBe("高コントラスト");
    expect(translate("en", "高コントラスト")).toBe("High contrast");
  });

  it("has an English entry for every text a screen says through t() or msgid()", () => {
    const missing = files.flatMap((file) =>
      saidTexts(withoutComments(fs.readFileSync(file, "utf8")))
        .filter((ja) => JAPANESE.test(ja) && !hasEnglish(ja))
        .map((ja) => `${path.relative(root, file)}: ${ja}`),
    );
    expect(missing).toEqual([]);
  });

  it("leaves no Japanese literal in a screen's source outside t() and msgid()", () => {
    const stray = files.flatMap((file) => {
      const code = withoutComments(fs.readFileSync(file, "utf8")).replace(
        /\b(?:t|msgid)\(\s*("(?:[^"\\]|\\.)*"|`[^`$]*`)\s*([,)])/g,
        "t(_$2",
      );
      return code
        .split("\n")
        .map((line, i) => ({ line, n: i + 1 }))
        .filter(({ line }) => JAPANESE.test(line))
        .map(({ line, n }) => `${path.relative(root, file)}:${n}: ${line.trim()}`);
    });
    expect(stray).toEqual([]);
  });
});

describe("English catalog parts", () => {
  it("never give one Japanese text two different English texts", async () => {
    const { PARTS } = await import("@/app/_ui/i18n/en");
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const part of Object.values(PARTS)) {
      for (const [ja, en] of Object.entries(part.messages)) {
        const earlier = seen.get(ja);
        if (earlier !== undefined && earlier !== en) clashes.push(`${ja}: ${earlier} | ${en}`);
        seen.set(ja, en);
      }
    }
    expect(clashes).toEqual([]);
  });
});

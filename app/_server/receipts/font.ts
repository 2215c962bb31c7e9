import "server-only";
import { Font } from "@react-pdf/renderer";

export const RECEIPT_FONT = "NotoSansJP";

// Characters that must not start a line (kinsoku): they stay glued to the previous character.
const NO_LINE_START = new Set(
  Array.from("、。，．・：；？！ー）」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"),
);

/**
 * Every character is a break opportunity. The empty strings between them are "syllables" of
 * zero width, so react-pdf breaks there without drawing its hyphen (Japanese has none).
 */
export function splitForLineBreaking(word: string): string[] {
  // Latin words (emails, DNs, numbers) break at spaces as usual; splitting them only costs layout time.
  if (!NEEDS_SPLIT.test(word)) return [word];
  const units: string[] = [];
  for (const char of Array.from(word)) {
    const last = units.length - 1;
    if (last >= 0 && NO_LINE_START.has(char)) units[last] += char;
    else units.push(char);
  }
  if (units.length <= 1) return units;
  return units.flatMap((unit) => [unit, ""]).slice(0, -1);
}

// Kana, kanji and full-width forms: scripts written without spaces between words.
const NEEDS_SPLIT = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;

const FONT_FILE = "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf";

let registered = false;

type Shaped = { glyphs: unknown[]; positions: object[] };
/** The parts of fontkit's font used here (react-pdf parses the file with fontkit). */
type FontkitFont = {
  unitsPerEm: number;
  postscriptName: string;
  name?: { records?: object };
  glyphsForString(text: string): { advanceWidth: number }[];
  layout(text: string, ...rest: unknown[]): Shaped;
};
let loaded: FontkitFont | null = null;

/** Registers the embedded Japanese font and the line breaking once per process. */
export function registerReceiptFont(): void {
  if (registered) return;
  // Resolved by Node at run time from this file's location, so the working directory does not
  // matter. The bundler must not see the call: Turbopack rewrites a visible require.resolve into a
  // module id (a number, not a path) and tries to bundle the .ttf. getBuiltinModule hides it.
  const { createRequire } = process.getBuiltinModule("node:module");
  const src = createRequire(import.meta.url).resolve(FONT_FILE);
  Font.register({ family: RECEIPT_FONT, src });
  Font.registerHyphenationCallback(splitForLineBreaking);
  registered = true;
}

/**
 * Registers the font and waits for react-pdf to have parsed it, so that textWidth can measure
 * with it; react-pdf keeps the parsed font for the process.
 */
export async function loadReceiptFont(staticTexts: readonly string[] = []): Promise<void> {
  registerReceiptFont();
  if (loaded) return;
  await Font.load({ fontFamily: RECEIPT_FONT });
  const source = Font.getFont({ fontFamily: RECEIPT_FONT }) as { data?: FontkitFont | null } | undefined;
  const font = source?.data ?? null;
  if (!font || typeof font.layout !== "function") return;
  compareByIdentity(font);
  shapeOnce(font, staticTexts);
  loaded = font;
}

/**
 * pdfkit's font() runs on every line react-pdf draws and tells fonts apart by JSON.stringify of
 * their name tables — about 36 µs for Noto Sans JP's, a tenth of a receipt's render. This font
 * is one object for the process, so its records stringify to a short identity instead: it still
 * equals itself, and no other font's full records can equal it.
 */
function compareByIdentity(font: FontkitFont): void {
  const identity = `${font.postscriptName} (receipt font, ${RECEIPT_FONT})`;
  const records = font.name?.records;
  if (records && !Object.hasOwn(records, "toJSON")) {
    Object.defineProperty(records, "toJSON", { value: () => identity });
  }
}

/**
 * The labels, titles and closing lines are the same on every receipt: their glyphs and positions
 * are shaped once per process (pdfkit keeps such a cache per document). react-pdf shapes a text
 * in runs of one script ("ユーザ" and "ID"), so a run is kept when it occurs within those texts;
 * they are a fixed set, so the cache cannot grow with the data. Each caller gets its own arrays,
 * as from fontkit.
 */
function shapeOnce(font: FontkitFont, staticTexts: readonly string[]): void {
  if (staticTexts.length === 0) return;
  const corpus = staticTexts.join("\u0000");
  const layout = font.layout.bind(font);
  const shaped = new Map<string, Shaped>();
  font.layout = (text: string, ...rest: unknown[]): Shaped => {
    if (text.length === 0 || !corpus.includes(text)) return layout(text, ...rest);
    const key = JSON.stringify([text, ...rest]);
    let run = shaped.get(key);
    if (!run) {
      run = layout(text, ...rest);
      shaped.set(key, run);
    }
    return { ...run, glyphs: [...run.glyphs], positions: run.positions.map((p) => ({ ...p })) };
  };
}

/**
 * The width of one line of text in points by the glyphs' advances (no shaping, no kerning), or
 * null before loadReceiptFont: an estimate to tell text that surely fits on one line.
 */
export function textWidth(text: string, fontSize: number): number | null {
  if (!loaded) return null;
  let units = 0;
  for (const glyph of loaded.glyphsForString(text)) units += glyph.advanceWidth;
  return (units / loaded.unitsPerEm) * fontSize;
}

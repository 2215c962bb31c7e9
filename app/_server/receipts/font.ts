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
let loaded: { glyphsForString(text: string): { advanceWidth: number }[]; unitsPerEm: number } | null = null;

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
export async function loadReceiptFont(): Promise<void> {
  registerReceiptFont();
  if (loaded) return;
  await Font.load({ fontFamily: RECEIPT_FONT });
  const source = Font.getFont({ fontFamily: RECEIPT_FONT }) as { data?: typeof loaded } | undefined;
  loaded = source?.data ?? null;
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

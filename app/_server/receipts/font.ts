import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
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

let registered = false;

/** Registers the embedded Japanese font and the line breaking once per process. */
export function registerReceiptFont(): void {
  if (registered) return;
  // Resolved through Node's package lookup so the server's working directory does not matter.
  // The package's entry point is resolved (a .js file the bundler accepts) and the TTF found beside
  // it: resolving the .ttf itself makes Turbopack try to bundle a font file and fail.
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve("@expo-google-fonts/noto-sans-jp"));
  const src = path.join(pkg, "400Regular", "NotoSansJP_400Regular.ttf");
  Font.register({ family: RECEIPT_FONT, src });
  Font.registerHyphenationCallback(splitForLineBreaking);
  registered = true;
}

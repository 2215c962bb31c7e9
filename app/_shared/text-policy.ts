// The one policy every typed text passes before it is stored or used (issue 12 item 2): the kiosk's
// forms, the console's forms and search boxes, the qualification CSV's fields. Pure, so the screens
// can give the same answer at once; the server's answer is the one that counts.
//
// What is refused, and why:
// - lone UTF-16 surrogates: not text at all; they pass a length check and then fail at save. U+FFFD
//   too: it is what a lone surrogate becomes once a form is decoded (FormData is USV strings), and
//   never typed, so the answer is the same whichever way the text came;
// - C0/C1 control characters (NUL, ESC, DEL, …) and the noncharacters: never typed, only injected;
// - bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C): they make a receipt or the console
//   show text in another order than it is stored;
// - every other invisible formatting character (Unicode category Cf: zero-width space and joiners,
//   U+2060, the BOM, soft hyphen, tag characters …) and the blank-looking fillers (U+115F, U+1160,
//   U+3164, U+FFA0, U+034F): two names that look the same must be the same. No Cf exception is made:
//   the fields are Japanese names, addresses and reasons; a joiner only matters inside an emoji
//   sequence, which the receipt's font cannot print anyway;
// - CR, LF, TAB and U+2028/2029 in a one-line field (a line break in a contact field reached an email
//   body as a header-looking line). A multi-line field keeps LF and TAB; CR LF and a lone CR become LF.
// Kept on purpose: variation selectors (U+FE00–FE0F, U+E0100–E01EF; Japanese names use them for kanji
// variants), private-use characters (外字), every visible character and space (U+3000 too).
//
// Lengths are counted in characters as the manual states: code points after NFC, so 𠮷 is one.

/** A row id a form sends back (cuid): checked as such, so no typed text reaches a lookup by id. */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type TextProblem = "surrogate" | "control" | "bidi" | "invisible" | "lineBreak";

export type TextCheck = { ok: true; value: string } | { ok: false; problem: TextProblem };

export type TextOptions = {
  /** a textarea: LF and TAB are kept (CR LF and CR become LF) */
  multiline?: boolean;
};

// without the u flag, so each half of a pair is seen on its own
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\r\n\t\u2028\u2029\u0085]/u;
const CONTROL = /[\p{Cc}\uFDD0-\uFDEF\uFFFE\uFFFF]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
// U+034F (a combining mark) outside the class: inside it would read as joined to the one before
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]|\u034F/u;

/** The policy: the NFC text, or the first class of character that is not allowed in it. */
export function checkText(raw: string, options: TextOptions = {}): TextCheck {
  // before anything else: normalize() and the u-flag regexes would pass a lone surrogate on
  if (LONE_SURROGATE.test(raw) || raw.includes("\uFFFD")) return { ok: false, problem: "surrogate" };
  let value = raw.normalize("NFC");
  if (options.multiline) value = value.replace(/\r\n?/g, "\n");
  const rest = options.multiline ? value.replace(/[\n\t]/g, "") : value;
  if (LINE_BREAK.test(rest)) return { ok: false, problem: "lineBreak" };
  if (CONTROL.test(rest)) return { ok: false, problem: "control" };
  if (BIDI.test(rest)) return { ok: false, problem: "bidi" };
  if (INVISIBLE.test(rest)) return { ok: false, problem: "invisible" };
  return { ok: true, value };
}

/** Characters as the manual counts them (code points; call it on NFC text). */
export function charLength(value: string): number {
  return Array.from(value).length;
}

const WHAT: Record<Exclude<TextProblem, "lineBreak">, string> = {
  surrogate: "不正な文字コード",
  control: "制御文字",
  bidi: "文字の向きを変える制御文字",
  invisible: "目に見えない文字",
};

/** The field's message: 「住所に使用できない文字（制御文字）が含まれています。」 */
export function textProblemMessage(label: string, problem: TextProblem): string {
  if (problem === "lineBreak") return `${label}に改行やタブは入力できません。1行で入力してください。`;
  return `${label}に使用できない文字（${WHAT[problem]}）が含まれています。`;
}

/** A CSV cell's message: the import's error list names the column beside it. */
export function cellProblemMessage(problem: TextProblem): string {
  if (problem === "lineBreak") return "改行やタブは使えません。";
  return `使用できない文字（${WHAT[problem]}）が含まれています。`;
}

/** True when `value` would pass the policy unchanged: what email and receipt builders assert. */
export function isCleanText(value: string, options: TextOptions = {}): boolean {
  const checked = checkText(value, options);
  return checked.ok && checked.value === value;
}

/**
 * One line for output built from stored text (email bodies, the receipt): whatever the policy
 * refuses never reaches them, even from a row written before the policy existed — line breaks
 * become a space, the rest is dropped.
 */
export function scrubText(value: string): string {
  return value
    .replace(new RegExp(LONE_SURROGATE.source, "g"), "")
    .replace(/\uFFFD/g, "")
    .normalize("NFC")
    .replace(new RegExp(`(?:${LINE_BREAK.source})+`, "gu"), " ")
    .replace(new RegExp(CONTROL.source, "gu"), "")
    .replace(new RegExp(INVISIBLE.source, "gu"), "");
}

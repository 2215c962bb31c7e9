// A typed text field as a zod schema: the text policy first (app/_shared/text-policy.ts), then
// trimmed, required and counted in characters. Messages name the field, in the manual's tone.
import { charLength, checkText, textProblemMessage } from "./text-policy";
import { z } from "./zod";

export type TextFieldOptions = {
  /** characters (code points after NFC) */
  max?: number;
  /** false: an empty text is allowed (and answered as "") */
  required?: boolean;
  /** a textarea: line breaks and tabs allowed */
  multiline?: boolean;
  /** the message for a missing or empty value (default 「{label}を入力してください。」) */
  emptyMessage?: string;
  /** the message for too long a value (default 「{label}は{max}文字以内で入力してください。」) */
  maxMessage?: string;
  /** passwords: checked, never rewritten (a stored hash compares what was typed) */
  keepAsTyped?: boolean;
};

export function textField(label: string, options: TextFieldOptions = {}) {
  const { max, required = true, multiline = false, keepAsTyped = false } = options;
  const emptyMessage = options.emptyMessage ?? `${label}を入力してください。`;
  const maxMessage = options.maxMessage ?? `${label}は${max}文字以内で入力してください。`;
  return z.string({ error: emptyMessage }).transform((raw, ctx) => {
    const checked = checkText(raw, { multiline });
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", message: textProblemMessage(label, checked.problem), input: raw });
      return z.NEVER;
    }
    const value = keepAsTyped ? raw : checked.value.trim();
    if (required && !value.trim()) {
      ctx.addIssue({ code: "custom", message: emptyMessage, input: raw });
      return z.NEVER;
    }
    if (max !== undefined && charLength(value) > max) {
      ctx.addIssue({ code: "custom", message: maxMessage, input: raw });
      return z.NEVER;
    }
    return value;
  });
}

/** The same check for a service that reads one field by hand: the text, or the field's message. */
export function readTextField(
  label: string,
  raw: unknown,
  options: TextFieldOptions = {},
): { ok: true; value: string } | { ok: false; message: string } {
  const parsed = textField(label, options).safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? `${label}を確認してください。` };
}

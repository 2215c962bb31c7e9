// A typed text field as a zod schema: the text policy first (app/_shared/text-policy.ts), then
// trimmed, required and counted in characters. Messages name the field, in the manual's tone. The
// rule itself is plain (form-rules.ts), so the kiosk's screens run it without zod.
import { emptyMessageOf, textRule, type Rule, type TextFieldOptions } from "./form-rules";
import { z } from "./zod";

export type { TextFieldOptions };

/** The field's rule (app/_shared/form-rules.ts) as a zod schema: a missing value answers its empty message. */
export function textField(label: string, options: TextFieldOptions = {}) {
  return ruleSchema(textRule(label, options), emptyMessageOf(label, options));
}

/** A plain rule as a zod string schema, its message at the field and its cleaned value as output. */
export function ruleSchema(rule: Rule, emptyMessage: string) {
  return z.string({ error: emptyMessage }).transform((raw, ctx) => {
    const result = rule(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message, input: raw });
    return z.NEVER;
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

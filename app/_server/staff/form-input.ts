import "server-only";

/**
 * The fields of what a console form sent: a FormData (strings only; files are ignored) or a plain
 * object. Anything else is no fields at all, so a junk call is an ordinary validation failure.
 */
export function formFields(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of input.entries()) {
      if (typeof value === "string" && !(key in fields)) fields[key] = value;
    }
    return fields;
  }
  if (input && typeof input === "object" && !Array.isArray(input))
    return { ...(input as Record<string, unknown>) };
  return {};
}

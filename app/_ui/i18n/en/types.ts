/**
 * One part of the English catalog: exact texts keyed by their Japanese, and patterns for
 * messages with a value inside (the pattern matches the Japanese, the function writes English).
 */
export type Catalog = {
  messages: Readonly<Record<string, string>>;
  patterns: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]>;
};

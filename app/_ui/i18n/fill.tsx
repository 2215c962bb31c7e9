import { Fragment, type ReactNode } from "react";

/**
 * A translated sentence with its values put in at {name}: the value may be an element (a
 * Japanese agency name in <span lang="ja">), and the word order is the language's own.
 */
export function fill(text: string, values: Readonly<Record<string, ReactNode>>): ReactNode {
  const parts = text.split(/\{(\w+)\}/);
  return parts.map((part, i) => (
    <Fragment key={i}>{i % 2 === 1 ? (values[part] ?? `{${part}}`) : part}</Fragment>
  ));
}

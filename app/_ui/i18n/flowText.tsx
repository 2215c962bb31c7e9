"use client";
// What the flow screens need beyond t(): a sentence with a value in it, and
// recorded data (names, addresses) marked as Japanese inside an English screen.
import { Fragment, type ReactNode } from "react";
import type { Lang } from "@/machines";
import { useLang } from "./useT";

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

/** Whether an English screen must mark this value as Japanese (lang="ja"). */
export function needsJa(lang: Lang, value: string): boolean {
  return lang === "en" && JAPANESE.test(value);
}

/** Recorded data as it is (a company, an agency, a name); marked lang="ja" on an English screen. */
export function Ja({ children }: { children: string }) {
  const lang = useLang();
  return needsJa(lang, children) ? <span lang="ja">{children}</span> : children;
}

/** A translated sentence with its {name} placeholders filled by text. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** A translated sentence with its {name} placeholders filled by elements (e.g. <Ja>, <strong>). */
export function interpolate(text: string, values: Record<string, ReactNode>): ReactNode[] {
  return text
    .split(/\{(\w+)\}/)
    .map((piece, i) =>
      i % 2 === 0 ? piece : <Fragment key={`${piece}-${i}`}>{values[piece] ?? `{${piece}}`}</Fragment>,
    );
}

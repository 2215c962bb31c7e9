"use client";
import { useEffect } from "react";

/**
 * A USB scanner types into whatever has the focus and presses Enter: the field is focused on every
 * load, its last text selected, so the next receipt is scanned without a click and replaces it.
 */
export function focusForScan(doc: Pick<Document, "getElementById">, inputId: string): void {
  const input = doc.getElementById(inputId) as HTMLInputElement | null;
  input?.focus();
  input?.select();
}

export function ScannerReady({ inputId }: { inputId: string }) {
  useEffect(() => focusForScan(document, inputId), [inputId]);
  return null;
}

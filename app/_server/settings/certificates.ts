import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { z } from "@/app/_shared/zod";

// How the certificate settings are written (comma-separated lists) and what makes them valid at
// boot. Kept free of crypto so config.ts can use it without loading pkijs.

export type CrlSource = { kind: "file"; location: string } | { kind: "url"; location: string };

export function splitList(setting: string): string[] {
  return setting
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Only loopback URLs: the terminal gets CRLs from a local mirror (or a test server), never from
 * whatever host a setting names — a typo must not turn the kiosk into a client of the internet.
 */
export function isLoopbackUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== "http:") return false;
  const host = url.hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function looksLikeUrl(item: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(item);
}

/** CRL_SOURCES as sources; files resolved against the working directory like the other paths. */
export function parseCrlSources(setting: string): CrlSource[] {
  return splitList(setting).map((item) =>
    looksLikeUrl(item) ? { kind: "url", location: item } : { kind: "file", location: path.resolve(item) },
  );
}

function unreadable(file: string): string | null {
  try {
    fs.accessSync(/*turbopackIgnore: true*/ path.resolve(file), fs.constants.R_OK);
    return fs.statSync(/*turbopackIgnore: true*/ path.resolve(file)).isFile() ? null : "not a file";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? "unreadable";
  }
}

/** zod check for a comma-separated list of files that must exist and be readable. */
export function readableFiles(value: string, ctx: z.RefinementCtx): void {
  for (const file of splitList(value)) {
    const why = unreadable(file);
    if (why) ctx.addIssue({ code: "custom", message: `${path.resolve(file)} cannot be read (${why})` });
  }
}

/** zod check for CRL_SOURCES: readable files or http:// loopback URLs. */
export function crlSources(value: string, ctx: z.RefinementCtx): void {
  for (const item of splitList(value)) {
    if (looksLikeUrl(item)) {
      if (!isLoopbackUrl(item)) {
        ctx.addIssue({
          code: "custom",
          message: `${item} is not an http:// URL on this machine (127.0.0.1, localhost or [::1])`,
        });
      }
      continue;
    }
    const why = unreadable(item);
    if (why) ctx.addIssue({ code: "custom", message: `${path.resolve(item)} cannot be read (${why})` });
  }
}

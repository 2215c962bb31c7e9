import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFromEnv } from "@/prisma/url";
import { config } from "../config";

let cached: string | undefined;

/**
 * The key next-auth signs and encrypts the staff JWT with: NEXTAUTH_SECRET when set, otherwise a
 * random one made once and kept beside the SQLite file (mode 0600), so `npm run demo` and the
 * browser tests need no manual step and sign-ins survive a restart.
 */
export function nextAuthSecret(): string {
  if (cached) return cached;
  const fromEnv = config().NEXTAUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  // beside the SQLite file; with PostgreSQL, in this server's own .data/ (each server signs its
  // own console's sign-ins)
  const database = databaseFromEnv();
  const dir =
    database.engine === "sqlite"
      ? path.dirname(database.url.slice("file:".length))
      : path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data");
  const file = path.join(dir, "nextauth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return (cached = existing);
  } catch {
    // not made yet
  }
  fs.mkdirSync(dir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    // "wx": two processes starting together must end up with the same secret
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return (cached = secret);
  } catch {
    const existing = fs.readFileSync(file, "utf8").trim();
    return (cached = existing);
  }
}

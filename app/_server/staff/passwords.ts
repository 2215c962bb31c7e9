import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (Algorithm.Argon2id = 2; the enum is ambient const) with the library's default costs.
const OPTIONS = { algorithm: 2 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * True when `password` matches `passwordHash`. With no hash (unknown login) a dummy hash is
 * verified anyway, so an unknown login takes as long as a wrong password.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummy ??= hash("dummy password for unknown logins", OPTIONS);
  const target = passwordHash ?? (await dummy);
  let ok: boolean;
  try {
    ok = await verify(target, password);
  } catch {
    // a malformed stored hash is a refusal, not a crash
    ok = false;
  }
  return passwordHash !== null && ok;
}

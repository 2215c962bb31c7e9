import type { Lang } from "@/machines";

/** Each language named in itself, for the switch: whoever cannot read the screen can still find theirs. */
export const NATIVE_NAME: Record<Lang, string> = { ja: "日本語", en: "English" };

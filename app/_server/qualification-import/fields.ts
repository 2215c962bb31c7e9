// One zod schema per column: a cell's own rules, with Japanese messages that never repeat the
// value (it may be a password). Rules across columns are in row.ts.
import { z } from "@/app/_shared/zod";
import type { Kind } from "@/app/_shared/kinds";
import type { ColumnKey } from "./columns";

export type QualificationStatus = "approved" | "reviewing" | "lapsed";

const KIND_VALUES: Record<string, Kind> = {
  工事: "construction",
  物品: "goods",
  construction: "construction",
  goods: "goods",
};
const STATUS_VALUES: Record<string, QualificationStatus> = {
  審査済: "approved",
  審査中: "reviewing",
  失効: "lapsed",
  approved: "approved",
  reviewing: "reviewing",
  lapsed: "lapsed",
};

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
// line breaks, tabs and other control characters have no place in a one-line field
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
const ARGON2ID = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;

const REQUIRED = "必須です。";
const text = (max: number) =>
  z
    .string()
    .min(1, REQUIRED)
    .max(max, `${max}文字以内にしてください。`)
    .refine((v) => !CONTROL.test(v), "改行やタブは使えません。");
const optionalText = (max: number) =>
  z
    .string()
    .max(max, `${max}文字以内にしてください。`)
    .refine((v) => !CONTROL.test(v), "改行やタブは使えません。");

const userId = z
  .string()
  .min(1, REQUIRED)
  .refine((v) => !FULL_WIDTH.test(v), "半角数字10桁で記入してください（全角文字は使えません）。")
  .refine((v) => /^[0-9]{10}$/.test(v), "半角数字10桁で記入してください。");

const postalCode = z
  .string()
  .min(1, REQUIRED)
  .refine((v) => /^[0-9]{3}-?[0-9]{4}$/.test(v), "半角の「123-4567」の形で記入してください。")
  .transform((v) => `${v.replace("-", "").slice(0, 3)}-${v.replace("-", "").slice(3)}`);

const PHONE = /^[0-9]+(-[0-9]+){0,3}$/;
const phoneOk = (v: string) => PHONE.test(v) && /^[0-9]{10,11}$/.test(v.replaceAll("-", ""));
const phone = z
  .string()
  .min(1, REQUIRED)
  .refine(phoneOk, "半角数字とハイフンで、10桁か11桁の番号を記入してください。");
const fax = z
  .string()
  .refine(
    (v) => v === "" || phoneOk(v),
    "半角数字とハイフンで、10桁か11桁の番号を記入してください（なければ空欄）。",
  );

export const FIELD_SCHEMAS = {
  userId,
  kind: z
    .string()
    .min(1, REQUIRED)
    .refine((v) => v in KIND_VALUES, "「工事」か「物品」を記入してください。")
    .transform((v) => KIND_VALUES[v]!),
  officialName: text(200),
  companyName: text(200),
  postalCode,
  address: text(300),
  representativeName: text(100),
  representativeTitle: text(100),
  phone,
  fax,
  departmentName: optionalText(100),
  delegated: z
    .string()
    .min(1, REQUIRED)
    .refine((v) => v === "0" || v === "1", "0（委任なし）か 1（委任あり）を記入してください。")
    .transform((v) => v === "1"),
  status: z
    .string()
    .min(1, REQUIRED)
    .refine((v) => v in STATUS_VALUES, "「審査済」「審査中」「失効」のいずれかを記入してください。")
    .transform((v) => STATUS_VALUES[v]!),
  successorUserId: z.union([z.literal(""), userId]),
  agencies: z
    .string()
    .min(1, "調達機関コードを1つ以上、「;」で区切って記入してください。")
    .transform((v) =>
      v
        .split(";")
        .map((c) => c.trim())
        .filter((c) => c !== ""),
    )
    .refine((codes) => codes.length > 0, "調達機関コードを1つ以上、「;」で区切って記入してください。")
    .refine((codes) => codes.every((c) => /^[0-9]{6}$/.test(c)), "調達機関コードは半角数字6桁です。")
    .refine((codes) => new Set(codes).size === codes.length, "同じ調達機関コードが2回以上書かれています。"),
  passwordHash: z
    .string()
    .refine(
      (v) => v === "" || ARGON2ID.test(v),
      "argon2id のハッシュ（$argon2id$v=19$… の形）ではありません。",
    ),
  initialPassword: z
    .string()
    .refine((v) => v === "" || /^[A-Za-z0-9]{8}$/.test(v), "半角英数字8文字にしてください（R10）。"),
  passwordChangedAt: z.string().transform((v, ctx) => {
    if (v === "") return null;
    const date = parseDate(v);
    if (!date) {
      ctx.addIssue({
        code: "custom",
        message: "「2026-11-26」または「2026-11-26T10:30:00+09:00」の形で記入してください。",
      });
      return z.NEVER;
    }
    return date;
  }),
} as const;

export const PREV_KEYS = [
  "prevCompanyName",
  "prevPostalCode",
  "prevAddress",
  "prevRepresentativeName",
  "prevRepresentativeTitle",
  "prevPhone",
  "prevFax",
  "prevDepartmentName",
] as const satisfies readonly ColumnKey[];

export const PREV_SCHEMAS: Record<(typeof PREV_KEYS)[number], z.ZodType> = {
  prevCompanyName: FIELD_SCHEMAS.companyName,
  prevPostalCode: FIELD_SCHEMAS.postalCode,
  prevAddress: FIELD_SCHEMAS.address,
  prevRepresentativeName: FIELD_SCHEMAS.representativeName,
  prevRepresentativeTitle: FIELD_SCHEMAS.representativeTitle,
  prevPhone: FIELD_SCHEMAS.phone,
  prevFax: FIELD_SCHEMAS.fax,
  prevDepartmentName: FIELD_SCHEMAS.departmentName,
};

/** ISO 8601 date or date-time; without an offset it is Japan time (the qualification system's). */
export function parseDate(value: string): Date | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      value,
    );
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = m;
  const offset =
    zone === undefined
      ? "+09:00"
      : zone === "Z"
        ? "Z"
        : zone.includes(":")
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const frac = /\.(\d{1,3})/.exec(value)?.[1];
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac}` : ""}${offset}`);
  if (Number.isNaN(date.getTime())) return null;
  // 2026-02-30 is rolled over by Date; refuse instead
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return date;
}

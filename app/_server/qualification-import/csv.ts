// The qualification CSV (docs/qualification-csv.md): bytes → validated rows, or every error with
// its physical line number and column. Pure (no database): the checks that need the database
// (agency codes exist, a new row has a password, the successor exists) are in import.ts.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Kind } from "@/app/_shared/kinds";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 200_000;

export type ImportError = {
  /** physical line in the file (the header is line 1); null for the file as a whole */
  line: number | null;
  /** the column's Japanese header name; null for the row or file as a whole */
  field: string | null;
  /** one Japanese sentence; never repeats a password or hash */
  message: string;
};

export type QualificationStatus = "approved" | "reviewing" | "lapsed";

export type CompanyInfo = {
  companyName: string;
  postalCode: string;
  address: string;
  representativeName: string;
  representativeTitle: string;
  phone: string;
  fax: string;
  departmentName: string;
};

export type CsvPassword = { type: "hash"; hash: string } | { type: "plain"; plain: string } | null;

export type CsvRow = {
  line: number;
  userId: string;
  kind: Kind;
  officialName: string;
  company: CompanyInfo;
  delegated: boolean;
  status: QualificationStatus;
  successorUserId: string | null;
  agencyCodes: string[];
  password: CsvPassword;
  passwordChangedAt: Date | null;
  /** 審査中 only: 企業情報 before the change under review (R16) */
  previousCompany: CompanyInfo | null;
};

type Column = { key: ColumnKey; ja: string; en: string; required: boolean };

export type ColumnKey =
  | "userId"
  | "kind"
  | "officialName"
  | "companyName"
  | "postalCode"
  | "address"
  | "representativeName"
  | "representativeTitle"
  | "phone"
  | "fax"
  | "departmentName"
  | "delegated"
  | "status"
  | "successorUserId"
  | "agencies"
  | "passwordHash"
  | "initialPassword"
  | "passwordChangedAt"
  | "prevCompanyName"
  | "prevPostalCode"
  | "prevAddress"
  | "prevRepresentativeName"
  | "prevRepresentativeTitle"
  | "prevPhone"
  | "prevFax"
  | "prevDepartmentName";

/** The header names (Japanese or English, either may be used per column), in the documented order. */
export const COLUMNS: readonly Column[] = [
  { key: "userId", ja: "ユーザID", en: "user_id", required: true },
  { key: "kind", ja: "業務区分", en: "kind", required: true },
  { key: "officialName", ja: "商号又は名称", en: "official_name", required: true },
  { key: "companyName", ja: "業者名", en: "company_name", required: true },
  { key: "postalCode", ja: "郵便番号", en: "postal_code", required: true },
  { key: "address", ja: "住所", en: "address", required: true },
  { key: "representativeName", ja: "代表者氏名", en: "representative_name", required: true },
  { key: "representativeTitle", ja: "代表者役職", en: "representative_title", required: true },
  { key: "phone", ja: "電話番号", en: "phone", required: true },
  { key: "fax", ja: "FAX番号", en: "fax", required: true },
  { key: "departmentName", ja: "部署名", en: "department_name", required: true },
  { key: "delegated", ja: "委任", en: "delegated", required: true },
  { key: "status", ja: "状態", en: "status", required: true },
  { key: "successorUserId", ja: "後継ユーザID", en: "successor_user_id", required: false },
  { key: "agencies", ja: "調達機関", en: "agencies", required: true },
  { key: "passwordHash", ja: "パスワードハッシュ", en: "password_hash", required: false },
  { key: "initialPassword", ja: "初期パスワード", en: "initial_password", required: false },
  { key: "passwordChangedAt", ja: "パスワード変更日時", en: "password_changed_at", required: false },
  { key: "prevCompanyName", ja: "変更前業者名", en: "prev_company_name", required: false },
  { key: "prevPostalCode", ja: "変更前郵便番号", en: "prev_postal_code", required: false },
  { key: "prevAddress", ja: "変更前住所", en: "prev_address", required: false },
  { key: "prevRepresentativeName", ja: "変更前代表者氏名", en: "prev_representative_name", required: false },
  {
    key: "prevRepresentativeTitle",
    ja: "変更前代表者役職",
    en: "prev_representative_title",
    required: false,
  },
  { key: "prevPhone", ja: "変更前電話番号", en: "prev_phone", required: false },
  { key: "prevFax", ja: "変更前FAX番号", en: "prev_fax", required: false },
  { key: "prevDepartmentName", ja: "変更前部署名", en: "prev_department_name", required: false },
];

const BY_KEY = new Map(COLUMNS.map((c) => [c.key, c]));
export const fieldName = (key: ColumnKey): string => BY_KEY.get(key)!.ja;

const headerKey = (name: string) => name.normalize("NFKC").trim().toLowerCase();
const BY_HEADER = new Map<string, Column>(
  COLUMNS.flatMap((c) => [[headerKey(c.ja), c] as const, [headerKey(c.en), c] as const]),
);

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

// ---- field schemas (zod), Japanese messages that never repeat the value ----

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

const FIELD_SCHEMAS = {
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

const PREV_KEYS = [
  "prevCompanyName",
  "prevPostalCode",
  "prevAddress",
  "prevRepresentativeName",
  "prevRepresentativeTitle",
  "prevPhone",
  "prevFax",
  "prevDepartmentName",
] as const satisfies readonly ColumnKey[];

const PREV_SCHEMAS: Record<(typeof PREV_KEYS)[number], z.ZodType> = {
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

export type ParseOutcome = { rows: CsvRow[]; errors: ImportError[] };

/**
 * Decodes (UTF-8, optional BOM), parses and validates every row. Errors are collected for the
 * whole file; rows with errors are left out of `rows`.
 */
export function parseQualificationCsv(bytes: Uint8Array): ParseOutcome {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return fileError(
      `ファイルが大きすぎます（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）。分けて取り込んでください。`,
    );
  }
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileError(
      "UTF-8 の文字コードで保存されたファイルではありません（Shift_JIS の場合は UTF-8 で保存し直してください）。",
    );
  }
  // csv-parse counts a CR LF inside a quoted field as two lines; one kind of line break keeps
  // the reported line numbers physical
  content = content.replace(/\r\n?/g, "\n");

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : null;
    return { rows: [], errors: [{ line, field: null, message: csvSyntaxMessage(error) }] };
  }

  // a record's first physical line: where it ends, less the line breaks inside its quoted fields
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);

  const [header, ...data] = records;
  if (!header) return fileError("ファイルが空です。1行目に見出し、2行目から資格データを書いてください。");
  const headerLine = startLine(header);
  const errors: ImportError[] = [];

  const columnIndex = new Map<ColumnKey, number>();
  header.record.forEach((raw, i) => {
    const name = raw.trim();
    const column = BY_HEADER.get(headerKey(name));
    if (!column) {
      errors.push({
        line: headerLine,
        field: name || `${i + 1}列目`,
        message: "この見出しの列はありません（見出し名を確認してください）。",
      });
    } else if (columnIndex.has(column.key)) {
      errors.push({ line: headerLine, field: column.ja, message: "同じ列が2回あります。" });
    } else {
      columnIndex.set(column.key, i);
    }
  });
  for (const column of COLUMNS) {
    if (column.required && !columnIndex.has(column.key)) {
      errors.push({
        line: headerLine,
        field: column.ja,
        message: `見出しに「${column.ja}」（または ${column.en}）の列がありません。`,
      });
    }
  }
  if (errors.length > 0) return { rows: [], errors };
  if (data.length === 0) return fileError("資格データの行がありません（1行目は見出しです）。");
  if (data.length > MAX_ROWS) {
    return fileError(
      `行数が多すぎます（${data.length.toLocaleString("ja-JP")} 行、上限 ${MAX_ROWS.toLocaleString("ja-JP")} 行）。分けて取り込んでください。`,
    );
  }

  const rows: CsvRow[] = [];
  const firstLineOf = new Map<string, number>();
  const reportedDuplicate = new Set<number>();
  for (const r of data) {
    const line = startLine(r);
    if (r.record.length !== header.record.length) {
      errors.push({
        line,
        field: null,
        message: `列の数が見出しと違います（${r.record.length} 列、見出しは ${header.record.length} 列）。「,」を含む値は "…" で囲んでください。`,
      });
      continue;
    }
    const value = (key: ColumnKey) => {
      const i = columnIndex.get(key);
      return i === undefined ? "" : (r.record[i] ?? "").trim();
    };
    const before = errors.length;
    const push = (key: ColumnKey, message: string) => errors.push({ line, field: fieldName(key), message });
    const field = <K extends keyof typeof FIELD_SCHEMAS>(
      key: K,
    ): z.output<(typeof FIELD_SCHEMAS)[K]> | undefined => {
      const result = FIELD_SCHEMAS[key].safeParse(value(key));
      if (result.success) return result.data as z.output<(typeof FIELD_SCHEMAS)[K]>;
      push(key, result.error.issues[0]?.message ?? "正しくありません。");
      return undefined;
    };

    const parsed = {
      userId: field("userId"),
      kind: field("kind"),
      officialName: field("officialName"),
      companyName: field("companyName"),
      postalCode: field("postalCode"),
      address: field("address"),
      representativeName: field("representativeName"),
      representativeTitle: field("representativeTitle"),
      phone: field("phone"),
      fax: field("fax"),
      departmentName: field("departmentName"),
      delegated: field("delegated"),
      status: field("status"),
      successorUserId: field("successorUserId"),
      agencies: field("agencies"),
      passwordHash: field("passwordHash"),
      initialPassword: field("initialPassword"),
      passwordChangedAt: field("passwordChangedAt"),
    };

    // rules across columns
    if (parsed.successorUserId) {
      if (parsed.status !== undefined && parsed.status !== "lapsed") {
        push("successorUserId", "後継ユーザIDは状態が「失効」のときだけ記入できます。");
      } else if (parsed.successorUserId === parsed.userId) {
        push("successorUserId", "後継ユーザIDが自身のユーザIDと同じです。");
      }
    }
    if (value("passwordHash") !== "" && value("initialPassword") !== "") {
      push("initialPassword", "パスワードハッシュと初期パスワードは、どちらか一方だけを記入してください。");
    }

    let previousCompany: CompanyInfo | null = null;
    const anyPrev = PREV_KEYS.some((k) => value(k) !== "");
    if (anyPrev && parsed.status !== undefined && parsed.status !== "reviewing") {
      for (const k of PREV_KEYS) {
        if (value(k) !== "") push(k, "変更前の企業情報は、状態が「審査中」のときだけ記入できます。");
      }
    } else if (anyPrev) {
      const prev: Partial<Record<(typeof PREV_KEYS)[number], string>> = {};
      for (const k of PREV_KEYS) {
        const result = PREV_SCHEMAS[k].safeParse(value(k));
        if (result.success) prev[k] = result.data as string;
        else push(k, result.error.issues[0]?.message ?? "正しくありません。");
      }
      previousCompany = {
        companyName: prev.prevCompanyName ?? "",
        postalCode: prev.prevPostalCode ?? "",
        address: prev.prevAddress ?? "",
        representativeName: prev.prevRepresentativeName ?? "",
        representativeTitle: prev.prevRepresentativeTitle ?? "",
        phone: prev.prevPhone ?? "",
        fax: prev.prevFax ?? "",
        departmentName: prev.prevDepartmentName ?? "",
      };
    }

    // the same user ID + kind twice: both lines are wrong
    if (parsed.userId !== undefined && parsed.kind !== undefined) {
      const key = `${parsed.userId}:${parsed.kind}`;
      const first = firstLineOf.get(key);
      if (first === undefined) {
        firstLineOf.set(key, line);
      } else {
        const kindLabel = parsed.kind === "construction" ? "工事" : "物品";
        const message = (other: number) =>
          `ユーザID ${parsed.userId}（${kindLabel}）が ${other} 行目にもあります。1つの行にまとめてください。`;
        if (!reportedDuplicate.has(first)) {
          errors.push({ line: first, field: fieldName("userId"), message: message(line) });
          reportedDuplicate.add(first);
        }
        errors.push({ line, field: fieldName("userId"), message: message(first) });
        continue;
      }
    }

    if (errors.length > before) continue;
    const p = parsed as { [K in keyof typeof parsed]-?: NonNullable<(typeof parsed)[K]> } & {
      passwordChangedAt: Date | null;
    };
    rows.push({
      line,
      userId: p.userId,
      kind: p.kind,
      officialName: p.officialName,
      company: {
        companyName: p.companyName,
        postalCode: p.postalCode,
        address: p.address,
        representativeName: p.representativeName,
        representativeTitle: p.representativeTitle,
        phone: p.phone,
        fax: p.fax,
        departmentName: p.departmentName,
      },
      delegated: p.delegated,
      status: p.status,
      successorUserId: p.successorUserId === "" ? null : p.successorUserId,
      agencyCodes: p.agencies,
      password:
        p.passwordHash !== ""
          ? { type: "hash", hash: p.passwordHash }
          : p.initialPassword !== ""
            ? { type: "plain", plain: p.initialPassword }
            : null,
      passwordChangedAt: parsed.passwordChangedAt ?? null,
      previousCompany,
    });
  }
  return { rows, errors: sortErrors(errors) };
}

export function sortErrors(errors: ImportError[]): ImportError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

function fileError(message: string): ParseOutcome {
  return { rows: [], errors: [{ line: null, field: null, message }] };
}

function csvSyntaxMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return '「"」で始めた値が閉じられていません。';
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return '「"」の後に余分な文字があります。値の中の「"」は「""」と2つ重ねてください。';
    default:
      return "CSV として読めません。形式を確認してください。";
  }
}

/** "line 3: ユーザID: …" (the CLI) */
export function formatImportError(error: ImportError): string {
  const where = error.line === null ? "file" : `line ${error.line}`;
  return error.field ? `${where}: ${error.field}: ${error.message}` : `${where}: ${error.message}`;
}

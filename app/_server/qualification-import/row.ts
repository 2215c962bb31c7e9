// One data line of the file → a validated row, or its errors: each cell against its column's
// schema, then the rules across columns and across lines (the same user ID + kind twice).
import { z } from "@/app/_shared/zod";
import type { CompanyInfo } from "@/app/_shared/contracts";
import type { Kind } from "@/app/_shared/kinds";
import { cellProblemMessage, checkText } from "@/app/_shared/text-policy";
import { fieldName, type ColumnKey } from "./columns";
import type { ImportError } from "./errors";
import { FIELD_SCHEMAS, PREV_KEYS, PREV_SCHEMAS, type QualificationStatus } from "./fields";

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

/** What one file's rows share: where each column is, every error so far, and the lines seen. */
export type RowContext = {
  columnIndex: Map<ColumnKey, number>;
  errors: ImportError[];
  /** user ID + kind → the first line it is on */
  firstLineOf: Map<string, number>;
  /** first lines already reported as duplicated, so a third copy does not report it again */
  reportedDuplicate: Set<number>;
};

/** Appends the line's errors to `ctx.errors`; the row only when it has none. */
export function readRow(record: string[], line: number, ctx: RowContext): CsvRow | null {
  const { columnIndex, errors, firstLineOf, reportedDuplicate } = ctx;
  const value = (key: ColumnKey) => {
    const i = columnIndex.get(key);
    return i === undefined ? "" : (record[i] ?? "").trim();
  };
  const before = errors.length;
  const push = (key: ColumnKey, message: string) => errors.push({ line, field: fieldName(key), message });
  // the text policy first, for every column alike (issue 12 item 2); the schema gets the NFC text
  const cell = (key: ColumnKey, schema: z.ZodType): { ok: true; data: unknown } | { ok: false } => {
    const checked = checkText(value(key));
    if (!checked.ok) {
      push(key, cellProblemMessage(checked.problem));
      return { ok: false };
    }
    const result = schema.safeParse(checked.value);
    if (result.success) return { ok: true, data: result.data };
    push(key, result.error.issues[0]?.message ?? "正しくありません。");
    return { ok: false };
  };
  const field = <K extends keyof typeof FIELD_SCHEMAS>(
    key: K,
  ): z.output<(typeof FIELD_SCHEMAS)[K]> | undefined => {
    const result = cell(key, FIELD_SCHEMAS[key]);
    return result.ok ? (result.data as z.output<(typeof FIELD_SCHEMAS)[K]>) : undefined;
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
      const result = cell(k, PREV_SCHEMAS[k]);
      if (result.ok) prev[k] = result.data as string;
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
      return null;
    }
  }

  if (errors.length > before) return null;
  const p = parsed as { [K in keyof typeof parsed]-?: NonNullable<(typeof parsed)[K]> } & {
    passwordChangedAt: Date | null;
  };
  return {
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
  };
}

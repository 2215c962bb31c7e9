// The file's columns: each may be headed by its Japanese or its English name
// (docs/qualification-csv.md), and errors always name it in Japanese.

export type Column = { key: ColumnKey; ja: string; en: string; required: boolean };

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
/** The column a header cell names; full-width letters and case do not matter. */
export const columnByHeader = (name: string): Column | undefined => BY_HEADER.get(headerKey(name));

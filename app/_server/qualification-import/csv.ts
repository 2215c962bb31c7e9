// The qualification CSV (docs/qualification-csv.md): bytes → validated rows, or every error with
// its physical line number and column. Pure (no database): the checks that need the database
// (agency codes exist, a new row has a password, the successor exists) are in checks.ts.
// This module is the entry point: the column table, cell schemas and row rules live beside it.
import { parse } from "csv-parse/sync";
import { COLUMNS, columnByHeader, type ColumnKey } from "./columns";
import { sortErrors, type ImportError } from "./errors";
import { readRow, type CsvRow, type RowContext } from "./row";

export { COLUMNS, fieldName, type ColumnKey } from "./columns";
export { formatImportError, sortErrors, type ImportError } from "./errors";
export { parseDate, type QualificationStatus } from "./fields";
export type { CsvPassword, CsvRow } from "./row";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 200_000;

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
    const column = columnByHeader(name);
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
  const ctx: RowContext = { columnIndex, errors, firstLineOf: new Map(), reportedDuplicate: new Set() };
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
    const row = readRow(r.record, line, ctx);
    if (row) rows.push(row);
  }
  return { rows, errors: sortErrors(errors) };
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

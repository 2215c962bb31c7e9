// The one shape every complaint about a file takes, from the CSV checks and the database's alike,
// so the console and the CLI show them the same way.

export type ImportError = {
  /** physical line in the file (the header is line 1); null for the file as a whole */
  line: number | null;
  /** the column's Japanese header name; null for the row or file as a whole */
  field: string | null;
  /** one Japanese sentence; never repeats a password or hash */
  message: string;
};

export function sortErrors(errors: ImportError[]): ImportError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/** "line 3: ユーザID: …" (the CLI) */
export function formatImportError(error: ImportError): string {
  const where = error.line === null ? "file" : `line ${error.line}`;
  return error.field ? `${where}: ${error.field}: ${error.message}` : `${where}: ${error.message}`;
}

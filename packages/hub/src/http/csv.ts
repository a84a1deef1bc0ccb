import type { FastifyReply, FastifyRequest } from 'fastify';

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Whether the client asked for CSV (the only alternative to JSON the operations that offer it have). */
export function wantsCsv(request: FastifyRequest): boolean {
  return /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

/**
 * Answers with a CSV download named `<filename>.csv`; with `bom`, led by a byte order mark so
 * that spreadsheet programs read it as UTF-8 (the open-data downloads, for anyone who opens them).
 */
export function sendCsv(reply: FastifyReply, csv: string, filename: string, options: { bom?: boolean } = {}): string {
  reply.type(CSV_CONTENT_TYPE).header('Content-Disposition', `attachment; filename="${filename}.csv"`);
  return options.bom ? `\uFEFF${csv}` : csv;
}

/**
 * Text a spreadsheet may read as a formula (CSV injection): one that starts with `=`, `+`, `-`,
 * `@` or their full-width forms (Excel and LibreOffice fold them), also behind leading
 * whitespace (spreadsheets trim it before they look), and any text that starts with a control
 * character such as a tab, CR or LF (OWASP's list; a line feed also hides the rest of the cell).
 */
const formulaStart = /^(?:[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\p{Cc}])/u;
/**
 * A phone number as the contract allows it (`+49 931 …`, `0931/12 34-5`): only digits, spaces
 * and `+ ( ) / -`. Even read as a formula it can call no function, name no cell and start no
 * DDE link, so it is written as it is, readable, instead of with a guarding apostrophe.
 */
const phoneNumber = /^\+?[0-9][0-9 ()/-]*$/;

/** A spreadsheet cell: quoted when needed, and never read as a formula that could do anything. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = formulaStart.test(value) && !phoneNumber.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV with CRLF line ends (RFC 4180). */
export function csvTable(rows: (string | number | null)[][]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

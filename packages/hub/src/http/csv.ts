import type { FastifyReply, FastifyRequest } from 'fastify';

const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Whether the client asked for CSV (the only alternative to JSON the operations that offer it have). */
export function wantsCsv(request: FastifyRequest): boolean {
  return /\btext\/csv\b/i.test(request.headers.accept ?? '');
}

/** Answers with a CSV download named `<filename>.csv`. */
export function sendCsv(reply: FastifyReply, csv: string, filename: string): string {
  reply.type(CSV_CONTENT_TYPE).header('Content-Disposition', `attachment; filename="${filename}.csv"`);
  return csv;
}

/** A spreadsheet cell: quoted when needed, and never read as a formula (CSV injection). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV with CRLF line ends (RFC 4180). */
export function csvTable(rows: (string | number | null)[][]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

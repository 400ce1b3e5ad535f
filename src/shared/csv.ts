/**
 * CSV as RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled), safe to open in a spreadsheet: a field that starts with = + - @, a
 * tab or a carriage return is prefixed with an apostrophe, as OWASP recommends against
 * formula injection (a page titled "=HYPERLINK(…)" must stay text).
 */
function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Rows (the first is the header) as one CSV text. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

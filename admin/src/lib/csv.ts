// CSV as Dutch spreadsheets read it: semicolon-separated, quoted where needed.
export function toCsv(rows: Record<string, unknown>[], delimiter = ';'): string {
  if (rows.length === 0) return '';
  const headers = Object.keys(rows[0]!);
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /["\n\r;,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    headers.map(cell).join(delimiter),
    ...rows.map((row) => headers.map((header) => cell(row[header])).join(delimiter)),
  ].join('\r\n');
}

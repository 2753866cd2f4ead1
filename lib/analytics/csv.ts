// CSV (RFC 4180) for exports. Pure.
// - A field is quoted when it holds a comma, a quote, CR or LF, or starts or
//   ends with a space; quotes inside are doubled.
// - A text field starting with =, +, -, @, tab or CR is prefixed with ' so a
//   spreadsheet shows it instead of running it as a formula (OWASP "CSV
//   injection"). Numbers and dates are written as they are.
// - Lines end in CRLF.

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

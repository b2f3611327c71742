/**
 * CSV export per RFC 4180, shaped for Excel users in China:
 * - fields with a comma, quote, CR or LF are quoted, inner quotes doubled;
 * - records end with CRLF;
 * - a UTF-8 byte order mark comes first, or Excel reads the file as GBK and
 *   Chinese text turns into mojibake;
 * - text that a spreadsheet would run as a formula (= + - @ tab CR at the
 *   start) gets a leading apostrophe (OWASP "CSV injection"), because register
 *   fields such as a document title are typed by people we do not control.
 */

export type CsvValue = string | number | boolean | null | undefined

export const CSV_BOM = '\uFEFF'
export const CSV_EOL = '\r\n'

const NEEDS_QUOTES = /[",\r\n]/
const FORMULA_START = /^[=+\-@\t\r]/
// Plain numbers written as text ("-12", "+3.5") cannot run as formulas; leave them readable.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** One field, escaped. Numbers and booleans are never prefixed: they are not text. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  let text = value
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export interface CsvOptions {
  /** Prefix the UTF-8 BOM (default true: Excel needs it for Chinese). */
  bom?: boolean
}

/** Rows of values to one CSV string: CRLF after every record, BOM first by default. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => row.map(csvField).join(',') + CSV_EOL).join('')
  return (options.bom ?? true) ? CSV_BOM + body : body
}

export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvValue
}

/** Records to CSV with a header row, one column per `columns` entry. */
export function recordsToCsv<T>(records: readonly T[], columns: readonly CsvColumn<T>[], options?: CsvOptions): string {
  const rows: CsvValue[][] = [columns.map((c) => c.header)]
  for (const r of records) rows.push(columns.map((c) => c.value(r)))
  return toCsv(rows, options)
}

/** A Blob to download; the BOM is already in the text, the charset says UTF-8 to everyone else. */
export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' })
}

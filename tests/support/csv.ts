/**
 * Reads an exported CSV back with a standard parser (csv-parse) in strict mode, the way every test
 * that downloads a CSV reads it: RFC 4180 with CRLF record ends, nothing relaxed.
 *
 * - No byte order mark: the exports write none, so one is refused here rather than stripped
 *   (`bom: false` would keep it glued to the first header; the check says so plainly instead).
 * - Quotes: a quote inside an unquoted field, or text after a closing quote, is an error
 *   (`relax_quotes: false`).
 * - Columns: every record has as many cells as the first (`relax_column_count: false`).
 * - Records end with CRLF, the last one included; a bare LF or CR is kept only inside quotes (a
 *   record delimiter of CRLF alone, and the cells checked below).
 * - Cells are returned as strings, never cast; empty lines are records, not skipped.
 */
import { parse } from "csv-parse/sync";

export function readCsv(input: string | Uint8Array): string[][] {
  // Bytes must be UTF-8: a malformed sequence is an error, not a replacement character.
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  if (text.charCodeAt(0) === 0xfeff) throw new Error("the CSV starts with a byte order mark");
  if (text !== "" && !text.endsWith("\r\n")) throw new Error("the last record has no CRLF");
  // With `raw`, each record comes with the text it was read from (its delimiter less the last character).
  const read = parse(text, {
    bom: false,
    delimiter: ",",
    quote: '"',
    escape: '"',
    record_delimiter: "\r\n",
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    skip_records_with_empty_values: false,
    skip_records_with_error: false,
    ltrim: false,
    rtrim: false,
    cast: false,
    raw: true,
  }) as unknown as { record: string[]; raw: string }[];
  return read.map(({ record, raw }) => {
    // An unquoted cell may not hold a line break: only a quoted one can.
    let quoted = false;
    for (const ch of raw.replace(/\r\n?$/, "")) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === "\n" || ch === "\r")) throw new Error(`bare ${JSON.stringify(ch)} outside quotes in ${JSON.stringify(raw)}`);
    }
    return record;
  });
}

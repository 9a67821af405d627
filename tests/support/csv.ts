/**
 * A strict RFC 4180 reader: CRLF record ends (the last included), fields quoted or not, quotes
 * doubled inside quoted fields; a bare quote, CR or LF outside quotes is an error.
 */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let out = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            out += '"';
            i += 2;
          } else {
            i++;
            return out;
          }
        } else out += text[i++];
      }
    }
    let out = "";
    while (i < text.length && text[i] !== "," && text[i] !== "\r") {
      if (text[i] === '"' || text[i] === "\n") throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
      out += text[i++];
    }
    return out;
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) throw new Error("the last record has no CRLF");
  return rows;
}

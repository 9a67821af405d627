/**
 * Reads YAML front matter ("---" fenced block at the very start of a Markdown file) well enough
 * for bibliographic fields: `key: value` lines, quoted or not, `key: [a, b]` inline lists and
 * `key:` followed by `- item` lines. It is not a YAML parser: nested maps, multi-line scalars
 * and anchors are ignored, which only ever loses metadata, never text.
 */
export type FrontMatter = { fields: Map<string, string[]>; body: string };

const FENCE = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const unquote = (v: string) => {
  const t = v.trim();
  if (t.length >= 2 && ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))) {
    return t.slice(1, -1).trim();
  }
  return t.replace(/\s+#.*$/, ""); // a trailing YAML comment on an unquoted value
};

export function splitFrontMatter(source: string): FrontMatter {
  const match = FENCE.exec(source);
  const fields = new Map<string, string[]>();
  if (!match) return { fields, body: source };
  let listKey: string | null = null;
  for (const line of match[1].split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      fields.get(listKey)?.push(unquote(item[1]));
      continue;
    }
    const kv = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) {
      listKey = null;
      continue;
    }
    const key = kv[1].toLowerCase();
    const value = kv[2].trim();
    if (!value) {
      fields.set(key, []);
      listKey = key;
    } else if (value.startsWith("[") && value.endsWith("]")) {
      fields.set(key, value.slice(1, -1).split(",").map(unquote).filter(Boolean));
      listKey = null;
    } else {
      fields.set(key, [unquote(value)]);
      listKey = null;
    }
  }
  return { fields, body: source.slice(match[0].length) };
}

/** The first value of the first key present. */
export function firstField(fields: Map<string, string[]>, keys: string[]): string | undefined {
  for (const key of keys) {
    const v = fields.get(key)?.[0];
    if (v) return v;
  }
  return undefined;
}

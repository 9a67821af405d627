/**
 * Jump keys of the claim form: Alt+Shift with a digit moves focus to a field, from anywhere on the
 * document page while a claim is open. The form's fields are numbered 1, 2, … in their order (the note
 * last); field n answers to the digit n mod 10 (field 10 to 0). When several fields share a digit
 * (a type with more than ten fields), pressing it again moves to the next of them, the way browsers
 * cycle through elements that share an access key: field 13 is Alt+Shift+3 pressed twice.
 *
 * Why Alt+Shift+digit: browsers on Linux, Windows and macOS use Alt+digit and Ctrl+digit (tabs) and
 * several Alt+Shift+letter keys, but no Alt+Shift+digit. The digit is read from the physical key
 * (`code`), because with Alt+Shift held `key` is a symbol that depends on the keyboard layout.
 */

/** The digit of an Alt+Shift+digit key press (top row or keypad), or null for any other key. */
export function jumpDigit(e: { code: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): number | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  const m = /^(?:Digit|Numpad)([0-9])$/.exec(e.code);
  return m ? Number(m[1]) : null;
}

/** The field (0-based) a digit moves to from `current` (the focused field, or null), among `count`; null when none. */
export function fieldForDigit(digit: number, count: number, current: number | null): number | null {
  const matching: number[] = [];
  for (let i = 0; i < count; i++) if ((i + 1) % 10 === digit) matching.push(i);
  if (matching.length === 0) return null;
  const at = current === null ? -1 : matching.indexOf(current);
  return matching[(at + 1) % matching.length]!;
}

/** The key shown beside field `index` (0-based): "Alt+Shift+3", or "Alt+Shift+3 ×2" for field 13. */
export function fieldKeyLabel(index: number): string {
  const presses = Math.floor(index / 10) + 1;
  return `Alt+Shift+${(index + 1) % 10}${presses > 1 ? ` ×${presses}` : ""}`;
}

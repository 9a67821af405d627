import { describe, expect, it } from "vitest";
import { fieldForDigit, fieldKeyLabel, jumpDigit } from "@/components/annotate/field-keys";

describe("field jump keys", () => {
  const key = (code: string, mods: Partial<Record<"altKey" | "shiftKey" | "ctrlKey" | "metaKey", boolean>> = { altKey: true, shiftKey: true }) =>
    jumpDigit({ code, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });
  it("reads Alt+Shift with a digit of the top row or the keypad, and nothing else", () => {
    expect(key("Digit3")).toBe(3);
    expect(key("Numpad0")).toBe(0);
    expect(key("KeyA")).toBeNull();
    expect(key("Digit3", { altKey: true })).toBeNull(); // Alt+digit belongs to the browser
    expect(key("Digit3", { ctrlKey: true })).toBeNull();
    expect(key("Digit3", { altKey: true, shiftKey: true, ctrlKey: true })).toBeNull(); // AltGr on Windows
    expect(key("Digit3", { altKey: true, shiftKey: true, metaKey: true })).toBeNull();
  });
  it("numbers fields from 1, the tenth on 0, and cycles through fields that share a digit", () => {
    expect(fieldForDigit(1, 14, null)).toBe(0);
    expect(fieldForDigit(0, 14, null)).toBe(9);
    expect(fieldForDigit(3, 14, null)).toBe(2);
    expect(fieldForDigit(3, 14, 2)).toBe(12);
    expect(fieldForDigit(3, 14, 12)).toBe(2);
    expect(fieldForDigit(3, 14, 5)).toBe(2);
    expect(fieldForDigit(5, 4, null)).toBeNull();
    expect(fieldForDigit(0, 9, null)).toBeNull();
  });
  it("labels each field with its key, and how many presses from elsewhere", () => {
    expect(fieldKeyLabel(0)).toBe("Alt+Shift+1");
    expect(fieldKeyLabel(9)).toBe("Alt+Shift+0");
    expect(fieldKeyLabel(12)).toBe("Alt+Shift+3 ×2");
    // Every field is reached by its label's key, pressed the labelled number of times from outside the form.
    for (let i = 0; i < 25; i++) {
      const [, digit, times] = /\+(\d)(?: ×(\d))?$/.exec(fieldKeyLabel(i))!;
      let at: number | null = null;
      for (let n = 0; n < Number(times ?? 1); n++) at = fieldForDigit(Number(digit), 25, at);
      expect(at).toBe(i);
    }
  });
});

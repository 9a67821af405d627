import { describe, expect, it } from "vitest";
import { selectionStep } from "@/components/editor/keyboard-selection";

describe("selectionStep", () => {
  it.each([
    ["ArrowLeft", false, ["left", "character"]],
    ["ArrowRight", false, ["right", "character"]],
    ["ArrowLeft", true, ["left", "word"]],
    ["ArrowRight", true, ["right", "word"]],
    ["ArrowUp", false, ["backward", "line"]],
    ["ArrowDown", true, ["forward", "line"]],
    ["Home", false, ["backward", "lineboundary"]],
    ["End", false, ["forward", "lineboundary"]],
    ["Home", true, ["backward", "documentboundary"]],
    ["End", true, ["forward", "documentboundary"]],
    ["PageUp", false, ["backward", "page"]],
    ["PageDown", false, ["forward", "page"]],
    ["a", false, null],
    ["Enter", false, null],
  ] as const)("%s (word: %s)", (key, byWord, want) => {
    expect(selectionStep(key, byWord)).toEqual(want);
  });
});

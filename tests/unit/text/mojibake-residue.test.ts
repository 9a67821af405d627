import { describe, expect, it } from "vitest";
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectAndRepairMojibake } from "@/lib/core/text/repair";
import { findUnrecoveredRuns, MAX_LISTED_UNRECOVERED_RUNS } from "@/lib/core/text/mojibake-residue";
import { prepareText } from "@/lib/core/text/prepare";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpusPath = (name: string) => path.join(REPO_ROOT, "prisma/demo/corpus", name);
const readCorpus = (name: string) => fs.readFileSync(corpusPath(name), "utf8");
const SAMPLE_003 = "003_014557cbd6477717.txt";

/** The text between two code-point offsets. */
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

/**
 * Independent of the implementation: code-point offsets of every ideograph that sits in a
 * whitespace-delimited word together with an ASCII letter, a hyphen, an apostrophe or a U+FFFD.
 */
function ideographsInLatinWords(text: string): number[] {
  const cps = Array.from(text);
  const found: number[] = [];
  let i = 0;
  while (i < cps.length) {
    if (/\s/u.test(cps[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < cps.length && !/\s/u.test(cps[j])) j++;
    const word = cps.slice(i, j).join("");
    if (/\p{Script=Han}/u.test(word) && /[A-Za-z\-’'\uFFFD]/u.test(word)) {
      for (let k = i; k < j; k++) if (/\p{Script=Han}/u.test(cps[k])) found.push(k);
    }
    i = j;
  }
  return found;
}

const covered = (offset: number, runs: { start: number; end: number }[]) => runs.some((r) => r.start <= offset && offset < r.end);

describe("sample 003 after repair: nothing garbled goes unreported", () => {
  const raw = readCorpus(SAMPLE_003);
  const r = detectAndRepairMojibake(raw);

  it("the list is complete and each run's text is the text at its offsets", () => {
    expect(r.unrecoveredRunCount).toBeLessThanOrEqual(MAX_LISTED_UNRECOVERED_RUNS);
    expect(r.unrecoveredRuns).toHaveLength(r.unrecoveredRunCount);
    for (const run of r.unrecoveredRuns) expect(cpSlice(r.text, run.start, run.end)).toBe(run.text);
  });

  it("every ideograph left inside a Latin word is in a listed run", () => {
    const leftovers = ideographsInLatinWords(r.text);
    // The italic words of the PDF this text came from: their letters became ideographs.
    expect(leftovers.length).toBe(3 * 4 + 6); // 产补测丑 (the a is ASCII), 补濒狈补产补
    for (const offset of leftovers) expect(covered(offset, r.unrecoveredRuns), `ideograph at ${offset}`).toBe(true);
  });

  it("no ideograph at all is left unlisted (the text holds no real Chinese)", () => {
    const cps = Array.from(r.text);
    const unlisted = cps.flatMap((c, k) => (/\p{Script=Han}/u.test(c) && !covered(k, r.unrecoveredRuns) ? [k] : []));
    expect(unlisted).toEqual([]);
  });

  it("the garbled passages are the italic words, at their places in the sentences", () => {
    const garbled = r.unrecoveredRuns.filter((x) => x.kind === "garbled");
    expect(r.garbledRunCount).toBe(4);
    expect(garbled.map((x) => x.text)).toEqual(["产补测’a丑", "产补测’a丑", "产补测’a丑", "补濒-狈补产补\uFFFD"]);
    const around = (run: { start: number; end: number }, before: number, after: number) =>
      cpSlice(r.text, run.start - before, run.end + after);
    // Repaired text around them reads correctly: the repair fixed the quotes and apostrophes.
    expect(around(garbled[0], 17, 21)).toBe("the issue of his 产补测’a丑 (oath of allegiance)");
    expect(around(garbled[1], 11, 6)).toBe("retracting 产补测’a丑 would");
    expect(around(garbled[2], 23, 15)).toBe("Ghazi openly declaring 产补测’a丑 to al-Baghdadi");
    expect(around(garbled[3], 33, 11)).toBe("the Islamic State, in its weekly 补濒-狈补产补\uFFFD newsletter");
  });

  it("every U+FFFD the repair left is listed, alone or inside a garbled passage", () => {
    const cps = Array.from(r.text);
    const marks = cps.flatMap((c, k) => (c === "\uFFFD" ? [k] : []));
    expect(marks).toHaveLength(r.unrecoverable);
    for (const offset of marks) expect(covered(offset, r.unrecoveredRuns), `U+FFFD at ${offset}`).toBe(true);
    const lost = r.unrecoveredRuns.filter((x) => x.kind === "lost");
    expect(lost.every((x) => x.text === "\uFFFD")).toBe(true);
    expect(lost.length + r.garbledRunCount).toBe(r.unrecoveredRunCount);
  });

  it("the import report names them with positions in the stored text", () => {
    const p = prepareText(new Uint8Array(fs.readFileSync(corpusPath(SAMPLE_003))), { repair: true });
    const { mojibake } = p.report;
    expect(mojibake.garbledRunCount).toBe(4);
    for (const run of mojibake.unrecoveredRuns) expect(cpSlice(p.canonical, run.start, run.end)).toBe(run.text);
    const first = mojibake.unrecoveredRuns.find((x) => x.kind === "garbled")!;
    const line = p.report.warnings.find((w) => w.startsWith("4 passages"));
    expect(line).toContain(`“产补测’a丑” at character ${first.start}`);
    const lost = mojibake.unrecoveredRuns.filter((x) => x.kind === "lost").slice(0, 5);
    expect(p.report.warnings[0]).toContain(`(first at characters ${lost.map((x) => x.start).join(", ")})`);
  });

  it("kept as decoded, the report describes the mojibake still in the text", () => {
    const p = prepareText(new Uint8Array(fs.readFileSync(corpusPath(SAMPLE_003))), { repair: true });
    const { mojibake, warnings } = p.originalReport;
    expect(mojibake.garbledRunCount).toBeGreaterThan(100);
    expect(mojibake.unrecoveredRuns[0].text).toBe("State鈥檚");
    expect(cpSlice(p.original, mojibake.unrecoveredRuns[0].start, mojibake.unrecoveredRuns[0].end)).toBe("State鈥檚");
    expect(warnings.join("\n")).toMatch(/passages mix .* were not repaired/);
  });
});

describe("garbled passages in Latin text are reported", () => {
  const english = "The statement was read aloud by the spokesman of the group in the provincial capital on Friday";

  it("an ideograph word glued to Latin letters, with code-point offsets after an emoji", () => {
    const text = `🚀 ${english}, who called it 补濒-Naba and more ${english}.`;
    const { runs, total, garbled } = findUnrecoveredRuns(text, { includeLost: false });
    expect(total).toBe(1);
    expect(garbled).toBe(1);
    expect(runs[0].text).toBe("补濒-Naba");
    expect(cpSlice(text, runs[0].start, runs[0].end)).toBe("补濒-Naba");
    expect(runs[0].start).toBe(Array.from(text).indexOf("补"));
  });

  it("surrounding quotes and punctuation are not part of the run", () => {
    const text = `${english} (“产补测’a丑”), ${english}.`;
    expect(findUnrecoveredRuns(text, { includeLost: false }).runs.map((r) => r.text)).toEqual(["产补测’a丑"]);
  });

  it("private-use characters (symbol-font extraction) are always reported", () => {
    const text = "Short \uF062\uF061\uF079 text";
    expect(findUnrecoveredRuns(text, { includeLost: false }).runs.map((r) => r.text)).toEqual(["\uF062\uF061\uF079"]);
  });

  it("U+FFFD is listed only when asked (a repaired text), each run of them once", () => {
    const text = `${english} said \uFFFD\uFFFD here and \uFFFD.`;
    expect(findUnrecoveredRuns(text, { includeLost: false }).total).toBe(0);
    const lost = findUnrecoveredRuns(text, { includeLost: true });
    expect(lost.runs.map((r) => [r.text, r.kind])).toEqual([["\uFFFD\uFFFD", "lost"], ["\uFFFD", "lost"]]);
    expect(lost.garbled).toBe(0);
  });

  it("the list is capped, the count is not", () => {
    const text = `${english} ${"word补a ".repeat(MAX_LISTED_UNRECOVERED_RUNS + 7)}${english}`;
    const { runs, total } = findUnrecoveredRuns(text, { includeLost: false });
    expect(total).toBe(MAX_LISTED_UNRECOVERED_RUNS + 7);
    expect(runs).toHaveLength(MAX_LISTED_UNRECOVERED_RUNS);
  });
});

describe("clean text is never reported", () => {
  it.each([
    [
      "Chinese prose with English words glued in",
      "伊斯兰国呼罗珊省（ISKP）近年来在阿富汗和巴基斯坦发动了多次袭击。该组织利用Telegram和其他平台发布宣传材料，" +
        "并用Python脚本自动化翻译。分析人士认为，ISKP的外部行动能力正在增强，2024年的袭击就是证明。",
    ],
    ["a Chinese name on its own in English", "The Chinese embassy said the company 华为 (Huawei) and the bank 中国银行 had no staff in Kabul at the time of the attack."],
    ["a date written the Chinese way", "The attack, dated 2015年 in the Chinese-language reports, was claimed by the group in its weekly newsletter."],
    ["Japanese with romaji", "東京Tokyoで会議が開かれた。参加者はISKPの脅威について話し合った。"],
    [
      "an English paragraph, then a Chinese one",
      "The following paragraph is quoted from a Chinese-language statement issued by the ministry.\n" +
        "用Python编程的分析人员发现，宣传材料的数量在增加。",
    ],
    ["traditional Chinese", "臺灣的學生們在圖書館裡讀書，這裡環境很安靜。"],
    ["Russian, Arabic, German", "Привет, как дела? تنظيم الدولة الإسلامية Größe und Übermaß — l’été"],
    ["one hanzi glued to a short word", "Moutai没"],
  ])("%s", (_name, text) => {
    expect(findUnrecoveredRuns(text, { includeLost: true })).toEqual({ runs: [], total: 0, garbled: 0 });
    expect(detectAndRepairMojibake(text).unrecoveredRunCount).toBe(0);
  });

  it.each(["000_c81c167527f63df1.txt", "001_f42c43737148646d.txt", "002_3aa3bfc23594a89e.txt", "004_f1e343f258db40a1.txt"])(
    "sample %s",
    (name) => {
      expect(detectAndRepairMojibake(readCorpus(name)).unrecoveredRunCount).toBe(0);
    },
  );

  it("Chinese sentences with English words glued in (property)", () => {
    const hanzi = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家用发天如然作方成者";
    const english = ["ISKP", "iPhone", "Telegram", "AI", "Python", "Kabul", "2024"];
    const sentence = fc
      .tuple(fc.array(fc.oneof(fc.constantFrom(...hanzi), fc.constantFrom(...english)), { minLength: 4, maxLength: 30 }), fc.constantFrom("。", "，", "？", "！"))
      .map(([parts, end]) => parts.join("") + end);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), fc.constantFrom("", " ", "\n"), (sentences, sep) => {
        expect(findUnrecoveredRuns(sentences.join(sep), { includeLost: false }).total).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("long suspect runs finish (the scan is not quadratic)", () => {
  it("200,000 characters that chain into valid but implausible UTF-8 are left alone", () => {
    // Each Â + U+0080 pair is valid UTF-8 for U+0080, a control: never a plausible repair.
    const text = "Â\u0080".repeat(100_000);
    const r = detectAndRepairMojibake(text);
    expect(r.applied).toBe(false);
    expect(r.text).toBe(text);
  });

  it("200,000 characters of GBK mojibake are repaired in one pass", () => {
    const r = detectAndRepairMojibake("鈥檚".repeat(100_000));
    expect(r.kind).toBe("utf8-as-gbk");
    expect(r.text).toBe("’s".repeat(100_000));
  });

  it("200,000 characters of garbled words in Latin text are all counted", () => {
    const text = `The statement was read by the spokesman ${"word补a ".repeat(25_000)}on Friday.`;
    const { runs, total } = findUnrecoveredRuns(text, { includeLost: true });
    expect(total).toBe(25_000);
    expect(runs).toHaveLength(MAX_LISTED_UNRECOVERED_RUNS);
    expect(runs.at(-1)!.text).toBe("word补a");
  });
});

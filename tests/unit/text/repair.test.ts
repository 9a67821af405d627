import { describe, expect, it } from "vitest";
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectAndRepairMojibake } from "@/lib/core/text/repair";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const readCorpus = (name: string) => fs.readFileSync(path.join(REPO_ROOT, "prisma/demo/corpus", name), "utf8");

describe("UTF-8 read as Windows-1252 / Latin-1", () => {
  it.each([
    ["cafÃ©", "café", [{ from: "Ã©", to: "é", count: 1 }]],
    ["itâ€™s", "it’s", [{ from: "â€™", to: "’", count: 1 }]],
    ["Ã¼ber Ã¼bel", "über übel", [{ from: "Ã¼", to: "ü", count: 2 }]],
    ["costs Â£5", "costs £5", [{ from: "Â£", to: "£", count: 1 }]],
    ["â€œquotedâ€\u009d", "“quoted”", [{ from: "â€\u009d", to: "”", count: 1 }, { from: "â€œ", to: "“", count: 1 }]],
    // Latin-1 decoders turn 0x80-0x9F into C1 controls instead of cp1252 punctuation.
    ["it\u00e2\u0080\u0099s", "it’s", [{ from: "\u00e2\u0080\u0099", to: "’", count: 1 }]],
    ["Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", [{ from: "Ð¿Ñ€Ð¸Ð²ÐµÑ‚", to: "привет", count: 1 }]],
  ])("%s -> %s", (input, expected, replacements) => {
    const r = detectAndRepairMojibake(input);
    expect(r).toEqual({ text: expected, applied: true, kind: "utf8-as-cp1252", replacements, unrecoverable: 0, unrecoveredRuns: [], unrecoveredRunCount: 0, garbledRunCount: 0 });
  });

  it("repairs mojibake next to legitimate accents without touching them", () => {
    const r = detectAndRepairMojibake("Größe und cafÃ© in São Paulo");
    expect(r.text).toBe("Größe und café in São Paulo");
  });

  it("a lost third byte (â€ + space, from ” whose 9D byte was dropped) is counted and marked", () => {
    const r = detectAndRepairMojibake("He said â€œhelloâ€ and left");
    expect(r.text).toBe("He said “hello\uFFFD and left");
    expect(r.unrecoverable).toBe(1);
    expect(r.replacements).toContainEqual({ from: "â€", to: "\uFFFD", count: 1 });
  });
});

describe("UTF-8 read as GBK", () => {
  it.each([
    ["State鈥檚", "State’s", "鈥檚", "’s"],
    ["鈥渢he", "“the", "鈥渢", "“t"],
    ["vis-脿-vis", "vis-à-vis", "脿", "à"],
    ["2014鈥攁nd", "2014—and", "鈥攁", "—a"],
  ])("%s -> %s", (input, expected, from, to) => {
    const r = detectAndRepairMojibake(input);
    expect(r).toEqual({ text: expected, applied: true, kind: "utf8-as-gbk", replacements: [{ from, to, count: 1 }], unrecoverable: 0, unrecoveredRuns: [], unrecoveredRunCount: 0, garbledRunCount: 0 });
  });

  it("accented Latin letters that became common hanzi are repaired when several agree", () => {
    // 茅 猫 没 are everyday characters; only their Latin neighbours and their number give them away.
    const r = detectAndRepairMojibake("caf茅 au lait, cr猫me br没l茅e");
    expect(r.text).toBe("café au lait, crème brûlée");
    expect(r.kind).toBe("utf8-as-gbk");
  });

  it("damaged sequences become one U+FFFD each and are counted", () => {
    const r = detectAndRepairMojibake("the group鈥檚 鈥渃ampaign鈥� and more [鈥 China.");
    expect(r.text).toBe("the group’s “campaign\uFFFD and more [\uFFFD China.");
    expect(r.unrecoverable).toBe(2);
    expect(r.replacements).toContainEqual({ from: "鈥\uFFFD", to: "\uFFFD", count: 1 });
    expect(r.replacements).toContainEqual({ from: "鈥", to: "\uFFFD", count: 1 });
  });

  it("damage alone, without any clean repair, is not enough to decide", () => {
    expect(detectAndRepairMojibake("end.鈥\uFFFD next").applied).toBe(false);
  });
});

describe("legitimate text is never altered", () => {
  it.each([
    ["simplified Chinese", "中华人民共和国是一个历史悠久的国家。时间过得很快，我们今天去公园散步。"],
    ["Chinese with English and smart quotes", "他用iPhone时说：“这是最好的。”茅台Moutai很有名，Moutai茅台也是。"],
    ["traditional Chinese", "臺灣的學生們在圖書館裡讀書，這裡環境很安靜。"],
    ["Japanese", "これは日本語の文章です。カタカナとひらがな、そして漢字。"],
    ["German", "Das ist für dich: Größe, Übermaß, schöne Grüße."],
    ["Portuguese São / ÃO", "São Paulo. NÃO HÁ AÇÃO SEM IRMÃ . A nação e o coração."],
    ["French guillemets", "«CAFÉ» et «À bientôt» — l’été."],
    ["Arabic", "تنظيم الدولة الإسلامية ولاية خراسان يصبح الميدان العالمي"],
    ["emoji", "Launch 🚀 party 🎉 with 👩‍💻 and ❤️"],
    ["Russian", "Привет, как дела? Всё хорошо."],
    ["Latin-1 symbols", "© 2024 · 50 % ± 3 ° · ½ price · «quoted» · naïve"],
    ["replacement character alone", "lost \uFFFD here"],
    ["one hanzi glued to a Latin word", "Moutai没"],
    ["hanzi next to a letter that would decode to Cyrillic", "小a"],
  ])("%s", (_name, text) => {
    const r = detectAndRepairMojibake(text);
    expect(r).toEqual({ text, applied: false, kind: null, replacements: [], unrecoverable: 0, unrecoveredRuns: [], unrecoveredRunCount: 0, garbledRunCount: 0 });
  });
});

describe("legitimate text never altered (property)", () => {
  const hanzi = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家用发天如然作方成者多日都小无同么经法当起与好看学进种将还分此心前面又定见只主没公从茅台猫";
  const cjkPunct = "’“”—–…·，。：；！？、（）《》";
  const asciiWords = ["the", "and", "iPhone", "a", "A", "Moutai", "x", " ", "\n", "2024", ".", ","];

  it("Chinese mixed with English words and punctuation", () => {
    const token = fc.oneof(fc.constantFrom(...hanzi), fc.constantFrom(...cjkPunct), fc.constantFrom(...asciiWords));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const text = tokens.join("");
        expect(detectAndRepairMojibake(text).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("European words with accented letters and spaced symbols", () => {
    const letters = "abcdefghilmnoprstuàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßÐÞþð";
    const word = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }).map((a) => a.join(""));
    const symbol = fc.constantFrom(..."’“”—–…·°©®«»¿¡§µ½").map((p) => ` ${p} `);
    fc.assert(
      fc.property(fc.array(fc.oneof(word, symbol, fc.constant(" ")), { maxLength: 40 }), (tokens) => {
        const text = tokens.join("");
        expect(detectAndRepairMojibake(text).text).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("sample corpus", () => {
  it("003 (UTF-8 read as GBK, saved as UTF-8) is repaired", () => {
    const raw = readCorpus("003_014557cbd6477717.txt");
    // Damaged sequences counted independently: 鈥 followed by U+FFFD, or by ASCII (its continuation was swallowed).
    const damaged = raw.match(/鈥(?:\uFFFD|(?=[\x00-\x7f]))/g)?.length ?? 0;
    expect(damaged).toBeGreaterThan(0);
    expect(raw).toContain("鈥檚");

    const r = detectAndRepairMojibake(raw);
    expect(r.applied).toBe(true);
    expect(r.kind).toBe("utf8-as-gbk");
    expect(r.text).toContain("Islamic State’s Khurasan Province");
    expect(r.text).toContain("vis-à-vis");
    expect(r.text).not.toContain("鈥");
    expect(r.replacements).toContainEqual(expect.objectContaining({ from: "鈥檚", to: "’s" }));
    expect(r.replacements.some((x) => x.to.includes("“"))).toBe(true);
    expect(r.unrecoverable).toBe(damaged);
    expect(r.text.match(/\uFFFD/g)?.length).toBe(damaged);
    // Italic transliterations extracted with a broken font map are not UTF-8 mojibake: left in
    // the text, and reported (mojibake-residue.test.ts checks the list in detail).
    expect(r.text).toContain("产补测’a丑");
    expect(r.unrecoveredRuns.map((x) => x.text)).toContain("产补测’a丑");
  });

  it.each(["000_c81c167527f63df1.txt", "001_f42c43737148646d.txt", "002_3aa3bfc23594a89e.txt", "004_f1e343f258db40a1.txt"])(
    "%s comes back unchanged",
    (name) => {
      const raw = readCorpus(name);
      const r = detectAndRepairMojibake(raw);
      expect(r.applied).toBe(false);
      expect(r.text).toBe(raw);
    },
  );

  it("004 really contains Arabic (the negative is meaningful)", () => {
    expect(readCorpus("004_f1e343f258db40a1.txt")).toMatch(/\p{Script=Arabic}{3,}/u);
  });
});

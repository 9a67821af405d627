/**
 * Quantity wordings as analysts meet them: every plainly worded count in the five sample
 * reports (copied verbatim, trimmed to the phrase an annotator selects; the test checks each
 * occurs in its report) and the wordings of the codebook (claims.md "Parsing quantities").
 * Each expected value is what a careful analyst records, field by field.
 */
import type { Qualifier } from "@/lib/core/values";

export type QuantityExpect = {
  qualifier: Qualifier;
  low: number | null;
  best: number | null;
  high: number | null;
  unit?: string;
  vagueWord?: string;
  parts?: { qualifier: Qualifier; low: number | null; best: number | null; high: number | null; unit?: string }[];
  hedged?: true;
  note?: string;
};
export type QuantityCase = {
  source: "000" | "001" | "002" | "003" | "004" | "codebook";
  raw: string;
  expect: QuantityExpect | { error: RegExp };
};

type More = Partial<Pick<QuantityExpect, "unit" | "hedged" | "note" | "parts">>;
const ex = (n: number, more: More = {}): QuantityExpect => ({ qualifier: "exact", low: n, best: n, high: n, ...more });
const approx = (n: number, more: More = {}): QuantityExpect => ({ qualifier: "approx", low: null, best: n, high: null, ...more });
const atLeast = (n: number, more: More = {}): QuantityExpect => ({ qualifier: "at_least", low: n, best: n, high: null, ...more });
/** "more than N": low N + 1 (claims.md rule 3). */
const moreThan = (n: number, more: More = {}): QuantityExpect => ({ qualifier: "more_than", low: n + 1, best: null, high: null, ...more });
const atMost = (n: number, more: More = {}): QuantityExpect => ({ qualifier: "at_most", low: null, best: null, high: n, ...more });
const range = (low: number, high: number, more: More = {}): QuantityExpect => ({ qualifier: "range", low, best: null, high, ...more });
const vague = (word: string, low: number | null, more: More = {}): QuantityExpect => ({ qualifier: "vague", low, best: null, high: null, vagueWord: word, ...more });
const none = (more: More = {}): QuantityExpect => ({ qualifier: "none", low: 0, best: 0, high: 0, ...more });
const unknown = (more: More = {}): QuantityExpect => ({ qualifier: "unknown", low: null, best: null, high: null, ...more });
const someUnknown = (more: More = {}): QuantityExpect => ({ qualifier: "unknown_nonzero", low: 1, best: null, high: null, ...more });
const part = (q: QuantityExpect) => {
  const { qualifier, low, best, high, unit } = q;
  return unit ? { qualifier, low, best, high, unit } : { qualifier, low, best, high };
};
const error = (pattern: RegExp) => ({ error: pattern });

const SAMPLE_000: QuantityCase[] = [
  { source: "000", raw: "ten \n\n107mm rockets", expect: ex(10, { unit: "107mm rockets" }) },
  { source: "000", raw: "at \n\nleast 35 helicopters", expect: atLeast(35, { unit: "helicopters" }) },
  { source: "000", raw: "several jets", expect: vague("several", null, { unit: "jets" }) },
  { source: "000", raw: "seven rockets", expect: ex(7, { unit: "rockets" }) },
  { source: "000", raw: "Eleven Islamic State branches", expect: ex(11, { unit: "Islamic State branches" }) },
  { source: "000", raw: "approximately 33 attacks", expect: approx(33, { unit: "attacks" }) },
  { source: "000", raw: "approximately 33 attacks in Afghanistan and Pakistan", expect: approx(33, { unit: "attacks", note: "in Afghanistan and Pakistan" }) },
  { source: "000", raw: "at least four attacks", expect: atLeast(4, { unit: "attacks" }) },
  { source: "000", raw: "approximately 37", expect: approx(37) },
  { source: "000", raw: "3-4,000 soldiers", expect: range(3000, 4000, { unit: "soldiers" }) },
  { source: "000", raw: "3-4,000", expect: range(3000, 4000) },
  { source: "000", raw: "Several of these attacks", expect: vague("several", null, { unit: "attacks" }) },
];

const SAMPLE_001: QuantityCase[] = [
  // Summary and Major Attacks: "(N killed, M wounded)", each figure selected on its own.
  { source: "001", raw: "33 killed", expect: ex(33) },
  { source: "001", raw: "100+ wounded", expect: atLeast(100) },
  { source: "001", raw: "33 killed, 100+ wounded", expect: error(/two different measures: killed .* and wounded/i) },
  { source: "001", raw: "four Tajik gunmen", expect: ex(4, { unit: "Tajik gunmen" }) },
  { source: "001", raw: "144 killed", expect: ex(144) },
  { source: "001", raw: "551 wounded", expect: ex(551) },
  { source: "001", raw: "144 killed, 551 wounded", expect: error(/two different measures/i) },
  { source: "001", raw: "6 gunmen", expect: ex(6, { unit: "gunmen" }) },
  { source: "001", raw: "45 killed", expect: ex(45) },
  { source: "001", raw: "13 wounded", expect: ex(13) },
  { source: "001", raw: "80+ killed", expect: atLeast(80) },
  { source: "001", raw: "230+ wounded", expect: atLeast(230) },
  { source: "001", raw: "93 killed", expect: ex(93) },
  { source: "001", raw: "120 wounded", expect: ex(120) },
  { source: "001", raw: "Three ISKP militants", expect: ex(3, { unit: "ISKP militants" }) },
  { source: "001", raw: "700 unarmed, sleeping cadets", expect: ex(700, { unit: "unarmed, sleeping cadets" }) },
  { source: "001", raw: "At least 260 cadets", expect: atLeast(260, { unit: "cadets" }) },
  { source: "001", raw: "61 killed", expect: ex(61) },
  { source: "001", raw: "165 injured", expect: ex(165) },
  { source: "001", raw: "61 killed, 165 injured", expect: error(/two different measures/i) },
  { source: "001", raw: "hundreds of devotees", expect: vague("hundreds", 100, { unit: "devotees" }) },
  { source: "001", raw: "100 killed", expect: ex(100) },
  { source: "001", raw: "250 wounded", expect: ex(250) },
  { source: "001", raw: "all four ISKP attackers", expect: ex(4, { unit: "ISKP attackers" }) },
  { source: "001", raw: "49 killed", expect: ex(49) },
  { source: "001", raw: "90 wounded", expect: ex(90) },
  { source: "001", raw: "57 killed", expect: ex(57) },
  { source: "001", raw: "119 injured", expect: ex(119) },
  { source: "001", raw: "63 killed", expect: ex(63) },
  { source: "001", raw: "180+ injured", expect: atLeast(180) },
  { source: "001", raw: "hundreds of prisoners", expect: vague("hundreds", 100, { unit: "prisoners" }) },
  { source: "001", raw: "several Taliban members", expect: vague("several", null, { unit: "Taliban members" }) },
  { source: "001", raw: "29 killed", expect: ex(29) },
  { source: "001", raw: "50 wounded", expect: ex(50) },
  { source: "001", raw: "183+ killed", expect: atLeast(183) },
  { source: "001", raw: "unknown wounded", expect: unknown() },
  { source: "001", raw: "183+ killed, unknown wounded", expect: error(/two different measures/i) },
  { source: "001", raw: "ten rockets", expect: ex(10, { unit: "rockets" }) },
  { source: "001", raw: "60+ killed", expect: atLeast(60) },
  { source: "001", raw: "60+ killed, 100+ wounded", expect: error(/two different measures/i) },
  { source: "001", raw: "Two ISKP militants", expect: ex(2, { unit: "ISKP militants" }) },
  { source: "001", raw: "94 killed", expect: ex(94) },
  { source: "001", raw: "Two militants", expect: ex(2, { unit: "militants" }) },
  { source: "001", raw: "1 killed", expect: ex(1) },
  { source: "001", raw: "0 wounded", expect: ex(0) },
  { source: "001", raw: "1 killed, 0 wounded", expect: error(/two different measures/i) },
  { source: "001", raw: "four Tajik gunmen fired on a crowd", expect: ex(4, { unit: "Tajik gunmen", note: "fired on a crowd" }) },
  // Narrative.
  { source: "001", raw: "nine former Yemeni and Saudi Al Qaeda leaders", expect: ex(9, { unit: "former Yemeni and Saudi Al Qaeda leaders" }) },
  { source: "001", raw: "four former TTP chiefs", expect: ex(4, { unit: "former TTP chiefs" }) },
  { source: "001", raw: "50 militants", expect: ex(50, { unit: "militants" }) },
  { source: "001", raw: "50 militants from the Amr Bil Maroof group", expect: ex(50, { unit: "militants", note: "from the Amr Bil Maroof group" }) },
  { source: "001", raw: "approximately three hundred men strong", expect: approx(300, { unit: "men" }) },
  { source: "001", raw: "seven districts", expect: ex(7, { unit: "districts" }) },
  { source: "001", raw: "a dozen Taliban soldiers", expect: ex(12, { unit: "Taliban soldiers" }) },
  { source: "001", raw: "killing a dozen Taliban soldiers", expect: ex(12, { unit: "Taliban soldiers" }) },
  { source: "001", raw: "detaining 80 locals", expect: ex(80, { unit: "locals" }) },
  { source: "001", raw: "killing a dozen Taliban soldiers and detaining 80 locals", expect: error(/two different measures: killed .* and detained/i) },
  { source: "001", raw: "ten tribal elders", expect: ex(10, { unit: "tribal elders" }) },
  { source: "001", raw: "three top ISKP leaders", expect: ex(3, { unit: "top ISKP leaders" }) },
  { source: "001", raw: "approximately 600 fighters", expect: approx(600, { unit: "fighters" }) },
  { source: "001", raw: "six ANSF posts", expect: ex(6, { unit: "ANSF posts" }) },
  { source: "001", raw: "estimates ranging from 50 to 250 killed", expect: range(50, 250) },
  { source: "001", raw: "ranging from 50 to 250", expect: range(50, 250) },
  {
    source: "001", raw: "reportedly killing four commanders and 94 militants",
    expect: ex(98, { hedged: true, parts: [part(ex(4, { unit: "commanders" })), part(ex(94, { unit: "militants" }))] }),
  },
  {
    source: "001", raw: "four commanders and 94 militants",
    expect: ex(98, { parts: [part(ex(4, { unit: "commanders" })), part(ex(94, { unit: "militants" }))] }),
  },
  { source: "001", raw: "killed over 30 militants", expect: moreThan(30, { unit: "militants" }) },
  { source: "001", raw: "over 30 militants in the heart of ISKP territory", expect: moreThan(30, { unit: "militants", note: "in the heart of ISKP territory" }) },
  { source: "001", raw: "hundreds of fighters", expect: vague("hundreds", 100, { unit: "fighters" }) },
  { source: "001", raw: "2100 fighters", expect: ex(2100, { unit: "fighters" }) },
  { source: "001", raw: "2100 fighters remained in Kunar", expect: ex(2100, { unit: "fighters", note: "remained in Kunar" }) },
  { source: "001", raw: "allegedly killed 24", expect: ex(24, { hedged: true }) },
  { source: "001", raw: "killed 24 in a Kabul maternity ward", expect: ex(24, { note: "in a Kabul maternity ward" }) },
  { source: "001", raw: "dozens of IS and Taliban prisoners", expect: vague("dozens", 12, { unit: "IS and Taliban prisoners" }) },
  { source: "001", raw: "killing 30", expect: ex(30) },
  { source: "001", raw: "wounding 50 Security Force personnel", expect: ex(50, { unit: "Security Force personnel" }) },
  { source: "001", raw: "killing 30 and wounding 50 Security Force personnel", expect: error(/two different measures: killed .* and wounded/i) },
  { source: "001", raw: "1500 to 2200 “core” fighters", expect: range(1500, 2200, { unit: "“core” fighters" }) },
  { source: "001", raw: "many in decentralized cells", expect: vague("many", null, { note: "in decentralized cells" }) },
  { source: "001", raw: "thousands of people", expect: vague("thousands", 1000, { unit: "people" }) },
  {
    source: "001", raw: "killing over 150 Afghan civilians and 13 U.S. military personnel",
    expect: moreThan(163, { parts: [part(moreThan(150, { unit: "Afghan civilians" })), part(ex(13, { unit: "U.S. military personnel" }))] }),
  },
  { source: "001", raw: "twenty-three per month", expect: ex(23, { unit: "per month" }) },
  { source: "001", raw: "four per month", expect: ex(4, { unit: "per month" }) },
  { source: "001", raw: "seven leaders", expect: ex(7, { unit: "leaders" }) },
  { source: "001", raw: "five other TTP commanders", expect: ex(5, { unit: "other TTP commanders" }) },
  { source: "001", raw: "two estranged Taliban commanders", expect: ex(2, { unit: "estranged Taliban commanders" }) },
  { source: "001", raw: "approximately 200 militants", expect: approx(200, { unit: "militants" }) },
  { source: "001", raw: "hundreds of their fighters", expect: vague("hundreds", 100, { unit: "fighters" }) },
  { source: "001", raw: "at least five new bases", expect: atLeast(5, { unit: "new bases" }) },
  { source: "001", raw: "more than a dozen of its own fighters", expect: moreThan(12, { unit: "fighters" }) },
  { source: "001", raw: "several lawyers and journalists", expect: vague("several", null, { unit: "lawyers and journalists" }) },
  { source: "001", raw: "a large number of ISKP fighters", expect: vague("a large number of", null, { unit: "ISKP fighters" }) },
  { source: "001", raw: "many militants", expect: vague("many", null, { unit: "militants" }) },
  { source: "001", raw: "many ISKP commanders", expect: vague("many", null, { unit: "ISKP commanders" }) },
  { source: "001", raw: "at least 25", expect: atLeast(25) },
  { source: "001", raw: "several existing militant organizations", expect: vague("several", null, { unit: "existing militant organizations" }) },
  // Size Estimates: each line's figure, the clause kept as a note, not as the unit.
  { source: "001", raw: "7,000-8,500, including both fighters and support elements", expect: range(7000, 8500, { note: "including both fighters and support elements" }) },
  { source: "001", raw: "1,000-3,000", expect: range(1000, 3000) },
  { source: "001", raw: "600-800", expect: range(600, 800) },
  { source: "001", raw: "9,000-11,500, including both fighters and support elements", expect: range(9000, 11500, { note: "including both fighters and support elements" }) },
  { source: "001", raw: "1,500-2,200", expect: range(1500, 2200) },
  { source: "001", raw: "4,000-6,000", expect: range(4000, 6000) },
  { source: "001", raw: "9,000-11,500", expect: range(9000, 11500) },
  { source: "001", raw: "7,000-8,500", expect: range(7000, 8500) },
  { source: "001", raw: "eight of Nangarhar's 22 districts", expect: ex(8, { unit: "districts", note: "of Nangarhar's 22 districts" }) },
  { source: "001", raw: "eight of the 22 districts in Nangarhar province", expect: ex(8, { unit: "districts", note: "of the 22 districts in Nangarhar province" }) },
  { source: "001", raw: "60 in 2020", expect: ex(60, { note: "in 2020" }) },
  // Selections an annotator may make by mistake: refused with the reason, never a wrong figure.
  { source: "001", raw: "22 districts. ISKP subsequently", expect: error(/runs past the end of a sentence/) },
  { source: "001", raw: "eight of Nangarhar's 22", expect: error(/holds another number/) },
  { source: "001", raw: "four former TTP chiefs of the", expect: error(/stops in the middle of a phrase/) },
  { source: "001", raw: "a dozen Taliban soldiers and detaining 80 locals", expect: error(/has its own verb/) },
  { source: "001", raw: "100+ wounded).\n\nLast Attack: March 22, 2024", expect: error(/runs past the end of a sentence/) },
  { source: "001", raw: "334 in 2021", expect: ex(334, { note: "in 2021" }) },
  { source: "001", raw: "several high-value ISKP targets", expect: vague("several", null, { unit: "high-value ISKP targets" }) },
  { source: "001", raw: "several cities", expect: vague("several", null, { unit: "cities" }) },
  { source: "001", raw: "several attacks", expect: vague("several", null, { unit: "attacks" }) },
  { source: "001", raw: "several other militant groups", expect: vague("several", null, { unit: "other militant groups" }) },
  { source: "001", raw: "several militant groups", expect: vague("several", null, { unit: "militant groups" }) },
  { source: "001", raw: "hundreds of fighters in a series of offensives", expect: vague("hundreds", 100, { unit: "fighters", note: "in a series of offensives" }) },
  { source: "001", raw: "many ISKP commanders and hundreds of their fighters", expect: { qualifier: "vague", low: 100, best: null, high: null, vagueWord: "many + hundreds", parts: [part(vague("many", null, { unit: "ISKP commanders" })), part(vague("hundreds", 100, { unit: "fighters" }))] } },
];

const SAMPLE_002: QuantityCase[] = [
  { source: "002", raw: "13 US soldiers", expect: ex(13, { unit: "US soldiers" }) },
  { source: "002", raw: "killed 13 US soldiers", expect: ex(13, { unit: "US soldiers" }) },
  { source: "002", raw: "more than 180 Afghan civilians", expect: moreThan(180, { unit: "Afghan civilians" }) },
  { source: "002", raw: "killed more than 180 Afghan civilians", expect: moreThan(180, { unit: "Afghan civilians" }) },
  {
    source: "002", raw: "killed 13 US soldiers and killed more than 180 Afghan civilians",
    expect: moreThan(193, { parts: [part(ex(13, { unit: "US soldiers" })), part(moreThan(180, { unit: "Afghan civilians" }))] }),
  },
  { source: "002", raw: "one significant attack", expect: ex(1, { unit: "significant attack" }) },
  { source: "002", raw: "about 2,000 IS-KP", expect: approx(2000, { unit: "IS-KP" }) },
  { source: "002", raw: "it's estimated that about 2,000 IS-KP", expect: approx(2000, { unit: "IS-KP" }) },
  { source: "002", raw: "up to 2,000 ISKP prisoners", expect: atMost(2000, { unit: "ISKP prisoners" }) },
  { source: "002", raw: "up to 2,000 ISKP prisoners, escaped", expect: atMost(2000, { unit: "ISKP prisoners" }) },
  { source: "002", raw: "somewhere around 2,000 IS-KP members", expect: approx(2000, { unit: "IS-KP members" }) },
  { source: "002", raw: "somewhere around 2,000", expect: approx(2000) },
  { source: "002", raw: "up to 2,000 IS-KP members", expect: atMost(2000, { unit: "IS-KP members" }) },
  { source: "002", raw: "around 1,000 to 2,000 fighters", expect: range(1000, 2000, { unit: "fighters" }) },
  { source: "002", raw: "around 1,000 to 2,000 fighters within Afghanistan", expect: range(1000, 2000, { unit: "fighters", note: "within Afghanistan" }) },
  { source: "002", raw: "1,000 to 2,000", expect: range(1000, 2000) },
  { source: "002", raw: "as many as 2,000 fighters", expect: atMost(2000, { unit: "fighters" }) },
  { source: "002", raw: "as many as 2,000 fighters within northern Afghanistan alone", expect: atMost(2000, { unit: "fighters", note: "within northern Afghanistan alone" }) },
  { source: "002", raw: "may have as many as 2,000 fighters", expect: atMost(2000, { unit: "fighters", hedged: true }) },
  { source: "002", raw: "in the range of 5,000 to 8,000 fighters", expect: range(5000, 8000, { unit: "fighters" }) },
  { source: "002", raw: "in the range of 5,000 to 8,000 fighters across Afghanistan", expect: range(5000, 8000, { unit: "fighters", note: "across Afghanistan" }) },
  { source: "002", raw: "over a thousand more soldiers", expect: moreThan(1000, { unit: "soldiers" }) },
  { source: "002", raw: "several notable Salafi clerics", expect: vague("several", null, { unit: "notable Salafi clerics" }) },
  { source: "002", raw: "many prisoners", expect: vague("many", null, { unit: "prisoners" }) },
  { source: "002", raw: "another 2,000", expect: ex(2000) },
  { source: "002", raw: "a few drone strikes", expect: vague("a few", null, { unit: "drone strikes" }) },
  { source: "002", raw: "a few cases", expect: vague("a few", null, { unit: "cases" }) },
];

const SAMPLE_003: QuantityCase[] = [
  {
    source: "003", raw: "23 inmates and two prison guards",
    expect: ex(25, { parts: [part(ex(23, { unit: "inmates" })), part(ex(2, { unit: "prison guards" }))] }),
  },
  {
    source: "003", raw: "23 inmates and two prison guards were killed",
    expect: ex(25, { parts: [part(ex(23, { unit: "inmates" })), part(ex(2, { unit: "prison guards" }))] }),
  },
  {
    source: "003", raw: "three prison guards and 29 inmates dead",
    expect: ex(32, { parts: [part(ex(3, { unit: "prison guards" })), part(ex(29, { unit: "inmates" }))] }),
  },
  { source: "003", raw: "15 ISKP militants died", expect: ex(15, { unit: "ISKP militants" }) },
  { source: "003", raw: "four others were arrested", expect: ex(4, { unit: "others" }) },
  { source: "003", raw: "15 ISKP militants died and four others were arrested", expect: error(/two different measures: killed .* and arrested/i) },
  { source: "003", raw: "killing four", expect: ex(4) },
  { source: "003", raw: "nine people", expect: ex(9, { unit: "people" }) },
  { source: "003", raw: "four Tajik nationals", expect: ex(4, { unit: "Tajik nationals" }) },
  { source: "003", raw: "two connected ISKP operatives", expect: ex(2, { unit: "connected ISKP operatives" }) },
  { source: "003", raw: "six ISKP prisoners", expect: ex(6, { unit: "ISKP prisoners" }) },
  { source: "003", raw: "eight imprisoned Tajik nationals", expect: ex(8, { unit: "imprisoned Tajik nationals" }) },
  { source: "003", raw: "408 ISKP foreign nationals", expect: ex(408, { unit: "ISKP foreign nationals" }) },
  { source: "003", raw: "408 ISKP foreign nationals in custody", expect: ex(408, { unit: "ISKP foreign nationals", note: "in custody" }) },
  { source: "003", raw: "37 from Uzbekistan", expect: ex(37, { note: "from Uzbekistan" }) },
  { source: "003", raw: "16 from China", expect: ex(16, { note: "from China" }) },
  { source: "003", raw: "13 from Tajikistan", expect: ex(13, { note: "from Tajikistan" }) },
  { source: "003", raw: "five from Russia", expect: ex(5, { note: "from Russia" }) },
  { source: "003", raw: "killed hundreds of people", expect: vague("hundreds", 100, { unit: "people" }) },
  {
    source: "003", raw: "dozens of Afghans and 13 American soldiers",
    expect: { qualifier: "vague", low: 25, best: null, high: null, vagueWord: "dozens", parts: [part(vague("dozens", 12, { unit: "Afghans" })), part(ex(13, { unit: "American soldiers" }))] },
  },
  { source: "003", raw: "over a hundred casualties", expect: moreThan(100, { unit: "casualties" }) },
  { source: "003", raw: "three likely Central Asian ISKP militants", expect: ex(3, { unit: "Central Asian ISKP militants", hedged: true }) },
  { source: "003", raw: "nine prominent al-Qaeda members", expect: ex(9, { unit: "prominent al-Qaeda members" }) },
  { source: "003", raw: "did not cause any casualties", expect: none() },
  { source: "003", raw: "the attacks did not cause any casualties", expect: none() },
  { source: "003", raw: "two ISKP fighters", expect: ex(2, { unit: "ISKP fighters" }) },
  { source: "003", raw: "several Central Asian fighters", expect: vague("several", null, { unit: "Central Asian fighters" }) },
  { source: "003", raw: "two attacks", expect: ex(2, { unit: "attacks" }) },
  { source: "003", raw: "two pro-IS media outlets", expect: ex(2, { unit: "pro-IS media outlets" }) },
  { source: "003", raw: "several cells", expect: vague("several", null, { unit: "cells" }) },
  {
    source: "003", raw: "408 ISKP foreign nationals in custody, including 37 from Uzbekistan, 16 from China, 13 from Tajikistan, 12 from Kyrgyzstan, and five from Russia",
    expect: ex(408, { unit: "ISKP foreign nationals", note: "in custody; including 37 from Uzbekistan, 16 from China, 13 from Tajikistan, 12 from Kyrgyzstan, and five from Russia" }),
  },
  { source: "003", raw: "12 from Kyrgyzstan", expect: ex(12, { note: "from Kyrgyzstan" }) },
  { source: "003", raw: "a number of Uzbeks", expect: vague("a number of", null, { unit: "Uzbeks" }) },
  { source: "003", raw: "several factions of militant jihadist", expect: vague("several", null, { unit: "factions of militant jihadist" }) },
  { source: "003", raw: "several important Arab mujahideen", expect: vague("several", null, { unit: "important Arab mujahideen" }) },
  { source: "003", raw: "several other Arab and Central Asian fighters", expect: vague("several", null, { unit: "other Arab and Central Asian fighters" }) },
  { source: "003", raw: "several statements", expect: vague("several", null, { unit: "statements" }) },
  { source: "003", raw: "several Islamic scholars", expect: vague("several", null, { unit: "Islamic scholars" }) },
  { source: "003", raw: "several ISKP suicide attackers", expect: vague("several", null, { unit: "ISKP suicide attackers" }) },
  { source: "003", raw: "several instances", expect: vague("several", null, { unit: "instances" }) },
  { source: "003", raw: "one of two hotel attackers", expect: ex(1, { unit: "hotel attackers", note: "of two hotel attackers" }) },
];

const SAMPLE_004: QuantityCase[] = [
  { source: "004", raw: "thirty-six counterterrorism raids", expect: ex(36, { unit: "counterterrorism raids" }) },
  { source: "004", raw: "400 attacks", expect: ex(400, { unit: "attacks" }) },
  { source: "004", raw: "157 attacks", expect: ex(157, { unit: "attacks" }) },
  { source: "004", raw: "275 attacks", expect: ex(275, { unit: "attacks" }) },
  { source: "004", raw: "314 attacks", expect: ex(314, { unit: "attacks" }) },
  { source: "004", raw: "69 attacks", expect: ex(69, { unit: "attacks" }) },
  { source: "004", raw: "at least fifteen other ISKP plots", expect: atLeast(15, { unit: "other ISKP plots" }) },
  { source: "004", raw: "Four of these plots", expect: ex(4, { unit: "plots" }) },
  { source: "004", raw: "eleven", expect: ex(11) },
  { source: "004", raw: "five in 2022", expect: ex(5, { note: "in 2022" }) },
  { source: "004", raw: "thirteen individuals", expect: ex(13, { unit: "individuals" }) },
  { source: "004", raw: "thirteen individuals in the Maldives", expect: ex(13, { unit: "individuals", note: "in the Maldives" }) },
  { source: "004", raw: "a few occasions", expect: vague("a few", null, { unit: "occasions" }) },
  { source: "004", raw: "India (3)", expect: ex(3, { note: "India" }) },
  { source: "004", raw: "Iran (4)", expect: ex(4, { note: "Iran" }) },
  { source: "004", raw: "Germany (3)", expect: ex(3, { note: "Germany" }) },
  { source: "004", raw: "the Maldives (1)", expect: ex(1, { note: "the Maldives" }) },
  { source: "004", raw: "Qatar (1)", expect: ex(1, { note: "Qatar" }) },
  { source: "004", raw: "Turkey (3)", expect: ex(3, { note: "Turkey" }) },
  { source: "004", raw: "Britain (2)", expect: ex(2, { note: "Britain" }) },
  { source: "004", raw: "Turkey (1)", expect: ex(1, { note: "Turkey" }) },
  { source: "004", raw: "Pakistan (1)", expect: ex(1, { note: "Pakistan" }) },
  { source: "004", raw: "the United States (2)", expect: ex(2, { note: "the United States" }) },
  { source: "004", raw: "six so far in 2023", expect: ex(6, { note: "so far in 2023" }) },
];

/** claims.md "Parsing quantities" rules 1-11 and the wordings the issue names. */
const CODEBOOK: QuantityCase[] = [
  { source: "codebook", raw: "3-4,000", expect: range(3000, 4000) },
  { source: "codebook", raw: "2-3 million", expect: range(2_000_000, 3_000_000) },
  { source: "codebook", raw: "100+", expect: atLeast(100) },
  { source: "codebook", raw: "dozens", expect: vague("dozens", 12) },
  { source: "codebook", raw: "tens", expect: vague("tens", 10) },
  { source: "codebook", raw: "hundreds", expect: vague("hundreds", 100) },
  { source: "codebook", raw: "thousands", expect: vague("thousands", 1000) },
  { source: "codebook", raw: "several", expect: vague("several", null) },
  { source: "codebook", raw: "a few", expect: vague("a few", null) },
  { source: "codebook", raw: "more than 180", expect: moreThan(180) },
  { source: "codebook", raw: "over 180", expect: moreThan(180) },
  { source: "codebook", raw: "about 300", expect: approx(300) },
  { source: "codebook", raw: "around 300", expect: approx(300) },
  { source: "codebook", raw: "approximately 300", expect: approx(300) },
  { source: "codebook", raw: "some 300", expect: approx(300) },
  { source: "codebook", raw: "nearly 300", expect: approx(300) },
  { source: "codebook", raw: "roughly 300", expect: approx(300) },
  { source: "codebook", raw: "an estimated 3,000 fighters", expect: approx(3000, { unit: "fighters" }) },
  { source: "codebook", raw: "at least 12", expect: atLeast(12) },
  { source: "codebook", raw: "12 or more", expect: atLeast(12) },
  { source: "codebook", raw: "up to 4,000", expect: atMost(4000) },
  { source: "codebook", raw: "as many as 4,000", expect: atMost(4000) },
  { source: "codebook", raw: "between 1,500 and 2,200", expect: range(1500, 2200) },
  { source: "codebook", raw: "from 1,500 to 2,200", expect: range(1500, 2200) },
  { source: "codebook", raw: "1,500 to 2,200", expect: range(1500, 2200) },
  { source: "codebook", raw: "deaths, number unknown", expect: someUnknown({ unit: "deaths" }) },
  { source: "codebook", raw: "an unknown number of civilians", expect: someUnknown({ unit: "civilians" }) },
  { source: "codebook", raw: "unknown number", expect: someUnknown() },
  { source: "codebook", raw: "unknown", expect: unknown() },
  { source: "codebook", raw: "no casualties", expect: none() },
  { source: "codebook", raw: "no one was hurt", expect: none() },
  { source: "codebook", raw: "no one was killed", expect: none() },
  { source: "codebook", raw: "without casualties", expect: none() },
  { source: "codebook", raw: "killed 24", expect: ex(24) },
  { source: "codebook", raw: "killing four", expect: ex(4) },
  { source: "codebook", raw: "24 were killed", expect: ex(24) },
  { source: "codebook", raw: "24 people were killed", expect: ex(24, { unit: "people" }) },
  { source: "codebook", raw: "wounding 50 Security Force personnel", expect: ex(50, { unit: "Security Force personnel" }) },
  { source: "codebook", raw: "in the range of 5,000 to 8,000", expect: range(5000, 8000) },
  { source: "codebook", raw: "estimates ranging from 50 to 250", expect: range(50, 250) },
  { source: "codebook", raw: "somewhere around 2,000", expect: approx(2000) },
  { source: "codebook", raw: "roughly 2,000 fighters", expect: approx(2000, { unit: "fighters" }) },
  { source: "codebook", raw: "in the range of 5,000 to 8,000 fighters", expect: range(5000, 8000, { unit: "fighters" }) },
  { source: "codebook", raw: "1500 to 2200 “core” fighters", expect: range(1500, 2200, { unit: "“core” fighters" }) },
  { source: "codebook", raw: "23 inmates and two prison guards", expect: ex(25, { parts: [part(ex(23, { unit: "inmates" })), part(ex(2, { unit: "prison guards" }))] }) },
  {
    source: "codebook", raw: "13 US soldiers and more than 180 Afghan civilians",
    expect: moreThan(193, { parts: [part(ex(13, { unit: "US soldiers" })), part(moreThan(180, { unit: "Afghan civilians" }))] }),
  },
  {
    source: "codebook", raw: "at least 10 soldiers and 5 civilians",
    expect: atLeast(15, { parts: [part(atLeast(10, { unit: "soldiers" })), part(ex(5, { unit: "civilians" }))] }),
  },
  {
    source: "codebook", raw: "about 20 soldiers and about 30 civilians",
    expect: approx(50, { parts: [part(approx(20, { unit: "soldiers" })), part(approx(30, { unit: "civilians" }))] }),
  },
  {
    source: "codebook", raw: "10-20 soldiers and 5 civilians",
    expect: { ...range(15, 25), parts: [part(range(10, 20, { unit: "soldiers" })), part(ex(5, { unit: "civilians" }))] },
  },
  { source: "codebook", raw: "about 20 soldiers and more than 30 civilians", expect: error(/approximate figure cannot be added/i) },
  { source: "codebook", raw: "33 killed, 100+ wounded", expect: error(/two different measures: killed .* and wounded/i) },
  { source: "codebook", raw: "likely 40 killed", expect: ex(40, { hedged: true }) },
  { source: "codebook", raw: "reportedly 12 killed", expect: ex(12, { hedged: true }) },
  { source: "codebook", raw: "allegedly 300 fighters", expect: ex(300, { unit: "fighters", hedged: true }) },
  { source: "codebook", raw: "possibly as many as 4,000", expect: atMost(4000, { hedged: true }) },
  { source: "codebook", raw: "an unconfirmed 200", expect: ex(200, { hedged: true }) },
  { source: "codebook", raw: "unconfirmed: 200 fighters", expect: ex(200, { unit: "fighters", hedged: true }) },
  { source: "codebook", raw: "between 50 and 250 killed", expect: range(50, 250) },
  { source: "codebook", raw: "from 50 to 250 killed", expect: range(50, 250) },
  { source: "codebook", raw: "an estimated 50 to 250", expect: range(50, 250) },
  { source: "codebook", raw: "some 2,000 fighters", expect: approx(2000, { unit: "fighters" }) },
  { source: "codebook", raw: "more than a dozen", expect: moreThan(12) },
  { source: "codebook", raw: "dozens of civilians", expect: vague("dozens", 12, { unit: "civilians" }) },
  { source: "codebook", raw: "a few dozen", expect: vague("a few dozen", 12) },
  { source: "codebook", raw: "several hundred", expect: vague("several hundred", 100) },
  { source: "codebook", raw: "tens of thousands", expect: vague("tens of thousands", 10_000) },
  { source: "codebook", raw: "scores", expect: vague("scores", 20) },
  { source: "codebook", raw: "two to three hundred", expect: range(200, 300) },
  { source: "codebook", raw: "half a dozen", expect: ex(6) },
  { source: "codebook", raw: "no fewer than 20", expect: atLeast(20) },
  { source: "codebook", raw: "fewer than 50", expect: atMost(49) },
  { source: "codebook", raw: "200 or so", expect: approx(200) },
  { source: "codebook", raw: "thirty-odd", expect: approx(30) },
  { source: "codebook", raw: "possibly 30 killed", expect: ex(30, { hedged: true }) },
  { source: "codebook", raw: "killing 12 and injuring 30", expect: error(/two different measures: killed .* and wounded/i) },
  { source: "codebook", raw: "12 killed and 30 injured", expect: error(/two different measures: killed .* and wounded/i) },
  {
    source: "codebook", raw: "five soldiers and three police officers were killed",
    expect: ex(8, { parts: [part(ex(5, { unit: "soldiers" })), part(ex(3, { unit: "police officers" }))] }),
  },
  {
    source: "codebook", raw: "at least 12 soldiers and more than 20 civilians",
    expect: moreThan(32, { parts: [part(atLeast(12, { unit: "soldiers" })), part(moreThan(20, { unit: "civilians" }))] }),
  },
  {
    source: "codebook", raw: "3 to 5 soldiers and 2 civilians",
    expect: { ...range(5, 7), parts: [part(range(3, 5, { unit: "soldiers" })), part(ex(2, { unit: "civilians" }))] },
  },
  {
    source: "codebook", raw: "up to 5 soldiers and up to 3 civilians",
    expect: atMost(8, { parts: [part(atMost(5, { unit: "soldiers" })), part(atMost(3, { unit: "civilians" }))] }),
  },
  {
    source: "codebook", raw: "dozens of fighters and an unknown number of civilians",
    expect: {
      qualifier: "vague", low: 13, best: null, high: null, vagueWord: "dozens + unknown number",
      parts: [part(vague("dozens", 12, { unit: "fighters" })), part(someUnknown({ unit: "civilians" }))],
    },
  },
  {
    source: "codebook", raw: "no soldiers and 4 civilians",
    expect: ex(4, { parts: [part(none()), part(ex(4, { unit: "civilians" }))] }),
  },
  { source: "codebook", raw: "fighters", expect: error(/no number found in "fighters"/i) },
  { source: "codebook", raw: "the group killed 24", expect: error(/no figure at the start.*"24"/i) },
  { source: "codebook", raw: "", expect: error(/empty/i) },
  { source: "codebook", raw: "10-5", expect: error(/starts above/i) },
  { source: "codebook", raw: "between 5", expect: error(/needs two numbers/i) },
];

export const QUANTITY_CASES: QuantityCase[] = [
  ...SAMPLE_000, ...SAMPLE_001, ...SAMPLE_002, ...SAMPLE_003, ...SAMPLE_004, ...CODEBOOK,
];

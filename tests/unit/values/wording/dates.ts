/**
 * Date wordings from the five sample reports (every date they state, worded as there) and from
 * the codebook (claims.md), with the value a careful analyst records for each.
 *
 * A report case is read as the workbench reads it: `reference` is the report's publication date
 * (manifest.json) and `before` is the report's text up to the wording's first occurrence inside
 * `at` (default: `raw` itself). Codebook cases give `reference` and `before` themselves.
 * `warns`: the value is right but the year from the text differs from the publication date's, so
 * the field must show a warning.
 */
import type { DatePrecision, DateReference } from "@/lib/core/values";

export type Expected = { start: string; end: string; precision: DatePrecision } | { error: RegExp };
export type DateCase = {
  source: "000" | "001" | "002" | "003" | "004" | "codebook";
  raw: string;
  at?: string;
  reference?: DateReference;
  before?: string;
  expect: Expected;
  warns?: boolean;
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const split = (ym: string) => ym.split("-").map(Number) as [number, number];

const day = (iso: string): Expected => ({ start: iso, end: iso, precision: "day" });
const days = (start: string, end: string): Expected => ({ start, end, precision: "days" });
/** One month or a run of whole months: month("2020-02") or month("2020-02", "2020-04"). */
const month = (from: string, to = from): Expected => {
  const [y2, m2] = split(to);
  return { start: `${from}-01`, end: `${to}-${pad(lastDay(y2, m2))}`, precision: "month" };
};
/** Whole years, or whole months at "year" precision (seasons, halves, early/mid/late a year). */
const year = (from: number | string, to: number | string = from): Expected => {
  const start = typeof from === "number" ? `${from}-01-01` : `${from}-01`;
  const end = typeof to === "number" ? `${to}-12-31` : `${to}-${pad(lastDay(...split(to)))}`;
  return { start, end, precision: "year" };
};
const error = (re: RegExp): Expected => ({ error: re });

/** Institute for the Study of War, published 2022-05: yearless dates are 2022 unless the text says otherwise. */
const R000: Omit<DateCase, "source">[] = [
  { raw: "on April 18", at: "on April 18. IS-KP militants", expect: day("2022-04-18") },
  { raw: "April 18", at: "Uzbekistan on April 18.1", expect: day("2022-04-18") },
  { raw: "in 2015", at: "in 2015 in Jowzjan", expect: year(2015) },
  // The 2015 just before is an aside; the revolt is the January 2022 one (a reader keeps the report's year).
  { raw: "mid-January", expect: days("2022-01-11", "2022-01-20") },
  { raw: "on May 7", expect: day("2022-05-07") },
  { raw: "since at least February 2022", expect: month("2022-02") },
  { raw: "on May 4", expect: day("2022-05-04") },
  { raw: "in April and May", expect: month("2022-04", "2022-05") },
  { raw: "from April 17 to May 3", expect: days("2022-04-17", "2022-05-03") },
  { raw: "from April 17 to May 1", expect: days("2022-04-17", "2022-05-01") },
  { raw: "April 1 to 16", expect: days("2022-04-01", "2022-04-16") },
  { raw: "April 2022", at: "April 2022 to", expect: month("2022-04") },
  { raw: "recent months", expect: error(/Could not read/) },
  { raw: "early December \n\n2021", expect: days("2021-12-01", "2021-12-10") },
  { raw: "from 2015 to 2018", expect: year(2015, 2018) },
  // After "December 2021" the next April is April 2022.
  { raw: "on April 24", expect: day("2022-04-24") },
  { raw: "on April 26", expect: day("2022-04-26") },
];
R000.push({ raw: "early \n\nMay", expect: days("2022-05-01", "2022-05-10") });

/** Stanford MMP profile, published 2024-08: a history with many full dates; yearless ones follow the narrative. */
const R001: Omit<DateCase, "source">[] = [
  { raw: "August 2024", at: "Last modified August 2024", expect: month("2024-08") },
  { raw: "January 26, 2015", at: "Formed: January 26, 2015", expect: day("2015-01-26") },
  { raw: "April 18, 2015", at: "First Attack: April 18, 2015", expect: day("2015-04-18") },
  { raw: "March 22, 2024", at: "Last Attack: March 22, 2024", expect: day("2024-03-22") },
  { raw: "in late 2014", expect: year("2014-09", "2014-12") },
  { raw: "in January 2015", at: "in January 2015.⁵", expect: month("2015-01") },
  { raw: "2010-2015", at: "2010-2015: ISKP", expect: year(2010, 2015) },
  { raw: "Before 2010", expect: error(/open/) },
  { raw: "In 2010", expect: year(2010) },
  { raw: "in November 2013", expect: month("2013-11") },
  { raw: "Throughout 2014", expect: year(2014) },
  { raw: "In 2014", at: "In 2014, leaflets", expect: year(2014) },
  { raw: "in March 2014", expect: month("2014-03") },
  { raw: "in October 2014", expect: month("2014-10") },
  { raw: "On January 10, 2015", at: "On January 10, 2015, Kahn", expect: day("2015-01-10") },
  // The example: a paragraph about January 2015, a report published in 2024.
  { raw: "On January 26", at: "On January 26, senior", expect: day("2015-01-26"), warns: true },
  { raw: "2015", at: "2015: ISKP expansion", expect: year(2015) },
  { raw: "in January 2015", at: "another in January 2015", expect: month("2015-01") },
  { raw: "by February 2015", expect: month("2015-02") },
  { raw: "In the following month", expect: month("2015-03") },
  { raw: "by early February 2015", expect: days("2015-02-01", "2015-02-10") },
  { raw: "In March and April 2015", expect: month("2015-03", "2015-04") },
  { raw: "By mid-May 2015", expect: days("2015-05-11", "2015-05-20") },
  { raw: "In May 2015", at: "In May 2015, ISKP established", expect: month("2015-05") },
  { raw: "From mid-May to early July 2015", expect: days("2015-05-11", "2015-07-10") },
  { raw: "during May and June 2015", expect: month("2015-05", "2015-06") },
  { raw: "By the end of June 2015", expect: days("2015-06-21", "2015-06-30") },
  { raw: "in late June 2015", at: "in late June 2015.", expect: days("2015-06-21", "2015-06-30") },
  { raw: "On July 16, 2015", expect: day("2015-07-16") },
  { raw: "2015-2020", at: "2015-2020: ISKP", expect: year(2015, 2020) },
  { raw: "In July 2015", at: "In July 2015, the Afghan government decided", expect: month("2015-07") },
  { raw: "By early autumn of 2015", expect: month("2015-09") },
  { raw: "during summer and autumn of 2015", expect: year("2015-06", "2015-11") },
  { raw: "Throughout late 2015 and into 2016", at: "Throughout late 2015 and into 2016, the Taliban and ISKP", expect: year("2015-09", "2016-12") },
  { raw: "On January 4, 2016", expect: day("2016-01-04") },
  { raw: "in only three days", expect: error(/Could not read/) },
  { raw: "from December 2015 through February 2016", expect: month("2015-12", "2016-02") },
  { raw: "By March 2016", expect: month("2016-03") },
  { raw: "toward the end of March", at: "toward the end of March, it was reported", expect: days("2016-03-21", "2016-03-31"), warns: true },
  { raw: "In late June 2016", expect: days("2016-06-21", "2016-06-30") },
  { raw: "In July 2016", at: "In July 2016, the ANSF", expect: month("2016-07") },
  { raw: "until mid-March 2017", expect: days("2017-03-11", "2017-03-20") },
  { raw: "In April 2017", at: "In April 2017, the combined", expect: month("2017-04") },
  { raw: "in their 2017 campaign", expect: year(2017) },
  { raw: "On April 13, 2017", expect: day("2017-04-13") },
  { raw: "on April 27, 2017", expect: day("2017-04-27") },
  { raw: "on April 2, 2017", expect: day("2017-04-02") },
  { raw: "Beginning in October 2017", expect: month("2017-10") },
  { raw: "In 2015", at: "In 2015, Taliban commander Qari Hekmat", expect: year(2015) },
  { raw: "in early October 2017", at: "in early October 2017.", expect: days("2017-10-01", "2017-10-10") },
  // Held from December (2017) until July 2018: the start falls in the year before.
  { raw: "from December until July 2018", expect: month("2017-12", "2018-07") },
  { raw: "by August 2018", at: "by August 2018.⁴⁶", expect: month("2018-08") },
  { raw: "2019", at: "2019 was a year", expect: year(2019) },
  { raw: "in May", at: "in May, IS central", expect: month("2019-05"), warns: true },
  { raw: "In November 2019", at: "In November 2019, U.S., ANSF", expect: month("2019-11") },
  // "the year" is the one the paragraph is about (2019, last named as November 2019).
  { raw: "by the end of the year", expect: year("2019-09", "2019-12") },
  { raw: "from January 2020", expect: month("2020-01") },
  { raw: "by 2020", at: "by 2020, ISKP had lost", expect: year(2020) },
  { raw: "In late March 2020", expect: days("2020-03-21", "2020-03-31") },
  { raw: "until June 2020", expect: month("2020-06") },
  { raw: "in May 2020", at: "maternity ward in May 2020", expect: month("2020-05") },
  { raw: "in October and November", at: "in October and November respectively", expect: month("2020-10", "2020-11"), warns: true },
  { raw: "in August 2020", at: "prison in August 2020", expect: month("2020-08") },
  { raw: "a May 2021 UN Security Council report", expect: month("2021-05") },
  { raw: "2021-2024", at: "2021-2024: Shifts", expect: year(2021, 2024) },
  { raw: "In August 2021", at: "In August 2021, the United States began", expect: month("2021-08") },
  { raw: "Over the course of 2021", expect: year(2021) },
  { raw: "Throughout early 2022", expect: year("2022-01", "2022-04") },
  { raw: "During early 2022", expect: year("2022-01", "2022-04") },
  { raw: "between September 2022 and June 2023", expect: month("2022-09", "2023-06") },
  { raw: "in September 2022", at: "in September 2022;", expect: month("2022-09") },
  { raw: "in March 2024", at: "concert hall in March 2024", expect: month("2024-03") },
  { raw: "the Taliban's June 2022 bilateral talks", expect: month("2022-06") },
  { raw: "in June 2022", at: "in June 2022, and the group", expect: month("2022-06") },
  { raw: "in late 2022", expect: year("2022-09", "2022-12") },
  { raw: "By March 2024", expect: month("2024-03") },
  { raw: "since its formation in 2015", expect: year(2015) },
  { raw: "2015 – July 2016", expect: year(2015, "2016-07") },
  { raw: "On October 15, 2014", expect: day("2014-10-15") },
  { raw: "On January 26, 2015", expect: day("2015-01-26") },
  { raw: "on July 26, 2016", expect: day("2016-07-26") },
  { raw: "2016 – April 2017", expect: year(2016, "2017-04") },
  { raw: "the March 8, 2017, attack", expect: day("2017-03-08") },
  { raw: "in April 2017", at: "in April 2017.⁷⁵", expect: month("2017-04") },
  { raw: "June 2017 – July 11, 2017", expect: days("2017-06-01", "2017-07-11") },
  { raw: "on July 11, 2017", expect: day("2017-07-11") },
  { raw: "July 2017 – August 2018", expect: month("2017-07", "2018-08") },
  { raw: "in August 2018", at: "in August 2018.⁷⁷", expect: month("2018-08") },
  { raw: "August 2018 – April 2019", expect: month("2018-08", "2019-04") },
  { raw: "In April 2019", expect: month("2019-04") },
  { raw: "in the second half of 2018", expect: year("2018-07", "2018-12") },
  { raw: "in 2020", at: "Khorasani in 2020", expect: year(2020) },
  { raw: "July 2019 – April 2020", expect: month("2019-07", "2020-04") },
  { raw: "in July 2019", at: "in July 2019.⁸⁰", expect: month("2019-07") },
  { raw: "the 2020 Taliban assault on Kunar", expect: year(2020) },
  { raw: "In 2021", at: "In 2021, Orokzai", expect: year(2021) },
  { raw: "in January 2022", at: "killed in January 2022", expect: month("2022-01") },
  { raw: "June 2020 – Present", expect: month("2020-06", "2024-08") },
  { raw: "In early 2024", expect: year("2024-01", "2024-04") },
  { raw: "ISKP's 2021 bombing at the Kabul airport", expect: year(2021) },
  { raw: "Unknown – November 30, 2017", expect: error(/Could not read|range/) },
  { raw: "On November 30, 2017", expect: day("2017-11-30") },
  { raw: "2016", at: "2016: 7,000-8,500", expect: year(2016) },
  { raw: "April 2017", at: "April 2017: 600-800", expect: month("2017-04") },
  { raw: "November 2017", at: "November 2017: 9,000", expect: month("2017-11") },
  { raw: "June 2021", at: "June 2021: 1,500", expect: month("2021-06") },
  { raw: "July 2023", at: "July 2023: 4,000", expect: month("2023-07") },
  { raw: "a September 2015 report", expect: month("2015-09") },
  { raw: "during early 2023", expect: year("2023-01", "2023-04") },
  { raw: "the August 2021 fall of the Afghan national government", expect: month("2021-08") },
  { raw: "From 2015 to 2019", expect: year(2015, 2019) },
  { raw: "From 2020 to 2021", expect: year(2020, 2021) },
  { raw: "After 2021", expect: error(/open/) },
  { raw: "In 2022", at: "In 2022, ISKP began publishing", expect: year(2022) },
  { raw: "During its height in 2015", expect: year(2015) },
  { raw: "in the summer of 2015", expect: year("2015-06", "2015-08") },
  { raw: "in January 2015", at: "Helmand province in January 2015", expect: month("2015-01") },
  { raw: "on February 9, 2015", expect: day("2015-02-09") },
  { raw: "in September 2015", at: "cell in September 2015", expect: month("2015-09") },
  { raw: "in April and June 2015", expect: month("2015-04", "2015-06") },
  { raw: "In spring 2015", expect: year("2015-03", "2015-05") },
  { raw: "In November 2015", at: "In November 2015, the Taliban destroyed", expect: month("2015-11") },
  { raw: "from December 2017 until July 2018", expect: month("2017-12", "2018-07") },
  { raw: "As of May 2024", expect: month("2024-05") },
  { raw: "in late March", at: "in late March, leaving", expect: days("2020-03-21", "2020-03-31"), warns: true },
  { raw: "Starting in 2020", expect: year(2020) },
  { raw: "In a 2023 book", expect: year(2023) },
  { raw: "after August 2021", at: "operations after August 2021", expect: error(/open/) },
  { raw: "May 13, 2015", expect: day("2015-05-13") },
  { raw: "July 23, 2016", expect: day("2016-07-23") },
  { raw: "August 8, 2016", at: "August 8, 2016: ISKP", expect: day("2016-08-08") },
  { raw: "earlier that day", expect: day("2016-08-08") },
  { raw: "October 24, 2016", at: "October 24, 2016: Three", expect: day("2016-10-24") },
  { raw: "February 16, 2017", at: "February 16, 2017: ISKP", expect: day("2017-02-16") },
  { raw: "April 22, 2018", at: "April 22, 2018: An ISKP", expect: day("2018-04-22") },
  { raw: "August 17, 2019", at: "August 17, 2019: An ISKP", expect: day("2019-08-17") },
  { raw: "August 2, 2020", at: "August 2, 2020: ISKP", expect: day("2020-08-02") },
  { raw: "in August", at: "prison in August.", expect: month("2020-08"), warns: true },
  { raw: "August 26, 2021", at: "August 26, 2021: An ISKP", expect: day("2021-08-26") },
  { raw: "July 30, 2023", at: "July 30, 2023: ISKP", expect: day("2023-07-30") },
  { raw: "January 3, 2024", at: "January 3, 2024: Two", expect: day("2024-01-03") },
  { raw: "January 28, 2024", at: "January 28, 2024: Two", expect: day("2024-01-28") },
  { raw: "January 14, 2016", at: "January 14, 2016: The U.S.", expect: day("2016-01-14") },
  { raw: "November 2, 2017", at: "November 2, 2017: The Australian", expect: day("2017-11-02") },
  { raw: "June 21, 2018", at: "June 21, 2018: The Indian", expect: day("2018-06-21") },
  { raw: "Over the course of 2023", expect: year(2023) },
  { raw: "Since its emergence in 2015", expect: year(2015) },
  { raw: "Over the following year", expect: year(2022) },
  { raw: "first pledged allegiance to IS in July 2014", expect: month("2014-07") },
  { raw: "in September 2017", at: "again in September 2017", expect: month("2017-09") },
  // Dates in the notes (when the sources were published or accessed), as they are written there.
  { raw: "27 July, 2016", expect: day("2016-07-27") },
  { raw: "May 2016", at: "Series 2016-11*, May 2016", expect: month("2016-05") },
  { raw: "29 Jan. 2016", expect: day("2016-01-29") },
  { raw: "13 Apr. 2017", expect: day("2017-04-13") },
  { raw: "January 20, 2020", expect: day("2020-01-20") },
  { raw: "Accessed January 28, 2022", expect: day("2022-01-28") },
  { raw: "dated 15 July 2019", expect: day("2019-07-15") },
  { raw: "(2017)", at: "Resolution 2368 (2017)", expect: year(2017) },
];

/** ISW podcast transcript, published 2021-12-06: the speakers talk about the months before. */
const R002: Omit<DateCase, "source">[] = [
  { raw: "DECEMBER 6, 2021", expect: day("2021-12-06") },
  { raw: "within six to 12 months", expect: error(/Could not read/) },
  { raw: "in around 2015", expect: year(2015) },
  // "around 2015" is an aside: August 15th is the fall of Kabul, 2021.
  { raw: "August 15th", at: "on August 15th, right", expect: day("2021-08-15") },
  { raw: "Between August and about September 18th", expect: days("2021-08-01", "2021-09-21") },
  { raw: "on August 26th", at: "on August 26th at Kabul Airport", expect: day("2021-08-26") },
  { raw: "September 18th", at: "on September 18th, IS-KP resumed", expect: day("2021-09-18") },
  { raw: "about mid-October", expect: days("2021-10-08", "2021-10-23") },
  { raw: "early November", expect: days("2021-11-01", "2021-11-10") },
  { raw: "during the summer", expect: year("2021-06", "2021-08") },
  { raw: "since mid-August", expect: days("2021-08-11", "2021-08-20") },
  { raw: "within the last few months", expect: error(/Could not read/) },
  { raw: "the mid-2000s", expect: year(2004, 2006) },
  { raw: "going back to 2015", expect: year(2015) },
  { raw: "over the last few weeks", expect: error(/Could not read/) },
  { raw: "the middle of 2021", expect: year("2021-05", "2021-08") },
  { raw: "over the past few months", expect: error(/Could not read/) },
  { raw: "prior to August 15th", expect: error(/open/) },
  { raw: "August 15th", at: "August 15th and the fall", expect: day("2021-08-15") },
  { raw: "on August 26th", at: "on August 26th, we saw", expect: day("2021-08-26") },
];

/** Hudson Institute journal article, published 2023-10 (stored mis-decoded: only readable wordings). */
const R003: Omit<DateCase, "source">[] = [
  { raw: "In August 2023", at: "In August 2023, U.S. media", expect: month("2023-08") },
  { raw: "for 2024", at: "projection for 2024", expect: year(2024) },
  { raw: "in July 2023", at: "in July 2023 for plotting", expect: month("2023-07") },
  { raw: "in January 2015", at: "announced in January 2015", expect: month("2015-01") },
  { raw: "a peak in 2016", expect: year(2016) },
  { raw: "in November 2019", at: "Nangarhar in November 2019", expect: month("2019-11") },
  { raw: "in late 2019", expect: year("2019-09", "2019-12") },
  { raw: "in early 2020", expect: year("2020-01", "2020-04") },
  { raw: "In August 2020", at: "In August 2020, ISKP was able", expect: month("2020-08") },
  { raw: "in August 2021", at: "Afghanistan in August 2021 and initiated", expect: month("2021-08") },
  { raw: "the 2015 incorporation", expect: year(2015) },
  { raw: "in the mid- and late-2010s", expect: error(/./) },
  { raw: "founded in 1994", expect: year(1994) },
  { raw: "In 1999", expect: year(1999) },
  { raw: "the 2001 NATO intervention", expect: year(2001) },
  { raw: "in 2014", at: "Pakistan in 2014 by a Pakistani", expect: year(2014) },
  { raw: "By the end of July 2015", expect: days("2015-07-21", "2015-07-31") },
  { raw: "by 2014", expect: year(2014) },
  { raw: "Already in June 2014", expect: month("2014-06") },
  { raw: "the March 2014 defection", expect: month("2014-03") },
  { raw: "in June 2014", at: "publication in June 2014", expect: month("2014-06") },
  { raw: "in September 2014", expect: month("2014-09") },
  { raw: "his 2014 communique", expect: year(2014) },
  { raw: "in May 2015", at: "in May 2015, a video from Jundullah", expect: month("2015-05") },
  { raw: "Also in 2015", expect: year(2015) },
  { raw: "In late June 2015", expect: days("2015-06-21", "2015-06-30") },
  // The explicit date wins over the relative words before it.
  { raw: "A week later, on August 6, 2015", expect: day("2015-08-06") },
  { raw: "formed in 2009", expect: year(2009) },
  { raw: "until 2018", at: "districts until 2018", expect: year(2018) },
  { raw: "in late 2015", at: "Taliban in late 2015", expect: year("2015-09", "2015-12") },
  { raw: "in November 2015", at: "in November 2015, the Taliban issued", expect: month("2015-11") },
  { raw: "in June 2016", at: "in June 2016, the IMU resurfaced", expect: month("2016-06") },
  { raw: "By the end of 2016", expect: year("2016-09", "2016-12") },
  { raw: "in 2019", at: "for ISKP in 2019", expect: year(2019) },
  { raw: "In January 2016", at: "In January 2016, IS", expect: month("2016-01") },
  { raw: "April and May 2022", at: "April and May 2022. Following", expect: month("2022-04", "2022-05") },
  { raw: "in April 2022", at: "Uzbekistan in April 2022, ISKP", expect: month("2022-04") },
  { raw: "the following month", at: "the following month in May 2022", expect: month("2022-05") },
  { raw: "in September 2022", at: "in September 2022, the Uzbek", expect: month("2022-09") },
  { raw: "As early as 2021", expect: year(2021) },
  { raw: "In June 2022", at: "In June 2022, Tawhid News", expect: month("2022-06") },
  { raw: "its July 2022 message", expect: month("2022-07") },
  { raw: "in late 2023", expect: year("2023-09", "2023-12") },
  { raw: "On August 24, 2023", expect: day("2023-08-24") },
  { raw: "Between 2016 and 2021", expect: year(2016, 2021) },
  { raw: "In February 2017", expect: month("2017-02") },
  { raw: "in March 2017", at: "in March 2017, Abu Abd", expect: month("2017-03") },
  { raw: "in March 2020", at: "in March 2020, Ahmad", expect: month("2020-03") },
  { raw: "a 2020 study", expect: year(2020) },
  { raw: "in January 2019", expect: month("2019-01") },
  { raw: "a 2018 U.S. airstrike", expect: year(2018) },
  { raw: "In May 2021", expect: month("2021-05") },
  { raw: "in the summer of 2021", expect: year("2021-06", "2021-08") },
  { raw: "throughout 2022", expect: year(2022) },
  { raw: "During that year", expect: year(2022) },
  { raw: "in March 2022", at: "Afghanistan in March 2022 that killed", expect: month("2022-03") },
  // A paragraph about 2022, in an article published in 2023.
  { raw: "on May 22", expect: day("2022-05-22"), warns: true },
  { raw: "in March 2023", at: "in March 2023, the GDI", expect: month("2023-03") },
  { raw: "the August 26, 2021 airport attack", expect: day("2021-08-26") },
  { raw: "In July 2018", expect: month("2018-07") },
  { raw: "in November 2018", expect: month("2018-11") },
  { raw: "In May 2019", expect: month("2019-05") },
  { raw: "in September and December 2022", expect: month("2022-09", "2022-12") },
  { raw: "In January 2023", at: "In January 2023, the Islamic State targeted", expect: month("2023-01") },
  { raw: "the October 2022", at: "the October 2022 and the August 2023 attacks", expect: month("2022-10") },
  { raw: "the August 2023 attacks", expect: month("2023-08") },
  { raw: "a 2017 knife attack", expect: year(2017) },
  { raw: "in July 2015", at: "declared in July 2015", expect: month("2015-07") },
  { raw: "the early 2023 Qur", expect: year("2023-01", "2023-04") },
  { raw: "on September 12", expect: day("2023-09-12") },
  { raw: "Even as early as April 2020", expect: month("2020-04") },
  { raw: "in June 2023", at: "deported in June 2023", expect: month("2023-06") },
  { raw: "in late August 2023", expect: days("2023-08-21", "2023-08-31") },
  { raw: "since 2021", at: "since 2021, ISKP has successfully", expect: year(2021) },
];

/** Washington Institute policy analysis, published 2023-09-11 (a web page: links and page residue). */
const R004: Omit<DateCase, "source">[] = [
  { raw: "Sep 11, 2023", expect: day("2023-09-11") },
  { raw: "in 1994", expect: year(1994) },
  { raw: "in October 2021", expect: month("2021-10") },
  { raw: "until July 2022", expect: month("2022-07") },
  { raw: "in March 2022", expect: month("2022-03") },
  // "2022-23" and "2019-20": two calendar years, the widest reading of the words.
  { raw: "In 2022-23", expect: year(2022, 2023) },
  { raw: "in 2019-20", expect: year(2019, 2020) },
  { raw: "August 2018-19", expect: month("2018-08", "2019-08") },
  { raw: "August 2019-20", expect: month("2019-08", "2020-08") },
  { raw: "August 2020-21", expect: month("2020-08", "2021-08") },
  { raw: "August 2021-22", expect: month("2021-08", "2022-08") },
  { raw: "August 2022-23", expect: month("2022-08", "2023-08") },
  // After "August 2022-23" the narrative is in August 2023.
  { raw: "The August 28 issue", expect: day("2023-08-28") },
  { raw: "in spring and fall 2020", expect: year("2020-03", "2020-11") },
  { raw: "February and April 2020", expect: month("2020-02", "2020-04") },
  { raw: "October 2022", at: "October 2022 \\(https", expect: month("2022-10") },
  { raw: "August 2023", at: "and August 2023; IS", expect: month("2023-08") },
  { raw: "five in 2022", expect: year(2022) },
  { raw: "so far in 2023", expect: year(2023) },
  { raw: "since 2020", expect: year(2020) },
  { raw: "in July 2023", expect: month("2023-07") },
  { raw: "the country’s 2011 revolution", expect: year(2011) },
  { raw: "in 2001", expect: year(2001) },
  { raw: "in July 2022", at: "in July 2022—that is", expect: month("2022-07") },
  { raw: "Jul 26, 2024", expect: day("2024-07-26") },
  { raw: "August 1, 2024", expect: day("2024-08-01") },
  { raw: "Jul 24, 2024", expect: day("2024-07-24") },
];

const ref = (year: number, month?: number, day?: number): DateReference => ({ year, month, day });

/** The codebook's own wordings (claims.md "Value types: date"). */
const CODEBOOK: Omit<DateCase, "source">[] = [
  { raw: "early May", reference: ref(2022, 6), expect: days("2022-05-01", "2022-05-10") },
  { raw: "mid May", reference: ref(2022, 6), expect: days("2022-05-11", "2022-05-20") },
  { raw: "late May", reference: ref(2022, 6), expect: days("2022-05-21", "2022-05-31") },
  { raw: "on January 26", reference: ref(2024, 8), before: "In January 2015, the group was formed. ", expect: day("2015-01-26"), warns: true },
  { raw: "on January 26", reference: ref(2024, 8), expect: day("2024-01-26") },
  { raw: "May 22", reference: ref(2023, 10), before: "Throughout 2022 the attacks grew. In 2022, ", expect: day("2022-05-22"), warns: true },
  { raw: "May 22", reference: ref(2023, 10), expect: day("2023-05-22") },
  { raw: "last month", reference: ref(2022, 5, 10), expect: month("2022-04") },
  { raw: "two days later", reference: ref(2022, 5, 10), before: "The attack came on 3 May 2022. ", expect: day("2022-05-05") },
  { raw: "two days later", reference: ref(2022, 5, 10), expect: error(/after the publication date/) },
];

export const DATE_CASES: DateCase[] = [
  ...R000.map((c) => ({ ...c, source: "000" as const })),
  ...R001.map((c) => ({ ...c, source: "001" as const })),
  ...R002.map((c) => ({ ...c, source: "002" as const })),
  ...R003.map((c) => ({ ...c, source: "003" as const })),
  ...R004.map((c) => ({ ...c, source: "004" as const })),
  ...CODEBOOK.map((c) => ({ ...c, source: "codebook" as const })),
];

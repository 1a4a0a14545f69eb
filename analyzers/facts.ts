// Facts a rewrite must never lose or invent: numbers, amounts, dates, ids,
// e-mail addresses, URLs, names and product names. Pure string matching so the
// same check runs on the draft, the rule-based reply and on-device AI output.

export type FactKind = 'url' | 'email' | 'amount' | 'id' | 'date' | 'time' | 'number' | 'name';

export interface Fact {
  kind: FactKind;
  text: string;
}

const URL = /\bhttps?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?]|\bwww\.[^\s<>()"']+[^\s<>()"'.,;:!?]/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const AMOUNT = /[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|euros?|pounds|usd|eur|gbp|chf|kr)\b/gi;
/** Order / ticket / model ids: "#4521", "KX-200", "RC-88410", "A12B". */
const ID = /#\s?[A-Z0-9-]*\d[A-Z0-9-]*|\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*\b/g;
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
  String.raw`\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b`,
  'gi',
);
const TIME = /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/gi;
/** Any other number ("5 days", "3 places", "4.2"), except a rhetorical "100%" that is not "100% of". */
const NUMBER = /(?<![\w.])\d+(?:[.,]\d+)*%?(?!\w)/g;
const WORD_NUMBERS = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand)\b/gi;
/** A capitalized word inside a sentence (not its first word) reads as a name or product. */
// Whole words only: "WebP", "McKenzie" are one name, not "Web" and "Mc".
const CAPITALIZED = /(?<=[\p{L}\p{N},;:)'"’”] +)\p{Lu}[\p{Ll}\p{N}][\p{L}\p{N}]*(?:[ -]\p{Lu}[\p{Ll}\p{N}][\p{L}\p{N}]*)*/gu;
const NOT_NAMES = new Set(['I', 'OK', 'Ok', 'Hi', 'Hello', 'Thanks', 'Please', 'Sorry']);

function collect(text: string, re: RegExp, kind: FactKind, out: Fact[], seen: Set<string>): void {
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const value = m[0].trim();
    const key = value.toLowerCase();
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, text: value });
  }
}

/** Strips the spans one pattern claimed so a later, broader one doesn't re-read them. */
function without(text: string, re: RegExp): string {
  return text.replace(re, (m) => ' '.repeat(m.length));
}

export function extractFactDetails(input: string): Fact[] {
  const out: Fact[] = [];
  const seen = new Set<string>();
  let text = input;
  for (const [re, kind] of [
    [URL, 'url'],
    [EMAIL, 'email'],
    [AMOUNT, 'amount'],
    [ID, 'id'],
    [DATE, 'date'],
    [TIME, 'time'],
  ] as const) {
    collect(text, re, kind, out, seen);
    text = without(text, re);
  }
  NUMBER.lastIndex = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (m[0] === '100%' && !/^\s*of\b/i.test(text.slice((m.index ?? 0) + 4))) continue;
    const key = m[0].toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ kind: 'number', text: m[0] });
    }
  }
  collect(text, WORD_NUMBERS, 'number', out, seen);
  for (const m of text.matchAll(CAPITALIZED)) {
    if (NOT_NAMES.has(m[0]) || seen.has(m[0].toLowerCase())) continue;
    seen.add(m[0].toLowerCase());
    out.push({ kind: 'name', text: m[0] });
  }
  return out;
}

/** The facts in a text, as written. */
export function extractFacts(text: string): string[] {
  return extractFactDetails(text).map((f) => f.text);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `fact` occurs in `text` as a whole token (case-insensitive: a shouted word may be re-cased). */
export function containsFact(text: string, fact: string): boolean {
  // A fact that opens on a currency sign may follow a currency prefix: "$120" is in "R$120", "US$40".
  const before = /^[$€£¥]/.test(fact) ? '' : '(?<![\\p{L}\\p{N}])';
  const re = new RegExp(`${before}${escapeRe(fact).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
  return re.test(text);
}

/** Facts of `before` that `after` no longer contains. */
export function lostFacts(before: string, after: string): string[] {
  return extractFacts(before).filter((f) => !containsFact(after, f));
}

/** Facts of `after` found in none of `sources` (a rewrite must not invent them). */
export function inventedFacts(after: string, sources: string[]): string[] {
  return extractFactDetails(after)
    .filter((f) => f.kind !== 'name')
    .map((f) => f.text)
    .filter((f) => !sources.some((s) => containsFact(s, f)));
}

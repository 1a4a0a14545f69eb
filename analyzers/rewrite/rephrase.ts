// "Rephrase selection": the selected words kinder, more formal or shorter.
// Kinder applies the engine's own proved fixes for the flags inside the
// selection, then softens what no rule names (stacked exclamations, shouting,
// orders); more formal expands contractions and drops slang and stacked
// exclamations; shorter drops filler and hedges. Every candidate goes through
// the same gate as a suggestion (facts kept, no new flag, no new promise, reads
// as a sentence); what fails is not offered, and the caller says so.
import { analyze } from '../index.ts';
import { readCustomer } from '../customer.ts';
import type { AnalysisContext } from '../context.ts';
import type { AnalyzeOptions, Channel, Finding } from '../types.ts';
import { checkSuggestion, suggestionRange } from './gate.ts';

export type RephraseStyle = 'kinder' | 'formal' | 'shorter';
export const REPHRASE_STYLES: readonly RephraseStyle[] = ['kinder', 'formal', 'shorter'];
export const STYLE_LABELS: Record<RephraseStyle, string> = { kinder: 'Kinder', formal: 'More formal', shorter: 'Shorter' };

/** Longest selection rephrased: a paragraph, not a whole pasted thread. */
export const MAX_REPHRASE_CHARS = 2_000;

export interface RephraseInput {
  reply: string;
  /** The selection: reply.slice(start, end). */
  start: number;
  end: number;
  customer?: string;
  channel?: Channel;
}

export interface RephraseOption {
  style: RephraseStyle;
  label: string;
  /** Replaces reply.slice(start, end). */
  replacement: string;
}

export interface RephraseResult {
  options: RephraseOption[];
  /** Plain words for the user when no style could be offered (or the selection was unusable). */
  problem?: string;
  /** Per style, why its candidate was withheld (tests, diagnostics). */
  rejected: Partial<Record<RephraseStyle, string[]>>;
}

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan['’]t\b/gi, 'cannot'], [/\bwon['’]t\b/gi, 'will not'], [/\bshan['’]t\b/gi, 'shall not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must|need)n['’]t\b/gi, '$1 not'],
  [/\bI['’]m\b/g, 'I am'], [/\b(you|we|they)['’]re\b/gi, '$1 are'], [/\b(I|you|we|they)['’]ve\b/gi, '$1 have'],
  [/\b(I|you|we|they|he|she|it)['’]ll\b/gi, '$1 will'], [/\b(I|you|we|they|he|she)['’]d\b/gi, '$1 would'],
  [/\b(it|that|there|here|what|who|he|she)['’]s\b/gi, '$1 is'], [/\blet['’]s\b/gi, 'let us'],
];
const SLANG: [RegExp, string][] = [
  [/\bgonna\b/gi, 'going to'], [/\bwanna\b/gi, 'want to'], [/\bgotta\b/gi, 'have to'], [/\bkinda\b/gi, 'somewhat'], [/\bsorta\b/gi, 'somewhat'],
  [/\byeah\b|\byep\b|\byup\b/gi, 'yes'], [/\bnope\b/gi, 'no'], [/\bASAP\b/gi, 'as soon as possible'], [/\bbtw\b/gi, 'by the way'],
  [/\bFYI\b/g, 'for your information'], [/\bthx\b|\bthanx\b/gi, 'thank you'], [/\bpls\b|\bplz\b/gi, 'please'], [/\bhey\b/gi, 'hello'],
  [/\s*\b(lol|lmao|haha+)\b[.!]*/gi, ''], [/\s*(:\)|:-\)|;\)|:D)/g, ''],
];
const FILLER: [RegExp, string][] = [
  [/\b(just|really|very|quite|simply|totally|definitely|certainly|somewhat|pretty much|kind of|sort of)\s+/gi, ''],
  [/\b(I wanted to|I just wanted to|I would like to) let you know that\s+/gi, ''], [/\bplease note that\s+/gi, ''], [/\bI think that\s+/gi, ''],
  [/\b(I think|I believe|I feel like|I guess),?\s+/gi, ''], [/\b(to be honest|honestly|basically|literally|actually|obviously|of course),?\s+/gi, ''],
  [/\b(just|really|very|quite|simply|totally|definitely|certainly|somewhat|pretty much|kind of|sort of)\s+/gi, ''],
  [/\bin order to\b/gi, 'to'], [/\bdue to the fact that\b/gi, 'because'], [/\bat this point in time\b/gi, 'now'], [/\bat the present time\b/gi, 'now'],
  [/\bin the event that\b/gi, 'if'], [/\bfor the purpose of\b/gi, 'for'], [/\ba large number of\b/gi, 'many'], [/\bin spite of the fact that\b/gi, 'although'],
];
const SOFTEN: [RegExp, string][] = [
  [/\byou need to\b/gi, 'could you please'], [/\byou must\b/gi, 'please'], [/\byou have to\b/gi, 'could you please'],
];

/** Each regex rule applied in turn; the first letter of a sentence stays upper case. */
function rewriteWith(text: string, rules: [RegExp, string][]): string {
  let out = text;
  for (const [re, to] of rules) out = out.replace(re, (...m) => {
    const whole = m[0] as string;
    const rep = to.replace(/\$(\d)/g, (_s, i) => (m[Number(i)] as string) ?? '');
    // "Gonna" → "Going to"; an acronym ("ASAP") gives lower case (tidy capitalises a sentence start).
    return /^[A-Z](?![A-Z])/.test(whole) && rep ? rep[0].toUpperCase() + rep.slice(1) : rep;
  });
  return tidy(out, text);
}

/** Stacked marks to one, spaces mended, sentence starts capitalised; keeps the original's outer whitespace. */
function tidy(text: string, original: string): string {
  const lead = original.match(/^\s*/)![0];
  const trail = original.match(/\s*$/)![0];
  let t = text
    .replace(/([!?])[!?]+/g, (m) => (m.includes('?') ? '?' : '!'))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?;:])/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .trim();
  t = t.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  return lead + t + trail;
}

const isShouted = (w: string) => w.length >= 3 && /^[A-Z]+$/.test(w) && !/^(ASAP|FAQ|USA|UK|EU|PDF|URL|API|ID|CEO|VAT|GDPR|SMS|OK)$/.test(w);

/** Shouted words in lower case; acronyms and anything with a digit (order ids) stay. */
const unshout = (text: string) => text.replace(/\b[A-Z]{3,}\b/g, (w) => (isShouted(w) ? w.toLowerCase() : w));

function formal(text: string): string {
  return rewriteWith(unshout(text), [...CONTRACTIONS, ...SLANG, [/!+/g, '.']]);
}

function shorter(text: string): string {
  return rewriteWith(text, FILLER);
}

/** The flags' own proved fixes inside the selection (last first, so offsets hold), then softening. */
function kinder(reply: string, start: number, end: number, findings: readonly Finding[]): string {
  let text = reply.slice(start, end);
  const inside = findings
    .filter((f) => f.end > f.start && f.start >= start && f.end <= end)
    .sort((a, b) => b.start - a.start);
  let lastStart = Infinity;
  for (const f of inside) {
    const sg = f.suggestions[0];
    if (!sg) continue;
    const [a, b] = suggestionRange(f, sg);
    if (a < start || b > end || b > lastStart) continue; // reaches past the selection, or overlaps a fix already made
    text = text.slice(0, a - start) + sg.replacement + text.slice(b - start);
    lastStart = a;
  }
  return rewriteWith(unshout(text), [...SOFTEN, [/!+/g, '.']]);
}

/**
 * The styles whose rewrite of reply.slice(start, end) passes the gate. Pure: the
 * same input gives the same options; nothing is applied here.
 */
export function rephrase(input: RephraseInput, options: AnalyzeOptions = {}): RephraseResult {
  const { reply } = input;
  const start = Math.max(0, Math.min(input.start, input.end));
  const end = Math.min(reply.length, Math.max(input.start, input.end));
  const selected = reply.slice(start, end);
  if (!selected.trim()) return { options: [], rejected: {}, problem: 'Select the words you want to rephrase first.' };
  if (selected.length > MAX_REPHRASE_CHARS) return { options: [], rejected: {}, problem: `Select at most ${MAX_REPHRASE_CHARS.toLocaleString('en')} characters to rephrase (a paragraph at a time).` };
  const channel = input.channel ?? 'email';
  const context: AnalysisContext = { channel, customer: readCustomer(input.customer ?? ''), options };
  const findings = analyze({ reply, customer: input.customer ?? '', channel }, options).findings;
  // The selection as one span the gate can judge, like a finding's.
  const span = { ruleId: 'rephrase/selection', category: 'rephrase', severity: 'info', start, end, text: selected, message: '', rationale: '', suggestions: [] } as unknown as Finding;
  const candidates: Record<RephraseStyle, string> = {
    kinder: kinder(reply, start, end, findings),
    formal: formal(selected),
    shorter: shorter(selected),
  };
  const out: RephraseOption[] = [];
  const rejected: RephraseResult['rejected'] = {};
  const seen = new Set<string>();
  for (const style of REPHRASE_STYLES) {
    const replacement = candidates[style];
    if (replacement === selected) {
      rejected[style] = ['changes nothing'];
      continue;
    }
    if (seen.has(replacement)) {
      rejected[style] = ['same as another style'];
      continue;
    }
    const verdict = checkSuggestion(reply, span, { label: STYLE_LABELS[style], replacement }, context);
    if (!verdict.ok) {
      rejected[style] = verdict.problems;
      continue;
    }
    seen.add(replacement);
    out.push({ style, label: STYLE_LABELS[style], replacement });
  }
  return out.length
    ? { options: out, rejected }
    : { options: out, rejected, problem: 'No rephrasing of these words keeps every fact and reads cleanly, so none is offered. Try selecting a whole sentence.' };
}

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
import { detectCaps } from '../phrases/detectors.ts';

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

/** "been" and past participles after 'd ("I'd sent" can only be "I had sent"; "need", "agreed" are left out). */
const PARTICIPLE_D = [
  'been', '[a-z]+[^e\\W]ed', 'sent', 'gone', 'done', 'made', 'taken', 'given', 'seen', 'known', 'got', 'gotten', 'had', 'written', 'spoken', 'told',
  'said', 'paid', 'left', 'lost', 'found', 'brought', 'bought', 'thought', 'heard', 'held', 'kept', 'built', 'spent', 'become', 'begun', 'broken',
  'chosen', 'forgotten', 'shown', 'already',
].map((w) => `${w}\\b`).join('|');
/**
 * After 's only what cannot follow "is": "it's shipped" / "it's closed" may be "it is", so they stay;
 * "it's been", "it's had", "it's got" can only be "it has".
 */
const PARTICIPLE_S = ['been', 'had', 'got', 'gotten'].map((w) => `${w}\\b`).join('|');

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan['’]t\b/gi, 'cannot'], [/\bwon['’]t\b/gi, 'will not'], [/\bshan['’]t\b/gi, 'shall not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must|need)n['’]t\b/gi, '$1 not'],
  [/\bI['’]m\b/g, 'I am'], [/\b(you|we|they)['’]re\b/gi, '$1 are'], [/\b(I|you|we|they)['’]ve\b/gi, '$1 have'],
  [/\b(I|you|we|they|he|she|it)['’]ll\b/gi, '$1 will'],
  // 's and 'd are ambiguous ("it's been" = has, "I'd sent" = had, "I'd like" = would): expanded only before
  // "been" or a past participle, where has/had is certain; otherwise the contraction stays.
  [new RegExp(`\\b(I|you|we|they|he|she|it|that|there|who)['’]d(?=\\s+(?:${PARTICIPLE_D}))`, 'gi'), '$1 had'],
  [new RegExp(`\\b(it|that|there|here|what|who|he|she)['’]s(?=\\s+(?:${PARTICIPLE_S}))`, 'gi'), '$1 has'],
  [/\blet['’]s\b/gi, 'let us'],
];
const SLANG: [RegExp, string][] = [
  [/\bgonna\b/gi, 'going to'], [/\bwanna\b/gi, 'want to'], [/\bgotta\b/gi, 'have to'], [/\bkinda\b/gi, 'somewhat'], [/\bsorta\b/gi, 'somewhat'],
  [/\byeah\b|\byep\b|\byup\b/gi, 'yes'], [/\bnope\b/gi, 'no'], [/\bASAP\b/gi, 'as soon as possible'], [/\bbtw\b/gi, 'by the way'],
  [/\bFYI\b/g, 'for your information'], [/\bthx\b|\bthanx\b/gi, 'thank you'], [/\bpls\b|\bplz\b/gi, 'please'], [/\bhey\b/gi, 'hello'],
  [/\s*\b(lol|lmao|haha+)\b[.!]*/gi, ''], [/\s*(:\)|:-\)|;\)|:D)/g, ''],
];
/** Modals and promise verbs: a hedge in front of one of these is kept. */
const COMMITTING = "will|would|can|could|shall|should|may|might|must|won['’]t|can['’]t|cannot|['’]ll|promise|guarantee|ensure|refund|replace|ship|deliver|arrive|send|credit|fix";

const FILLER: [RegExp, string][] = [
  [/\b(just|really|very|quite|simply|totally|definitely|certainly|somewhat|pretty much|kind of|sort of)\s+/gi, ''],
  [/\b(I wanted to|I just wanted to|I would like to) let you know that\s+/gi, ''], [/\bplease note that\s+/gi, ''],
  // A hedge before a modal or a promise ("I think we can refund $20") is the writer's maybe: deleting it makes a promise.
  [new RegExp(`\\b(I think|I believe|I feel like|I guess)( that)?,?\\s+(?![^.!?;,\\n]*\\b(${COMMITTING})\\b)`, 'gi'), ''], [/\b(to be honest|honestly|basically|literally|actually|obviously|of course),?\s+/gi, ''],
  [/\b(just|really|very|quite|simply|totally|definitely|certainly|somewhat|pretty much|kind of|sort of)\s+/gi, ''],
  [/\bin order to\b/gi, 'to'], [/\bdue to the fact that\b/gi, 'because'], [/\bat this point in time\b/gi, 'now'], [/\bat the present time\b/gi, 'now'],
  [/\bin the event that\b/gi, 'if'], [/\bfor the purpose of\b/gi, 'for'], [/\ba large number of\b/gi, 'many'], [/\bin spite of the fact that\b/gi, 'although'],
];
const SOFTEN: [RegExp, string][] = [
  [/\byou need to\b/gi, 'could you please'], [/\byou must\b/gi, 'please'], [/\byou have to\b/gi, 'could you please'],
];

/** Each regex rule applied in turn; the first letter of a sentence stays upper case. */
function rewriteWith(text: string, rules: [RegExp, string][], startsSentence = true): string {
  let out = text;
  for (const [re, to] of rules) out = out.replace(re, (...m) => {
    const whole = m[0] as string;
    const rep = to.replace(/\$(\d)/g, (_s, i) => (m[Number(i)] as string) ?? '');
    // "Gonna" → "Going to"; an acronym ("ASAP") gives lower case (tidy capitalises a sentence start).
    return /^[A-Z](?![A-Z])/.test(whole) && rep ? rep[0].toUpperCase() + rep.slice(1) : rep;
  });
  return tidy(out, text, startsSentence);
}

/** Stacked marks to one, spaces mended, sentence starts capitalised; keeps the original's outer whitespace. */
function tidy(text: string, original: string, startsSentence = true): string {
  const lead = original.match(/^\s*/)![0];
  const trail = original.match(/\s*$/)![0];
  let t = text
    .replace(/([!?])[!?]+/g, (m) => (m.includes('?') ? '?' : '!'))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?;:])/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .trim();
  t = t.replace(startsSentence ? /(^|[.!?]\s+)(\p{Ll})/gu : /([.!?]\s+)(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
  return lead + t + trail;
}

/** The words the shouting rule flags (detectCaps) in lower case; UPS, DHL, IKEA and order ids stay. */
function unshout(text: string): string {
  let out = text;
  for (const hit of detectCaps(text).sort((x, y) => y.start - x.start)) {
    out = out.slice(0, hit.start) + out.slice(hit.start, hit.end).replace(/\b[A-Z]{2,}\b/g, (w) => (KEEP_CAPS.test(w) ? w : w.toLowerCase())) + out.slice(hit.end);
  }
  return out;
}
const KEEP_CAPS = /^(ASAP|FAQ|USA|UK|EU|PDF|URL|API|ID|CEO|VAT|GDPR|SMS|OK)$/;

function formal(text: string, startsSentence: boolean): string {
  return rewriteWith(unshout(text), [...CONTRACTIONS, ...SLANG, [/!+/g, '.']], startsSentence);
}

function shorter(text: string, startsSentence: boolean): string {
  return rewriteWith(text, FILLER, startsSentence);
}

/** The sentence(s) around [a, b): a deletion reaching only "We're sorry" still deletes an apology. */
function sentenceOf(text: string, a: number, b: number): string {
  const from = Math.max(text.lastIndexOf('.', a - 1), text.lastIndexOf('!', a - 1), text.lastIndexOf('?', a - 1), text.lastIndexOf('\n', a - 1)) + 1;
  const m = /[.!?\n]/.exec(text.slice(b));
  return text.slice(from, m ? b + m.index + 1 : text.length);
}

/**
 * A fix that re-cases its words (stacked "!!" fixed with the sentence lower-cased) keeps the capitals
 * of what the shouting rule does not flag: UPS, DHL, IKEA stay as written.
 */
function keepNamesUpper(original: string, replacement: string): string {
  const flagged = detectCaps(original);
  const names = new Set<string>();
  for (const m of original.matchAll(/\b[A-Z]{2,}\b/g)) if (!flagged.some((h) => m.index! >= h.start && m.index! < h.end)) names.add(m[0]);
  return names.size ? replacement.replace(/\b[a-z]{2,}\b/g, (w) => (names.has(w.toUpperCase()) ? w.toUpperCase() : w)) : replacement;
}

const APOLOGY = /\b(sorry|apologi[sz]e[sd]?|apologies|regret)\b/i;

/** The flags' own proved fixes inside the selection (last first, so offsets hold), then softening. */
function kinder(reply: string, start: number, end: number, findings: readonly Finding[], startsSentence: boolean): string {
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
    // Never an apology deleted: "We're sorry." is kindness, whatever a rule says about over-apologising.
    if (!sg.replacement.trim() && APOLOGY.test(sentenceOf(reply, a, b))) continue;
    text = text.slice(0, a - start) + keepNamesUpper(reply.slice(a, b), sg.replacement) + text.slice(b - start);
    lastStart = a;
  }
  return rewriteWith(unshout(text), [...SOFTEN, [/!+/g, '.']], startsSentence);
}

/** Context read around a selection, each side. */
export const REPHRASE_CONTEXT_CHARS = 300;

/**
 * [start, end) of the text read for a selection: up to REPHRASE_CONTEXT_CHARS each side,
 * cut at a sentence or line boundary where there is one, so the selection's own sentence is whole.
 */
function contextWindow(reply: string, start: number, end: number): [number, number] {
  let ws = Math.max(0, start - REPHRASE_CONTEXT_CHARS);
  if (ws > 0) {
    const before = reply.slice(ws, start);
    const cut = before.search(/[.!?\n]\s/);
    if (cut >= 0) ws += cut + 1;
    else ws += before.search(/\s|$/);
  }
  let we = Math.min(reply.length, end + REPHRASE_CONTEXT_CHARS);
  if (we < reply.length) {
    const after = reply.slice(end, we);
    const m = [...after.matchAll(/[.!?\n](?=\s)/g)].at(-1);
    if (m) we = end + m.index! + 1;
    else {
      const space = after.lastIndexOf(' ');
      we = space >= 0 ? end + space : end;
    }
  }
  return [Math.min(ws, start), Math.max(we, end)];
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
  // Only the selection's sentences and a little context are read: a rephrase of two sentences
  // must not cost a cold analysis of a 100,000-character draft.
  const [ws, we] = contextWindow(reply, start, end);
  const text = reply.slice(ws, we);
  const s0 = start - ws;
  const e0 = end - ws;
  const findings = analyze({ reply: text, customer: input.customer ?? '', channel }, options).findings;
  // The selection as one span the gate can judge, like a finding's.
  const span = { ruleId: 'rephrase/selection', category: 'rephrase', severity: 'info', start: s0, end: e0, text: selected, message: '', rationale: '', suggestions: [] } as unknown as Finding;
  // Mid-sentence selections ("the refund of $49…") keep their lower-case first letter.
  const startsSentence = /(^|[.!?:;]|\n)\s*$/.test(reply.slice(Math.max(0, start - 40), start));
  const candidates: Record<RephraseStyle, string> = {
    kinder: kinder(text, s0, e0, findings, startsSentence),
    formal: formal(selected, startsSentence),
    shorter: shorter(selected, startsSentence),
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
    const verdict = checkSuggestion(text, span, { label: STYLE_LABELS[style], replacement }, context);
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

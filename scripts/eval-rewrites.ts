// Measures the engine's rewrites on labeled corpora (issues 4 and 8), per corpus.
//
// Per-finding suggestions: every suggestion of every finding is applied and
// judged (scripts/suggestion-judge.ts): the flag is gone, no new flag appears,
// Harper finds nothing new in the edited lines, nothing mechanical (".,", a
// repeated 4-word run, a lower-case sentence start, a doubled word). Prints the
// share that passes every check.
//
// Suggested replies: for drafts with at least one finding, how many suggested
// replies have no warning left when analyzed again (placeholders aside), no
// error-level finding, keep every fact, invent none, add no promise, still
// carry a placeholder; the median length ratio; how varied the new sentences
// are (a stock line in every reply shows up as few distinct ones).
//
//   npx tsx scripts/eval-rewrites.ts [corpus.jsonl …] [--json] [--examples N] [--voice formal|warm] [--failures N] [--options JSON]
// Without a corpus: tests/cases, tests/holdout and ../shared/corpus/dev.jsonl (when present).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyze, suggestReply } from '../analyzers/index.ts';
import { checkReply, placeholdersIn } from '../analyzers/rewrite/invariants.ts';
import { splitSentences } from '../analyzers/text/draft.ts';
import type { AnalyzeOptions, Channel, Finding } from '../analyzers/types.ts';
import { checkOf, createSuggestionJudge, type CheckName, type SuggestionJudge } from './suggestion-judge.ts';

export interface Row {
  id: string;
  channel?: Channel;
  customer?: string;
  reply: string;
}

export const DEFAULT_CORPORA = ['tests/cases/drafts.jsonl', 'tests/holdout/drafts.jsonl', '../shared/corpus/dev.jsonl'];

export function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => ({ id: String(i + 1), ...(JSON.parse(l) as Partial<Row>) }) as Row);
}

export interface RewriteEval {
  drafts: number;
  flagged: number;
  /** No warning or error left when the suggested reply is analyzed again (findings inside a placeholder aside). */
  noWarningLeft: number;
  noErrorFinding: number;
  factsPreserved: number;
  nothingInvented: number;
  noNewPromise: number;
  withPlaceholder: number;
  medianLengthRatio: number;
  insertedSentences: number;
  distinctInsertedSentences: number;
  /** Per-finding suggestions: phrase findings, those with none, and options that delete text outright. */
  /** Warnings left, by judge (rule / model) and by where they sit (a sentence kept from the draft, one the engine wrote, a missing piece). */
  leftBy: Record<string, number>;
  phraseFindings: number;
  withoutSuggestion: number;
  deletionsOffered: number;
  failures: { id: string; problems: string[] }[];
  examples: { id: string; draft: string; suggested: string }[];
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Sentences of the suggested reply that the draft did not have (inserted or rewritten). */
function newSentences(draft: string, suggested: string): string[] {
  const had = new Set(splitSentences(draft).map((s) => s.text));
  return splitSentences(suggested)
    .map((s) => s.text)
    .filter((t) => !had.has(t));
}

/** Where a warning left in a suggested reply sits: a missing piece, a sentence kept from the draft, or one the engine wrote. */
function placeOf(f: Finding, draft: string, suggested: string): string {
  if (f.start === f.end) return 'missing piece';
  const sentence = splitSentences(suggested).find((s) => f.start >= s.start && f.start < s.end);
  return sentence && splitSentences(draft).some((s) => s.text === sentence.text) ? 'kept sentence' : 'engine sentence';
}

/** Warnings and errors left in a suggested reply; one that sits inside a "[date]"-style placeholder is the writer's to fill. */
export function warningsLeft(text: string, findings: Finding[]): Finding[] {
  const holes = [...text.matchAll(/\[[^\]\n]*\]/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return findings.filter((f) => f.severity !== 'info' && !holes.some(([s, e]) => f.start >= s && f.end <= e && f.start < f.end));
}

export function evaluateRewrites(rows: Row[], voice: 'formal' | 'warm' = 'warm', exampleCount = 0, options: AnalyzeOptions = {}): RewriteEval {
  const out: RewriteEval = {
    drafts: rows.length,
    flagged: 0,
    noWarningLeft: 0,
    noErrorFinding: 0,
    factsPreserved: 0,
    nothingInvented: 0,
    noNewPromise: 0,
    withPlaceholder: 0,
    medianLengthRatio: 0,
    insertedSentences: 0,
    distinctInsertedSentences: 0,
    leftBy: {},
    phraseFindings: 0,
    withoutSuggestion: 0,
    deletionsOffered: 0,
    failures: [],
    examples: [],
  };
  const ratios: number[] = [];
  const inserted: string[] = [];
  for (const row of rows) {
    const input = { reply: row.reply, customer: row.customer ?? '', channel: row.channel ?? 'email' };
    const findings = analyze(input, options).findings;
    if (findings.length === 0) continue;
    out.flagged++;
    for (const f of findings) {
      if (f.start === f.end) continue;
      out.phraseFindings++;
      if (f.suggestions.length === 0) out.withoutSuggestion++;
      out.deletionsOffered += f.suggestions.filter((sg) => sg.replacement.trim() === '').length;
    }
    const suggestion = suggestReply(input, { ...options, voice });
    const report = checkReply(input, suggestion.text, options);
    const left = warningsLeft(suggestion.text, analyze({ ...input, reply: suggestion.text }, options).findings);
    if (left.length === 0) out.noWarningLeft++;
    for (const f of left) {
      const key = `${f.ruleId.startsWith('model/') ? 'model' : 'rule'}, ${placeOf(f, row.reply, suggestion.text)}`;
      out.leftBy[key] = (out.leftBy[key] ?? 0) + 1;
    }
    if (report.errorFindings.length === 0) out.noErrorFinding++;
    if (report.lostFacts.length === 0) out.factsPreserved++;
    if (report.inventedFacts.length === 0) out.nothingInvented++;
    if (report.newPromises.length === 0) out.noNewPromise++;
    if (report.placeholders.length > 0) out.withPlaceholder++;
    ratios.push(suggestion.text.length / Math.max(1, row.reply.length));
    inserted.push(...newSentences(row.reply, suggestion.text));
    if (!report.ok || left.length > 0) {
      out.failures.push({
        id: row.id,
        problems: [
          ...left.map((f) => `${f.severity} ${f.ruleId}${f.text ? ` "${f.text}"` : ''}`),
          ...report.lostFacts.map((f) => `lost fact "${f}"`),
          ...report.inventedFacts.map((f) => `invented fact "${f}"`),
          ...report.newPromises.map((p) => `new promise "${p}"`),
        ],
      });
    }
    if (out.examples.length < exampleCount && suggestion.text !== row.reply) out.examples.push({ id: row.id, draft: row.reply, suggested: suggestion.text });
  }
  out.medianLengthRatio = median(ratios);
  out.insertedSentences = inserted.length;
  out.distinctInsertedSentences = new Set(inserted).size;
  return out;
}

export interface SuggestionEval {
  suggestions: number;
  clean: number;
  /** Suggestions failing each check (one suggestion may fail several). */
  failing: Record<CheckName, number>;
  failures: { id: string; category: string; flagged: string; replacement: string; problems: string[] }[];
}

/** Applies every suggestion of every finding and judges it. */
export async function evaluateSuggestions(rows: Row[], judge: SuggestionJudge, options: AnalyzeOptions = {}): Promise<SuggestionEval> {
  const out: SuggestionEval = { suggestions: 0, clean: 0, failing: { flag: 0, 'new flag': 0, harper: 0, mechanical: 0 }, failures: [] };
  for (const row of rows) {
    const input = { reply: row.reply, customer: row.customer ?? '', channel: row.channel ?? 'email' };
    const findings = analyze(input, options).findings;
    for (const f of findings) {
      for (const sg of f.suggestions) {
        out.suggestions++;
        const { problems } = await judge.judge(input, f, sg, findings, options);
        if (problems.length === 0) {
          out.clean++;
          continue;
        }
        for (const check of new Set(problems.map(checkOf))) out.failing[check]++;
        out.failures.push({ id: row.id, category: f.category, flagged: f.text ?? '', replacement: sg.replacement, problems });
      }
    }
  }
  return out;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const examples = Number(option(argv, '--examples') ?? 0);
  const shownFailures = Number(option(argv, '--failures') ?? 0);
  const voice = option(argv, '--voice') === 'formal' ? 'formal' : 'warm';
  // Analysis options as JSON, e.g. --options '{"sensitivity":"high"}'.
  const options = JSON.parse(option(argv, '--options') ?? '{}') as AnalyzeOptions;
  const valued = new Set(['--examples', '--voice', '--failures', '--options'].map((o) => argv.indexOf(o) + 1).filter((i) => i > 0));
  const given = argv.filter((a, i) => !a.startsWith('--') && !valued.has(i));
  const paths = given.length > 0 ? given : DEFAULT_CORPORA;
  const judge = await createSuggestionJudge();
  const results: Record<string, { replies: RewriteEval; suggestions: SuggestionEval }> = {};
  const lines: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      lines.push(`${path}: skipped, file not found`, '');
      continue;
    }
    const rows = readRows(path);
    const r = evaluateRewrites(rows, voice, examples, options);
    const s = await evaluateSuggestions(rows, judge, options);
    results[path] = { replies: r, suggestions: s };
    lines.push(
      `${path} (${r.drafts} drafts, voice: ${voice})`,
      `per-finding suggestions clean once applied: ${pct(s.clean, s.suggestions)}`,
      `  failing: flag left ${s.failing.flag}, new flag ${s.failing['new flag']}, Harper lint ${s.failing.harper}, mechanical ${s.failing.mechanical}`,
      `suggested replies (drafts with a finding: ${r.flagged})`,
      `  no warning left (placeholders aside): ${pct(r.noWarningLeft, r.flagged)}`,
      `  warnings left by judge and place:     ${Object.entries(r.leftBy).map(([k, n]) => `${k} ${n}`).join('; ') || 'none'}`,
      `  no error-level finding:               ${pct(r.noErrorFinding, r.flagged)}`,
      `  every fact preserved:                 ${pct(r.factsPreserved, r.flagged)}`,
      `  no invented fact:                     ${pct(r.nothingInvented, r.flagged)}`,
      `  no new promise:                       ${pct(r.noNewPromise, r.flagged)}`,
      `  with an unfilled placeholder:         ${pct(r.withPlaceholder, r.flagged)}`,
      `  median length ratio (reply/draft):    ${r.medianLengthRatio.toFixed(2)}`,
      `  new sentences (inserted or rewritten): ${r.insertedSentences}, distinct: ${r.distinctInsertedSentences}`,
      `phrase findings without a suggestion:  ${r.withoutSuggestion} of ${r.phraseFindings}; options that only delete: ${r.deletionsOffered}`,
    );
    for (const f of s.failures.slice(0, shownFailures)) lines.push(`  SUGGESTION ${f.id} ${f.category} "${f.flagged}" → "${f.replacement}": ${f.problems.join('; ')}`);
    for (const f of r.failures.slice(0, shownFailures)) lines.push(`  REPLY ${f.id}: ${f.problems.join('; ')}`);
    for (const e of r.examples) lines.push('', `--- ${e.id}`, e.draft, '+++', e.suggested);
    lines.push('');
  }
  process.stdout.write(json ? `${JSON.stringify(results, null, 2)}\n` : `${lines.join('\n')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));

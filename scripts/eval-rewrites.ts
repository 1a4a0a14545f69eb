// Measures the suggested replies (issue 4) on a labeled corpus: for drafts with
// at least one finding, how many suggested replies have no error-level finding,
// keep every fact, invent none, add no promise, still carry a placeholder; the
// median length ratio; and how varied the new sentences are (a stock line in
// every reply shows up as few distinct ones).
//
//   npx tsx scripts/eval-rewrites.ts [../shared/corpus/dev.jsonl] [--json] [--examples N] [--voice formal|warm]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyze, suggestReply } from '../analyzers/index.ts';
import { checkReply } from '../analyzers/rewrite/invariants.ts';
import { splitSentences } from '../analyzers/text/draft.ts';
import type { Channel } from '../analyzers/types.ts';

interface Row {
  id: string;
  channel?: Channel;
  customer?: string;
  reply: string;
}

export interface RewriteEval {
  drafts: number;
  flagged: number;
  noErrorFinding: number;
  factsPreserved: number;
  nothingInvented: number;
  noNewPromise: number;
  withPlaceholder: number;
  medianLengthRatio: number;
  insertedSentences: number;
  distinctInsertedSentences: number;
  /** Per-finding suggestions: phrase findings, those with none, and options that delete text outright. */
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

export function evaluateRewrites(rows: Row[], voice: 'formal' | 'warm' = 'warm', exampleCount = 0): RewriteEval {
  const out: RewriteEval = {
    drafts: rows.length,
    flagged: 0,
    noErrorFinding: 0,
    factsPreserved: 0,
    nothingInvented: 0,
    noNewPromise: 0,
    withPlaceholder: 0,
    medianLengthRatio: 0,
    insertedSentences: 0,
    distinctInsertedSentences: 0,
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
    const findings = analyze(input).findings;
    if (findings.length === 0) continue;
    out.flagged++;
    for (const f of findings) {
      if (f.start === f.end) continue;
      out.phraseFindings++;
      if (f.suggestions.length === 0) out.withoutSuggestion++;
      out.deletionsOffered += f.suggestions.filter((sg) => sg.replacement.trim() === '').length;
    }
    const suggestion = suggestReply(input, { voice });
    const report = checkReply(input, suggestion.text);
    if (report.errorFindings.length === 0) out.noErrorFinding++;
    if (report.lostFacts.length === 0) out.factsPreserved++;
    if (report.inventedFacts.length === 0) out.nothingInvented++;
    if (report.newPromises.length === 0) out.noNewPromise++;
    if (report.placeholders.length > 0) out.withPlaceholder++;
    ratios.push(suggestion.text.length / Math.max(1, row.reply.length));
    inserted.push(...newSentences(row.reply, suggestion.text));
    if (!report.ok) {
      out.failures.push({
        id: row.id,
        problems: [
          ...report.errorFindings.map((e) => `error finding ${e}`),
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

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const exIdx = argv.indexOf('--examples');
  const examples = exIdx >= 0 ? Number(argv[exIdx + 1] ?? 3) : 0;
  const vIdx = argv.indexOf('--voice');
  const voice = vIdx >= 0 && argv[vIdx + 1] === 'formal' ? 'formal' : 'warm';
  const skip = new Set([exIdx + 1, vIdx + 1].filter((i) => i > 0));
  const path = argv.find((a, i) => !a.startsWith('--') && !skip.has(i)) ?? '../shared/corpus/dev.jsonl';
  const rows: Row[] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  const r = evaluateRewrites(rows, voice, examples);
  if (json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const lines = [
    `Suggested replies on ${path} (voice: ${voice})`,
    `drafts: ${r.drafts}, with at least one finding: ${r.flagged}`,
    `no error-level finding after rewrite: ${pct(r.noErrorFinding, r.flagged)}`,
    `every fact preserved:                 ${pct(r.factsPreserved, r.flagged)}`,
    `no invented fact:                     ${pct(r.nothingInvented, r.flagged)}`,
    `no new promise:                       ${pct(r.noNewPromise, r.flagged)}`,
    `with an unfilled placeholder:         ${pct(r.withPlaceholder, r.flagged)}`,
    `median length ratio (reply/draft):    ${r.medianLengthRatio.toFixed(2)}`,
    `new sentences (inserted or rewritten): ${r.insertedSentences}, distinct: ${r.distinctInsertedSentences}`,
    `phrase findings without a suggestion:  ${r.withoutSuggestion} of ${r.phraseFindings}; options that only delete: ${r.deletionsOffered}`,
  ];
  for (const f of r.failures) lines.push(`  FAIL ${f.id}: ${f.problems.join('; ')}`);
  for (const e of r.examples) lines.push('', `--- ${e.id}`, e.draft, '+++', e.suggested);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));

// Scores the engine against a labeled corpus (../shared/corpus/README.md format):
// per-label precision / recall / F1, micro and macro F1, false flags on clean
// replies, and how many gold spans a finding of the same category overlaps.
//
//   npx tsx scripts/eval.ts ../shared/corpus/dev.jsonl [--json] [--errors]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { analyze, CATEGORIES } from '../analyzers/index.ts';
import type { AnalyzeOptions, AnalyzeResult, Channel, Finding } from '../analyzers/types.ts';

export type Engine = NonNullable<AnalyzeOptions['engine']>;
export const ENGINES: readonly Engine[] = ['rules', 'model', 'combined'];

/** Every label the corpus uses: the 12 finding categories plus the customer-side `escalate`. */
export const EVAL_LABELS = [...CATEGORIES, 'escalate'] as const;
export type EvalLabel = (typeof EVAL_LABELS)[number];

export interface CorpusItem {
  id: string;
  channel?: Channel;
  customer?: string;
  reply: string;
  labels: string[];
  spans?: { label: string; text: string }[];
}

export interface LabelScore {
  label: EvalLabel;
  precision: number;
  recall: number;
  f1: number;
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface ItemOutcome {
  id: string;
  gold: string[];
  predicted: string[];
  falsePositives: string[];
  falseNegatives: string[];
  missedSpans: { label: string; text: string }[];
}

export interface EvalReport {
  file: string;
  engine: Engine;
  items: number;
  labels: LabelScore[];
  micro: { precision: number; recall: number; f1: number };
  macroF1: number;
  /** Share of replies labeled clean (no labels) that got any predicted label. */
  falseFlagRate: number;
  cleanReplies: number;
  /** Share of gold spans overlapped by a warning/error finding of the same category. */
  spanHitRate: number;
  spans: number;
  outcomes: ItemOutcome[];
}

/** A finding counts as predicting its label only at warning or error; info is a UI hint. */
export function predictedLabels(result: AnalyzeResult): Set<string> {
  const out = new Set<string>();
  for (const f of result.findings) if (f.severity !== 'info') out.add(f.category);
  if (result.customer.escalate) out.add('escalate');
  return out;
}

export function readCorpus(file: string): CorpusItem[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      try {
        return JSON.parse(line) as CorpusItem;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function spanOverlapped(reply: string, span: { label: string; text: string }, findings: Finding[]): boolean {
  let from = reply.indexOf(span.text);
  if (from < 0) return false;
  while (from >= 0) {
    const to = from + span.text.length;
    if (findings.some((f) => f.category === span.label && f.severity !== 'info' && f.start < to && f.end > from)) return true;
    from = reply.indexOf(span.text, from + 1);
  }
  return false;
}

export function scoreCorpus(items: CorpusItem[], file = '', engine: Engine = 'combined'): EvalReport {
  const counts = new Map<EvalLabel, { tp: number; fp: number; fn: number; support: number }>();
  for (const l of EVAL_LABELS) counts.set(l, { tp: 0, fp: 0, fn: 0, support: 0 });
  let clean = 0;
  let cleanFlagged = 0;
  let spans = 0;
  let spanHits = 0;
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    const result = analyze({ reply: item.reply, customer: item.customer, channel: item.channel }, { engine });
    const predicted = predictedLabels(result);
    const gold = new Set(item.labels);
    const outcome: ItemOutcome = {
      id: item.id,
      gold: [...gold],
      predicted: [...predicted],
      falsePositives: [],
      falseNegatives: [],
      missedSpans: [],
    };
    for (const label of EVAL_LABELS) {
      const c = counts.get(label)!;
      const g = gold.has(label);
      const p = predicted.has(label);
      if (g) c.support++;
      if (g && p) c.tp++;
      else if (p) {
        c.fp++;
        outcome.falsePositives.push(label);
      } else if (g) {
        c.fn++;
        outcome.falseNegatives.push(label);
      }
    }
    if (gold.size === 0) {
      clean++;
      if (predicted.size > 0) cleanFlagged++;
    }
    for (const span of item.spans ?? []) {
      spans++;
      if (spanOverlapped(item.reply, span, result.findings)) spanHits++;
      else outcome.missedSpans.push(span);
    }
    outcomes.push(outcome);
  }
  const labels: LabelScore[] = EVAL_LABELS.map((label) => {
    const c = counts.get(label)!;
    const precision = ratio(c.tp, c.tp + c.fp);
    const recall = ratio(c.tp, c.tp + c.fn);
    return { label, precision, recall, f1: f1Of(precision, recall), ...c };
  });
  const tp = labels.reduce((s, l) => s + l.tp, 0);
  const fp = labels.reduce((s, l) => s + l.fp, 0);
  const fn = labels.reduce((s, l) => s + l.fn, 0);
  const microP = ratio(tp, tp + fp);
  const microR = ratio(tp, tp + fn);
  const withSupport = labels.filter((l) => l.support > 0);
  return {
    file,
    engine,
    items: items.length,
    labels,
    micro: { precision: microP, recall: microR, f1: f1Of(microP, microR) },
    macroF1: ratio(
      withSupport.reduce((s, l) => s + l.f1, 0),
      withSupport.length,
    ),
    falseFlagRate: ratio(cleanFlagged, clean),
    cleanReplies: clean,
    spanHitRate: ratio(spanHits, spans),
    spans,
    outcomes,
  };
}

export async function runEval(file: string, opts: { json?: boolean; errors?: boolean; engine?: Engine } = {}): Promise<EvalReport> {
  const report = scoreCorpus(readCorpus(file), file, opts.engine);
  const print = (s: string) => process.stdout.write(s + '\n');
  if (opts.json) {
    print(JSON.stringify(report, null, 2));
  } else {
    print(formatReport(report, opts.errors ?? false));
  }
  return report;
}

const pct = (x: number) => x.toFixed(3);

export function formatReport(report: EvalReport, withErrors = false): string {
  const lines: string[] = [];
  lines.push(`${report.file}: ${report.items} replies (engine: ${report.engine})`);
  lines.push('label              precision  recall     f1  support   tp  fp  fn');
  for (const l of report.labels) {
    lines.push(
      `${l.label.padEnd(18)} ${pct(l.precision).padStart(9)} ${pct(l.recall).padStart(7)} ${pct(l.f1).padStart(6)} ${String(l.support).padStart(8)} ${String(l.tp).padStart(4)} ${String(l.fp).padStart(3)} ${String(l.fn).padStart(3)}`,
    );
  }
  lines.push(
    `micro              ${pct(report.micro.precision).padStart(9)} ${pct(report.micro.recall).padStart(7)} ${pct(report.micro.f1).padStart(6)}`,
  );
  lines.push(`macro F1 (labels with support): ${pct(report.macroF1)}`);
  lines.push(
    `false flags on clean replies: ${pct(report.falseFlagRate)} (${Math.round(report.falseFlagRate * report.cleanReplies)}/${report.cleanReplies})`,
  );
  lines.push(
    `gold spans overlapped by a same-category finding: ${pct(report.spanHitRate)} (${Math.round(report.spanHitRate * report.spans)}/${report.spans})`,
  );
  if (withErrors) {
    for (const o of report.outcomes) {
      if (o.falsePositives.length === 0 && o.falseNegatives.length === 0 && o.missedSpans.length === 0) continue;
      const parts = [];
      if (o.falsePositives.length) parts.push(`FP ${o.falsePositives.join(',')}`);
      if (o.falseNegatives.length) parts.push(`FN ${o.falseNegatives.join(',')}`);
      if (o.missedSpans.length) parts.push(`missed spans ${o.missedSpans.map((s) => `${s.label}:"${s.text}"`).join(' ')}`);
      lines.push(`  ${o.id}: ${parts.join(' | ')}`);
    }
  }
  return lines.join('\n');
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npx tsx scripts/eval.ts FILE.jsonl [--json] [--errors] [--engine=rules|model|combined]\n');
    process.exit(2);
  }
  const engine = (args.find((a) => a.startsWith('--engine='))?.slice(9) ?? 'combined') as Engine;
  runEval(file, { json: args.includes('--json'), errors: args.includes('--errors'), engine }).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

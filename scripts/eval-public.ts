// Proxies on public labeled data (../shared/data, read at run time, never
// copied), each beside the `sentiment` package alone as a baseline:
//   politeness AUC (Stanford politeness, top vs bottom quartile),
//   sarcasm precision/recall (iSarcasmEval, TweetEval irony),
//   empathy detection (EPITOME emotional reactions),
//   customer-upset AUC (complaints),
//   false-flag rate on healthy UCC comments.
//
//   npm run eval:public [-- --json] [-- --data DIR] [-- --limit N]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Sentiment from 'sentiment';
import { analyze } from '../analyzers/index.ts';
import { readCustomer } from '../analyzers/customer.ts';
import { readDraft } from '../analyzers/text/draft.ts';
import { readReplyMoves } from '../analyzers/missing.ts';
import { scorePoliteness } from '../analyzers/tone.ts';
import { toneScores } from '../analyzers/model/index.ts';
import { isarcasmHeldOut } from './training/corpus.ts';

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as objects keyed by the header line. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Area under the ROC curve (Mann–Whitney U, ties count half). */
export function auc(scores: number[], labels: boolean[]): number {
  const items = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let pos = 0;
  for (let i = 0; i < items.length; ) {
    let j = i;
    while (j < items.length && items[j].s === items[i].s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (items[k].y) (rankSumPos += avgRank), pos++;
    i = j;
  }
  const neg = items.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface PR {
  precision: number;
  recall: number;
  f1: number;
}

export function precisionRecall(predicted: boolean[], gold: boolean[]): PR {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  predicted.forEach((p, i) => {
    if (p && gold[i]) tp++;
    else if (p) fp++;
    else if (gold[i]) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** A fixed, seeded sample so runs are comparable and bounded in time. */
function sample<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, limit);
}

const sentiment = new Sentiment();
const afinnScore = (text: string) => sentiment.analyze(text).score;

export interface Metric {
  name: string;
  dataset: string;
  n: number;
  ours: Record<string, number>;
  /** The same measure with the phrase rules alone (no tone model), where it applies. */
  rulesOnly?: Record<string, number>;
  baseline: Record<string, number>;
  note: string;
}

const flagged = (text: string, category?: string, engine: 'rules' | 'combined' = 'combined') =>
  analyze({ reply: text }, { engine }).findings.some((f) => f.severity !== 'info' && (category === undefined || f.category === category));

function politeness(dir: string): Metric {
  const rows = csvRecords(readFileSync(`${dir}/politeness/wikipedia.annotated.csv`, 'utf8'));
  const scored = rows.map((r) => ({ text: r.Request, gold: Number(r['Normalized Score']) })).filter((r) => Number.isFinite(r.gold));
  const sorted = scored.map((r) => r.gold).sort((a, b) => a - b);
  const q1 = sorted[Math.floor(sorted.length / 4)];
  const q3 = sorted[Math.floor((sorted.length * 3) / 4)];
  const ends = scored.filter((r) => r.gold <= q1 || r.gold >= q3);
  const labels = ends.map((r) => r.gold >= q3);
  return {
    name: 'politeness AUC (top vs bottom quartile)',
    dataset: 'politeness/wikipedia.annotated.csv',
    n: ends.length,
    ours: { auc: auc(ends.map((r) => scorePoliteness(readDraft(r.text))), labels) },
    baseline: { auc: auc(ends.map((r) => afinnScore(r.text)), labels) },
    note: 'tone.scorePoliteness vs AFINN score',
  };
}

function sarcasmMetric(name: string, dataset: string, items: { text: string; gold: boolean }[]): Metric {
  const gold = items.map((i) => i.gold);
  return {
    name,
    dataset,
    n: items.length,
    ours: { ...precisionRecall(items.map((i) => flagged(i.text, 'sarcasm')), gold) },
    rulesOnly: { ...precisionRecall(items.map((i) => flagged(i.text, 'sarcasm', 'rules')), gold) },
    baseline: { ...precisionRecall(items.map((i) => afinnScore(i.text) < 0), gold) },
    note: 'sarcasm finding (warning/error) vs "AFINN score < 0"',
  };
}

function isarcasm(dir: string, limit: number): Metric {
  const rows = csvRecords(readFileSync(`${dir}/isarcasm/train.En.csv`, 'utf8'));
  const items = sample(rows.filter((r) => r.tweet && (r.sarcastic === '0' || r.sarcastic === '1')), limit).map((r) => ({ text: r.tweet, gold: r.sarcastic === '1' }));
  return sarcasmMetric('sarcasm P/R', 'isarcasm/train.En.csv', items);
}

function irony(dir: string, limit: number): Metric {
  const items: { text: string; gold: boolean }[] = [];
  for (const split of ['train', 'val']) {
    const texts = readFileSync(`${dir}/tweeteval/irony/${split}_text.txt`, 'utf8').split('\n');
    const labels = readFileSync(`${dir}/tweeteval/irony/${split}_labels.txt`, 'utf8').split('\n');
    texts.forEach((t, i) => {
      if (t.trim() && labels[i]?.trim()) items.push({ text: t.trim(), gold: labels[i].trim() === '1' });
    });
  }
  return sarcasmMetric('irony P/R', 'tweeteval/irony (train+val)', sample(items, limit));
}

/**
 * iSarcasmEval pairs: a sarcastic tweet and its author's literal rephrase; the
 * sarcastic one should score higher. Only the rows the tone model never
 * trained on (scripts/training/corpus.ts keeps one row in five out).
 */
function isarcasmPairs(dir: string): Metric {
  const [header, ...rows] = parseCsv(readFileSync(`${dir}/isarcasm/train.En.csv`, 'utf8'));
  const col = (name: string) => header.indexOf(name);
  const pairs = rows.filter((r, i) => isarcasmHeldOut(i) && r[col('sarcastic')] === '1' && r[col('tweet')] && r[col('rephrase')]).map((r) => [r[col('tweet')], r[col('rephrase')]]);
  const accuracy = (score: (text: string) => number) =>
    pairs.reduce((sum, [sarcastic, plain]) => {
      const a = score(sarcastic);
      const b = score(plain);
      return sum + (a > b ? 1 : a === b ? 0.5 : 0);
    }, 0) / pairs.length;
  return {
    name: 'sarcasm pair accuracy (sarcastic tweet scored above its literal rephrase)',
    dataset: 'isarcasm/train.En.csv, the fifth of rows held out of training',
    n: pairs.length,
    ours: { accuracy: accuracy((t) => toneScores(t).sarcasm ?? 0) },
    rulesOnly: { accuracy: accuracy((t) => (flagged(t, 'sarcasm', 'rules') ? 1 : 0)) },
    baseline: { accuracy: accuracy((t) => -afinnScore(t)) },
    note: 'tone model sarcasm probability vs a rule flag (ties count half) vs negated AFINN score',
  };
}

function epitome(dir: string): Metric {
  const rows = csvRecords(readFileSync(`${dir}/epitome/emotional-reactions-reddit.csv`, 'utf8'));
  const items = rows.filter((r) => r.response_post && /^[012]$/.test(r.level));
  const gold = items.map((r) => r.level !== '0');
  const ours = items.map((r) => {
    const moves = readReplyMoves(readDraft(r.response_post));
    // As in missing.ts for a customer who is not furious: a sincere apology also acknowledges the feeling.
    return moves.empathy !== undefined || moves.apology !== undefined;
  });
  return {
    name: 'empathy detection P/R',
    dataset: 'epitome/emotional-reactions-reddit.csv (level >= 1)',
    n: items.length,
    ours: { ...precisionRecall(ours, gold) },
    baseline: { ...precisionRecall(items.map((r) => afinnScore(r.response_post) > 0), gold) },
    note: 'empathy cue in the response vs "AFINN score > 0"',
  };
}

function complaints(dir: string): Metric {
  const rows = parseCsv(readFileSync(`${dir}/complaints/complaints-data.csv`, 'utf8')).filter((r) => r.length >= 3 && (r[2] === '0' || r[2] === '1'));
  const labels = rows.map((r) => r[2] === '1');
  const read = rows.map((r) => readCustomer(r[1]));
  const problem = precisionRecall(read.map((c) => c.hasProblem === true), labels);
  const negative = precisionRecall(rows.map((r) => afinnScore(r[1]) < 0), labels);
  return {
    name: 'customer-upset AUC, and complaint detection P/R',
    dataset: 'complaints/complaints-data.csv',
    n: rows.length,
    ours: { auc: auc(read.map((c) => c.upset), labels), problemPrecision: problem.precision, problemRecall: problem.recall },
    baseline: { auc: auc(rows.map((r) => -afinnScore(r[1])), labels), problemPrecision: negative.precision, problemRecall: negative.recall },
    note: 'readCustomer().upset and .hasProblem vs negated AFINN score and "AFINN score < 0"',
  };
}

const UNHEALTHY = ['antagonize', 'condescending', 'dismissive', 'generalisation', 'generalisation_unfair', 'hostile', 'sarcastic'];

function ucc(dir: string, limit: number): Metric {
  const rows = csvRecords(readFileSync(`${dir}/ucc/val.csv`, 'utf8'));
  const healthy = sample(rows.filter((r) => r.comment && UNHEALTHY.every((a) => Number(r[a]) === 0)), limit);
  const ours = healthy.filter((r) => flagged(r.comment)).length / healthy.length;
  const rulesOnly = healthy.filter((r) => flagged(r.comment, undefined, 'rules')).length / healthy.length;
  const base = healthy.filter((r) => afinnScore(r.comment) < 0).length / healthy.length;
  return {
    name: 'false-flag rate on healthy comments',
    dataset: 'ucc/val.csv (no unhealthy attribute)',
    n: healthy.length,
    ours: { falseFlagRate: ours },
    rulesOnly: { falseFlagRate: rulesOnly },
    baseline: { falseFlagRate: base },
    note: 'any warning/error phrase finding vs "AFINN score < 0" (lower is better)',
  };
}

function format(metrics: Metric[]): string {
  const fmt = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${Number.isFinite(v) ? v.toFixed(3) : 'n/a'}`).join(', ');
  return metrics
    .map((m) => `${m.name} — ${m.dataset}, n=${m.n}\n  Tactful:   ${fmt(m.ours)}${m.rulesOnly ? `\n  rules only: ${fmt(m.rulesOnly)}` : ''}\n  sentiment: ${fmt(m.baseline)}\n  (${m.note})`)
    .join('\n');
}

export function runPublicEval(dir: string, limit = 5000): Metric[] {
  const metrics: Metric[] = [];
  const tasks: [string, () => Metric][] = [
    ['politeness', () => politeness(dir)],
    ['isarcasm', () => isarcasm(dir, limit)],
    ['isarcasm pairs', () => isarcasmPairs(dir)],
    ['irony', () => irony(dir, limit)],
    ['epitome', () => epitome(dir)],
    ['complaints', () => complaints(dir)],
    ['ucc', () => ucc(dir, limit)],
  ];
  for (const [, task] of tasks) metrics.push(task());
  return metrics;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const dir = resolve(at('--data') ?? '../shared/data');
  if (!existsSync(dir)) {
    console.error(`No public data at ${dir} (expected ../shared/data relative to the repo root).`);
    process.exit(2);
  }
  const started = Date.now();
  const metrics = runPublicEval(dir, Number(at('--limit') ?? 5000));
  if (args.includes('--json')) console.log(JSON.stringify({ dataDir: dir, seconds: (Date.now() - started) / 1000, metrics }, null, 2));
  else console.log(format(metrics) + `\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

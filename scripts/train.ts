// Trains the on-device tone model (analyzers/model/) from the project's own
// labelled drafts (training/drafts/*.jsonl, written from training/BRIEF.md)
// and, when ../shared/data is present, the permissively licensed public sets
// its README allows in shipped weights (iSarcasmEval, MIT).
//
//   npm run train            writes analyzers/model/weights.json and prints validation figures
//   npm run train -- --check trains and validates without writing
//
// Reproducible: a fixed seed, files read in sorted order, no clock or random
// state; the same data gives the same bytes.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../analyzers/index.ts';
import { readDraft } from '../analyzers/text/draft.ts';
import { readCustomer } from '../analyzers/customer.ts';
import { PHRASE_CATEGORIES, type Category, type Channel } from '../analyzers/types.ts';
import { DIMENSION, FEATURE_VERSION, sentenceFeatures, type FeatureVector, type SentenceContext } from '../analyzers/model/features.ts';
import { encodeBase64, sigmoid, type LinearScorer, type ModelFile } from '../analyzers/model/classifier.ts';
import { sentenceContexts } from '../analyzers/model/index.ts';

const ROOT = join(import.meta.dirname, '..');
export const TRAINING_DIR = join(ROOT, 'training/drafts');
const SHARED_DATA = join(process.env.TACTFUL_SHARED ?? join(ROOT, '../shared'), 'data');
const WEIGHTS = join(ROOT, 'analyzers/model/weights.json');
const CATEGORIES = PHRASE_CATEGORIES as Category[];
const K = CATEGORIES.length;

export interface TrainingDraft {
  id: string;
  writer: string;
  voice?: string;
  channel: Channel;
  customer: string;
  reply: string;
  labels: string[];
  spans?: { label: string; text: string }[];
  hard_negatives?: { near: string; text: string }[];
}

export interface Example {
  vector: FeatureVector;
  /** One 0/1 per category. */
  y: Uint8Array;
  weight: number;
  /** Index of the draft it came from (-1 for public data). */
  draft: number;
  /** Index of the sentence within its draft's body. */
  sentence: number;
  group: string;
}

export function readTrainingDrafts(dir = TRAINING_DIR): TrainingDraft[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const out: TrainingDraft[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as Omit<TrainingDraft, 'writer'>;
      out.push({ ...d, writer: d.id.split('-')[0] });
    }
  }
  return out;
}

/** Character ranges of each labelled span in the reply (every occurrence). */
function spanRanges(d: TrainingDraft): { label: string; start: number; end: number }[] {
  const out: { label: string; start: number; end: number }[] = [];
  for (const s of d.spans ?? []) {
    if (!s.text) continue;
    for (let at = d.reply.indexOf(s.text); at >= 0; at = d.reply.indexOf(s.text, at + 1)) out.push({ label: s.label, start: at, end: at + s.text.length });
  }
  return out;
}

/** The sentences of a draft as training examples: a sentence carries a label when a span covers a real part of it. */
export function draftExamples(d: TrainingDraft, index: number): Example[] {
  const draft = readDraft(d.reply);
  const level = readCustomer(d.customer ?? '').level;
  const contexts = sentenceContexts(draft.sentences, level);
  const spans = spanRanges(d);
  return draft.sentences.map((s, i) => {
    const y = new Uint8Array(K);
    for (const span of spans) {
      const overlap = Math.min(s.end, span.end) - Math.max(s.start, span.start);
      if (overlap <= 0) continue;
      if (overlap >= 0.5 * (span.end - span.start) || overlap >= 0.4 * (s.end - s.start)) {
        const k = CATEGORIES.indexOf(span.label as Category);
        if (k >= 0) y[k] = 1;
      }
    }
    return { vector: sentenceFeatures(s.text, contexts[i]), y, weight: 1, draft: index, sentence: i, group: d.writer };
  });
}

/** iSarcasmEval (MIT): each sarcastic tweet with its author's literal rephrase, a matched pair. */
function publicExamples(): { examples: Example[]; sources: Record<string, unknown> } {
  const file = join(SHARED_DATA, 'isarcasm/train.En.csv');
  if (!existsSync(file)) return { examples: [], sources: {} };
  const rows = parseCsv(readFileSync(file, 'utf8'));
  const header = rows[0];
  const tweet = header.indexOf('tweet');
  const sarcastic = header.indexOf('sarcastic');
  const rephrase = header.indexOf('rephrase');
  const k = CATEGORIES.indexOf('sarcasm');
  const neutral: SentenceContext = { customerLevel: 'none', actionElsewhere: false, first: true, last: true };
  const examples: Example[] = [];
  for (const row of rows.slice(1)) {
    if (row[sarcastic] !== '1' || !row[tweet] || !row[rephrase]) continue;
    const pos = new Uint8Array(K);
    pos[k] = 1;
    examples.push({ vector: sentenceFeatures(row[tweet], neutral), y: pos, weight: PUBLIC_WEIGHT, draft: -1, sentence: 0, group: 'isarcasm' });
    examples.push({ vector: sentenceFeatures(row[rephrase], neutral), y: new Uint8Array(K), weight: PUBLIC_WEIGHT, draft: -1, sentence: 0, group: 'isarcasm' });
  }
  return { examples, sources: { 'isarcasm/train.En.csv (MIT), sarcastic rows and their rephrases': examples.length } };
}

/** Tweets are not replies to customers: they teach the move, with less say than in-domain drafts. */
const PUBLIC_WEIGHT = 0.3;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
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
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** mulberry32: a small seeded generator, so shuffles are the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 10, rate: 0.5, l2: 1e-5, seed: 20261203 };

/** A float model in training. */
export class FloatModel implements LinearScorer {
  readonly categories = CATEGORIES;
  constructor(
    readonly w: Float32Array,
    readonly bias: Float64Array,
  ) {}
  logits(v: FeatureVector): Float64Array {
    const out = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const base = k * DIMENSION;
      let z = this.bias[k];
      for (let i = 0; i < v.ids.length; i++) z += this.w[base + v.ids[i]] * v.values[i];
      out[k] = z;
    }
    return out;
  }
  weight(k: number, id: number): number {
    return this.w[k * DIMENSION + id];
  }
}

/** One-vs-rest logistic regression by AdaGrad SGD with L2 on the touched weights. */
export function train(examples: Example[], opts: TrainOptions = DEFAULT_TRAIN): FloatModel {
  const w = new Float32Array(K * DIMENSION);
  const g2 = new Float32Array(K * DIMENSION);
  const bias = new Float64Array(K);
  const b2 = new Float64Array(K);
  const order = examples.map((_, i) => i);
  const random = seeded(opts.seed);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const { vector, y, weight } = examples[idx];
      for (let k = 0; k < K; k++) {
        const base = k * DIMENSION;
        let z = bias[k];
        for (let i = 0; i < vector.ids.length; i++) z += w[base + vector.ids[i]] * vector.values[i];
        const grad = (sigmoid(z) - y[k]) * weight;
        if (Math.abs(grad) < 1e-4) continue;
        for (let i = 0; i < vector.ids.length; i++) {
          const at = base + vector.ids[i];
          const g = grad * vector.values[i] + opts.l2 * w[at];
          g2[at] += g * g;
          w[at] -= (opts.rate * g) / Math.sqrt(g2[at] + 1e-8);
        }
        b2[k] += grad * grad;
        bias[k] -= (opts.rate * grad) / Math.sqrt(b2[k] + 1e-8);
      }
    }
  }
  return new FloatModel(w, bias);
}

/** int8 weights with a scale per category: a quarter of the float size, scores within rounding. */
export function quantize(model: FloatModel): { bytes: Int8Array; scale: number[] } {
  const bytes = new Int8Array(K * DIMENSION);
  const scale: number[] = [];
  for (let k = 0; k < K; k++) {
    const base = k * DIMENSION;
    let max = 0;
    for (let i = 0; i < DIMENSION; i++) max = Math.max(max, Math.abs(model.w[base + i]));
    const s = max === 0 ? 1 : max / 127;
    scale.push(Number(s.toPrecision(8)));
    for (let i = 0; i < DIMENSION; i++) bytes[base + i] = Math.round(model.w[base + i] / s);
  }
  return { bytes, scale };
}

// ---- Choosing thresholds on held-out writers ---------------------------------

interface DraftView {
  gold: Set<string>;
  /** Per sentence, per category: a built-in rule fired there. */
  ruleHits: Uint8Array[];
  /** Draft-level categories the rules predict outside body sentences' reach (none today, kept for safety). */
  sentences: number;
}

/** What the rules alone say about each training draft, per sentence. */
export function ruleViews(drafts: TrainingDraft[]): DraftView[] {
  return drafts.map((d) => {
    const draft = readDraft(d.reply);
    const result = analyze({ reply: d.reply, customer: d.customer, channel: d.channel }, { engine: 'rules' });
    const hits = draft.sentences.map(() => new Uint8Array(K));
    for (const f of result.findings) {
      if (f.severity === 'info') continue;
      const k = CATEGORIES.indexOf(f.category);
      if (k < 0) continue;
      const i = draft.sentences.findIndex((s) => f.start >= s.start && f.start < s.end);
      if (i >= 0) hits[i][k] = 1;
    }
    return { gold: new Set(d.labels), ruleHits: hits, sentences: draft.sentences.length };
  });
}

type Probs = Float64Array[][]; // [draft][sentence] → per-category probability

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Draft-level counts for category k with a threshold and a veto level (or rules / model alone). */
export function draftCounts(views: DraftView[], probs: Probs, k: number, mode: 'rules' | 'model' | 'combined', threshold: number, veto: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let cleanFlagged = 0;
  let clean = 0;
  views.forEach((v, d) => {
    let predicted = false;
    for (let i = 0; i < v.sentences && !predicted; i++) {
      const p = probs[d][i][k];
      const rule = v.ruleHits[i][k] === 1;
      if (mode === 'rules') predicted = rule;
      else if (mode === 'model') predicted = p >= threshold;
      else predicted = rule ? p >= veto : p >= threshold;
    }
    const gold = v.gold.has(CATEGORIES[k]);
    if (predicted && gold) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
    if (v.gold.size === 0) {
      clean++;
      if (predicted) cleanFlagged++;
    }
  });
  return { tp, fp, fn, f1: f1(tp, fp, fn), cleanFlagRate: clean ? cleanFlagged / clean : 0 };
}

const THRESHOLDS = Array.from({ length: 15 }, (_, i) => Number((0.25 + i * 0.05).toFixed(2))).concat([0.97, 0.99]);
const VETOES = [0, 0.01, 0.02, 0.03, 0.05, 0.08];

/**
 * Good replies must stay quiet: across nine categories, each may add at most
 * this share of false flags on clean drafts over what the rules already raise.
 */
const MAX_ADDED_CLEAN_FLAGS = 0.006;

/** Per category, the threshold and veto that maximise combined draft-level F1 on out-of-fold scores. */
export function chooseSettings(views: DraftView[], probs: Probs) {
  const thresholds: Partial<Record<Category, number>> = {};
  const veto: Partial<Record<Category, number>> = {};
  for (let k = 0; k < K; k++) {
    let best = { f1: -1, t: 1, v: 0 };
    const rulesClean = draftCounts(views, probs, k, 'rules', 1, 0).cleanFlagRate;
    for (const t of THRESHOLDS) {
      for (const v of VETOES) {
        const { f1: score, cleanFlagRate } = draftCounts(views, probs, k, 'combined', t, v);
        if (cleanFlagRate > rulesClean + MAX_ADDED_CLEAN_FLAGS) continue;
        // Ties go to the stricter threshold and the milder veto: fewer surprises on unseen writers.
        if (score > best.f1 + 1e-9) best = { f1: score, t, v };
      }
    }
    // A model that adds nothing over the rules stays silent for that category.
    const rulesOnly = draftCounts(views, probs, k, 'rules', 1, 0).f1;
    if (best.f1 > rulesOnly + 0.005) thresholds[CATEGORIES[k]] = best.t;
    if (best.v > 0 && best.f1 > rulesOnly + 0.005) veto[CATEGORIES[k]] = best.v;
  }
  return { thresholds, veto };
}

/** Out-of-fold probabilities: each group's drafts scored by a model trained without that group. */
export function outOfFold(drafts: TrainingDraft[], examples: Example[], publicSet: Example[], foldOf: (d: TrainingDraft, i: number) => string, opts = DEFAULT_TRAIN): Probs {
  const probs: Probs = drafts.map(() => []);
  const folds = [...new Set(drafts.map(foldOf))].sort();
  for (const fold of folds) {
    const held = new Set(drafts.map((d, i) => (foldOf(d, i) === fold ? i : -1)).filter((i) => i >= 0));
    const model = train([...examples.filter((e) => !held.has(e.draft)), ...publicSet], opts);
    for (const e of examples) if (held.has(e.draft)) probs[e.draft][e.sentence] = model.logits(e.vector).map(sigmoid);
  }
  return probs;
}

function report(title: string, views: DraftView[], probs: Probs, settings: ReturnType<typeof chooseSettings>): string {
  const lines = [title, 'category        rules F1  model F1  combined F1  (threshold, veto)'];
  for (let k = 0; k < K; k++) {
    const c = CATEGORIES[k];
    const t = settings.thresholds[c] ?? 1.01;
    const v = settings.veto[c] ?? 0;
    const r = draftCounts(views, probs, k, 'rules', 1, 0).f1;
    const m = draftCounts(views, probs, k, 'model', settings.thresholds[c] ?? 0.5, 0).f1;
    const cb = draftCounts(views, probs, k, 'combined', t, v).f1;
    lines.push(`${c.padEnd(15)} ${r.toFixed(3).padStart(8)} ${m.toFixed(3).padStart(9)} ${cb.toFixed(3).padStart(12)}  (${settings.thresholds[c] ?? 'off'}, ${v})`);
  }
  return lines.join('\n');
}

function main(): void {
  const write = !process.argv.includes('--check');
  const drafts = readTrainingDrafts();
  if (drafts.length === 0) {
    process.stderr.write(`no training drafts in ${TRAINING_DIR}\n`);
    process.exit(2);
  }
  const examples = drafts.flatMap((d, i) => draftExamples(d, i));
  const pub = publicExamples();
  const positives = CATEGORIES.map((c, k) => `${c} ${examples.filter((e) => e.y[k]).length}`).join(', ');
  process.stdout.write(`${drafts.length} drafts, ${examples.length} sentences (${positives}); public examples ${pub.examples.length}\n`);

  const views = ruleViews(drafts);
  const writers = [...new Set(drafts.map((d) => d.writer))];
  // Thresholds come from writers the model did not see: the closest thing to a new user's drafts.
  const byWriter = outOfFold(drafts, examples, pub.examples, (d) => d.writer);
  const settings = chooseSettings(views, byWriter);
  process.stdout.write(report(`\nLeave-one-writer-out (${writers.length} writers), draft level:`, views, byWriter, settings) + '\n');

  const fiveFold = outOfFold(drafts, examples, pub.examples, (_, i) => String(i % 5));
  process.stdout.write(report('\n5-fold cross-validation (by draft), draft level, same thresholds:', views, fiveFold, settings) + '\n');

  const final = train([...examples, ...pub.examples]);
  const { bytes, scale } = quantize(final);
  const file: ModelFile = {
    featureVersion: FEATURE_VERSION,
    dimension: DIMENSION,
    categories: CATEGORIES,
    bias: Array.from(final.bias, (b) => Number(b.toPrecision(10))),
    scale,
    weights: encodeBase64(new Uint8Array(bytes.buffer)),
    thresholds: settings.thresholds,
    veto: settings.veto,
    trainedOn: {
      drafts: drafts.length,
      sentences: examples.length,
      writers: writers.length,
      voices: new Set(drafts.map((d) => d.voice)).size,
      public: pub.sources,
      options: DEFAULT_TRAIN,
    },
  };
  if (write) {
    writeFileSync(WEIGHTS, JSON.stringify(file) + '\n');
    process.stdout.write(`\nwrote ${WEIGHTS} (${(JSON.stringify(file).length / 1024).toFixed(0)} KB)\n`);
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) main();

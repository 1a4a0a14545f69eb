// Trains the on-device tone model (analyzers/model/, model card in its
// README.md) from the project's own labelled drafts (training/drafts/*.jsonl,
// written from training/BRIEF.md) and, when ../shared/data is present, the
// permissively licensed iSarcasmEval pairs its README allows in shipped weights.
//
//   npm run train              writes analyzers/model/weights.json, prints validation figures
//   npm run train -- --check   the same figures, writes nothing
//
// Reproducible: a fixed seed, files read in sorted order, no clock or random
// state; the same data gives the same bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDraft } from '../analyzers/text/draft.ts';
import { analyze } from '../analyzers/index.ts';
import { sigmoid, encodeBase64, type ModelFile, type ModelHead } from '../analyzers/model/classifier.ts';
import { DIMENSION, FEATURE_VERSION } from '../analyzers/model/features.ts';
import { MISSING_CATEGORIES, PHRASE_CATEGORIES, type Category } from '../analyzers/types.ts';
import { DEFAULT_TRAIN, quantize, train, type Example } from './training/logistic.ts';
import { ROOT, TRAINING_DIR, draftExample, engineInsertionExamples, goEmotionsCalmExamples, isarcasmExamples, readTrainingDrafts, sentenceExamples, verifierExamples, type TrainingDraft } from './training/corpus.ts';
import { MISSING_VETOES, PHRASE_VETOES, chooseSettings, formatComparison, type DraftScores, type Settings } from './training/thresholds.ts';

const WEIGHTS = join(ROOT, 'analyzers/model/weights.json');
const SENTENCE_CATEGORIES = PHRASE_CATEGORIES as readonly Category[];
const DRAFT_CATEGORIES = MISSING_CATEGORIES as readonly Category[];
/**
 * Each category may add at most this share of false flags on clean drafts over
 * the rules' own: the product's budget (at most 5% of good replies flagged)
 * split over its twelve categories.
 */
const MAX_ADDED_CLEAN_FLAGS = { sentence: 0.05 / 12, draft: 0.05 / 12 };

/** What the rules alone raise on each training draft: per sentence for phrase categories, per draft for missing pieces. */
function ruleHits(drafts: TrainingDraft[]): { sentence: Uint8Array[][]; draft: Uint8Array[] } {
  const sentence: Uint8Array[][] = [];
  const draft: Uint8Array[] = [];
  for (const d of drafts) {
    const sentences = readDraft(d.reply).sentences;
    const result = analyze({ reply: d.reply, customer: d.customer, channel: d.channel }, { engine: 'rules' });
    const hits = sentences.map(() => new Uint8Array(SENTENCE_CATEGORIES.length));
    const missing = new Uint8Array(DRAFT_CATEGORIES.length);
    for (const f of result.findings) {
      if (f.severity === 'info') continue;
      const k = SENTENCE_CATEGORIES.indexOf(f.category);
      const i = sentences.findIndex((s) => f.start >= s.start && f.start < s.end);
      if (k >= 0 && i >= 0) hits[i][k] = 1;
      const m = DRAFT_CATEGORIES.indexOf(f.category);
      if (m >= 0) missing[m] = 1;
    }
    sentence.push(hits);
    draft.push(missing);
  }
  return { sentence, draft };
}

/** Out-of-fold probabilities: each fold's drafts scored by a model trained without that fold. */
function outOfFold(categories: readonly Category[], drafts: TrainingDraft[], examples: Example[], extra: Example[], foldOf: (i: number) => string): Float64Array[][] {
  const probs: Float64Array[][] = drafts.map(() => []);
  for (const fold of [...new Set(drafts.map((_, i) => foldOf(i)))].sort()) {
    const model = train(categories, [...examples.filter((e) => foldOf(e.draft) !== fold), ...extra]);
    for (const e of examples) if (foldOf(e.draft) === fold) probs[e.draft][e.sentence] = model.logits(e.vector).map(sigmoid);
  }
  return probs;
}

function scores(drafts: TrainingDraft[], rule: Uint8Array[][], probs: Float64Array[][]): DraftScores[] {
  return drafts.map((d, i) => ({ gold: new Set(d.labels), weight: d.weight, rule: rule[i], probs: probs[i] }));
}

const VERIFIER_VETOES = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];

/**
 * Per category, the verifier floor under which a rule hit is dropped: the one
 * with the best draft-level F1 of the rules so filtered, on out-of-fold
 * verifier scores. Only a clear gain switches the verifier on for a category.
 */
function chooseVerifierVetoes(drafts: TrainingDraft[], hits: Example[], probs: Float64Array[][]): Partial<Record<Category, number>> {
  const out: Partial<Record<Category, number>> = {};
  SENTENCE_CATEGORIES.forEach((category, k) => {
    const f1At = (floor: number) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      const predicted = new Set<number>();
      for (const h of hits) if (h.mask?.[k] && probs[h.draft][h.sentence][k] >= floor) predicted.add(h.draft);
      drafts.forEach((d, i) => {
        const gold = d.labels.includes(category);
        if (predicted.has(i) && gold) tp += d.weight;
        else if (predicted.has(i)) fp += d.weight;
        else if (gold) fn += d.weight;
      });
      return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    };
    const base = f1At(0);
    let best = { f1: base + 0.005, floor: 0 };
    for (const floor of VERIFIER_VETOES) {
      const f1 = f1At(floor);
      if (f1 > best.f1) best = { f1, floor };
    }
    if (best.floor > 0) out[category] = best.floor;
  });
  return out;
}

/** A head of the shipped file. Categories the head is not used for ship as zeros, which gzip to nothing. */
function head(categories: readonly Category[], examples: Example[], settings: Settings, used: (c: Category) => boolean = () => true): ModelHead {
  const model = train(categories, examples);
  categories.forEach((c, k) => {
    if (!used(c)) model.w.fill(0, k * DIMENSION, (k + 1) * DIMENSION);
  });
  const { bytes, scale } = quantize(model);
  return {
    categories: [...categories],
    bias: Array.from(model.bias, (b) => Number(b.toPrecision(10))),
    scale,
    weights: encodeBase64(new Uint8Array(bytes.buffer)),
    thresholds: settings.thresholds,
    veto: settings.veto,
  };
}

function main(): void {
  const write = !process.argv.includes('--check');
  const print = (s: string) => process.stdout.write(s + '\n');
  const drafts = readTrainingDrafts();
  if (drafts.length === 0) {
    process.stderr.write(`no training drafts in ${TRAINING_DIR}\n`);
    process.exit(2);
  }
  const writers = [...new Set(drafts.map((d) => d.writer))].sort();
  const sentences = drafts.flatMap((d, i) => sentenceExamples(d, i, SENTENCE_CATEGORIES));
  const draftLevel = drafts.map((d, i) => draftExample(d, i, DRAFT_CATEGORIES));
  const isarcasm = isarcasmExamples(SENTENCE_CATEGORIES);
  const calm = goEmotionsCalmExamples(SENTENCE_CATEGORIES);
  const engine = engineInsertionExamples(drafts, SENTENCE_CATEGORIES);
  // Extra sentence examples beside the drafts: public sarcasm data and the engine's own inserted sentences.
  const extra = { examples: [...isarcasm.examples, ...calm.examples, ...engine.examples], source: [isarcasm.source, calm.source, engine.source].filter(Boolean).join('; ') || undefined };
  const positives = SENTENCE_CATEGORIES.map((c, k) => `${c} ${sentences.filter((e) => e.y[k]).length}`).join(', ');
  print(`${drafts.length} drafts by ${writers.length} writers, ${sentences.length} sentences (${positives}); public: ${extra.source ?? 'none (../shared/data absent)'}`);

  const rules = ruleHits(drafts);
  const byWriter = (i: number) => drafts[i].writer;
  const byDraft = (i: number) => String(i % 5);

  // Thresholds come from writers the model did not see: the closest thing to a new user's drafts.
  const sentenceOOF = scores(drafts, rules.sentence, outOfFold(SENTENCE_CATEGORIES, drafts, sentences, extra.examples, byWriter));
  const sentenceSettings = chooseSettings(sentenceOOF, SENTENCE_CATEGORIES, PHRASE_VETOES, MAX_ADDED_CLEAN_FLAGS.sentence);
  const draftRules = rules.draft.map((r) => [r]);
  const draftOOF = scores(drafts, draftRules, outOfFold(DRAFT_CATEGORIES, drafts, draftLevel, [], byWriter));
  const draftSettings = chooseSettings(draftOOF, DRAFT_CATEGORIES, MISSING_VETOES, MAX_ADDED_CLEAN_FLAGS.draft);
  print(formatComparison(`\nLeave-one-writer-out (${writers.length} writers), draft-level F1:`, sentenceOOF, SENTENCE_CATEGORIES, sentenceSettings, 'combined'));
  print(formatComparison('', draftOOF, DRAFT_CATEGORIES, draftSettings, 'combined').split('\n').slice(2).join('\n'));

  const hits = drafts.flatMap((d, i) => verifierExamples(d, i, SENTENCE_CATEGORIES));
  const verifierVeto = chooseVerifierVetoes(drafts, hits, outOfFold(SENTENCE_CATEGORIES, drafts, hits, [], byWriter));
  print(`\nVerifier: ${hits.length} rule hits; drops a hit below ${JSON.stringify(verifierVeto)}`);

  const sentence5 = scores(drafts, rules.sentence, outOfFold(SENTENCE_CATEGORIES, drafts, sentences, extra.examples, byDraft));
  const draft5 = scores(drafts, draftRules, outOfFold(DRAFT_CATEGORIES, drafts, draftLevel, [], byDraft));
  print(formatComparison('\n5-fold cross-validation (folds by draft), draft-level F1, same thresholds:', sentence5, SENTENCE_CATEGORIES, sentenceSettings, 'combined'));
  print(formatComparison('', draft5, DRAFT_CATEGORIES, draftSettings, 'combined').split('\n').slice(2).join('\n'));

  const file: ModelFile = {
    featureVersion: FEATURE_VERSION,
    dimension: DIMENSION,
    sentence: head(SENTENCE_CATEGORIES, [...sentences, ...extra.examples], sentenceSettings),
    draft: head(DRAFT_CATEGORIES, draftLevel, draftSettings),
    verifier: head(SENTENCE_CATEGORIES, hits, { thresholds: {}, veto: verifierVeto }, (c) => verifierVeto[c] !== undefined),
    trainedOn: {
      drafts: drafts.length,
      sentences: sentences.length,
      writers: writers.length,
      voices: new Set(drafts.map((d) => d.voice)).size,
      public: extra.source ?? 'none',
      options: DEFAULT_TRAIN,
    },
  };
  if (write) {
    const text = JSON.stringify(file) + '\n';
    writeFileSync(WEIGHTS, text);
    print(`\nwrote ${WEIGHTS} (${(text.length / 1024).toFixed(0)} KB)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

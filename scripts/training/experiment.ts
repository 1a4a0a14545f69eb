// Compares training settings by threshold-free sentence-level average precision
// on held-out writers (not part of npm run train; for choosing DEFAULT_TRAIN).
//   npx tsx scripts/training/experiment.ts
import { sigmoid } from '../../analyzers/model/classifier.ts';
import { featureSwitches } from '../../analyzers/model/features.ts';
import { PHRASE_CATEGORIES, type Category } from '../../analyzers/types.ts';
import { DEFAULT_TRAIN, train, type Example, type TrainOptions } from './logistic.ts';
import { isarcasmExamples, readTrainingDrafts, sentenceExamples } from './corpus.ts';

const CATS = PHRASE_CATEGORIES as readonly Category[];

function averagePrecision(scores: number[], gold: number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let sum = 0;
  const pos = gold.reduce((a, b) => a + b, 0);
  order.forEach((i, rank) => {
    if (gold[i]) {
      tp++;
      sum += tp / (rank + 1);
    }
  });
  return pos ? sum / pos : 0;
}

export function heldOutAP(examples: Example[], extra: Example[], groupOf: (e: Example) => string, opts: TrainOptions): number[] {
  const scores: number[][] = CATS.map(() => []);
  const gold: number[][] = CATS.map(() => []);
  for (const g of [...new Set(examples.map(groupOf))].sort()) {
    const model = train(CATS, [...examples.filter((e) => groupOf(e) !== g), ...extra], opts);
    for (const e of examples) {
      if (groupOf(e) !== g) continue;
      const p = model.logits(e.vector).map(sigmoid);
      CATS.forEach((_, k) => {
        scores[k].push(p[k]);
        gold[k].push(e.y[k]);
      });
    }
  }
  return CATS.map((_, k) => averagePrecision(scores[k], gold[k]));
}

const drafts = readTrainingDrafts();
const writers = [...new Set(drafts.map((d) => d.writer))].sort();
// Writers in four groups: four trainings per setting instead of one per writer.
const writerOf = (e: Example) => String(writers.indexOf(drafts[e.draft].writer) % 4);
const variants: [string, Partial<typeof featureSwitches>][] = [
  ['baseline', { neighbours: false }],
  ['neighbours', { neighbours: true, neighbourWeight: 0.25 }],
  ['neighbours.6', { neighbours: true, neighbourWeight: 0.6 }],
];
for (const [name, switches] of variants.filter(([n]) => !process.argv[2] || process.argv.slice(2).includes(n))) {
  Object.assign(featureSwitches, switches);
  const examples = drafts.flatMap((d, i) => sentenceExamples(d, i, CATS));
  const sarcasm = isarcasmExamples(CATS).examples;
  const ap = heldOutAP(examples, sarcasm, writerOf, DEFAULT_TRAIN);
  const mean = ap.reduce((a, b) => a + b, 0) / ap.length;
  console.log(`${name.padEnd(14)} mean AP ${mean.toFixed(3)}  ${CATS.map((c, k) => `${c.slice(0, 6)} ${ap[k].toFixed(2)}`).join(' ')}`);
}

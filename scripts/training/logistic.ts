// One-vs-rest logistic regression over hashed features, trained by AdaGrad
// SGD with a seeded shuffle: the same examples give the same weights, byte for byte.
import { DIMENSION, type FeatureVector } from '../../analyzers/model/features.ts';
import { sigmoid, type LinearScorer } from '../../analyzers/model/classifier.ts';
import type { Category } from '../../analyzers/types.ts';

export interface Example {
  vector: FeatureVector;
  /** One 0/1 per category of the head. */
  y: Uint8Array;
  weight: number;
  /** Index of the draft it came from (-1 for public data). */
  draft: number;
  /** Index of the sentence within its draft's body (0 for draft-level examples). */
  sentence: number;
  /** When set, only the categories marked 1 learn from this example (a rule hit speaks only for its own category). */
  mask?: Uint8Array;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 10, rate: 0.5, l2: 1e-3, seed: 20261203 };

/** mulberry32: a small seeded generator, so shuffles are the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A float model in training. */
export class FloatModel implements LinearScorer {
  constructor(
    readonly categories: readonly Category[],
    readonly w: Float32Array,
    readonly bias: Float64Array,
  ) {}
  logits(v: FeatureVector): Float64Array {
    const out = new Float64Array(this.categories.length);
    for (let k = 0; k < out.length; k++) {
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

export function train(categories: readonly Category[], examples: Example[], opts: TrainOptions = DEFAULT_TRAIN): FloatModel {
  const K = categories.length;
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
      const { vector, y, weight, mask } = examples[idx];
      for (let k = 0; k < K; k++) {
        if (mask && !mask[k]) continue;
        const base = k * DIMENSION;
        let z = bias[k];
        for (let i = 0; i < vector.ids.length; i++) z += w[base + vector.ids[i]] * vector.values[i];
        const grad = (sigmoid(z) - y[k]) * weight;
        if (Math.abs(grad) < 1e-4) continue;
        for (let i = 0; i < vector.ids.length; i++) {
          const at = base + vector.ids[i];
          // L2 only on the weights this example touches: a full pass over 2^16 buckets per step would dominate.
          const g = grad * vector.values[i] + opts.l2 * w[at];
          g2[at] += g * g;
          w[at] -= (opts.rate * g) / Math.sqrt(g2[at] + 1e-8);
        }
        b2[k] += grad * grad;
        bias[k] -= (opts.rate * grad) / Math.sqrt(b2[k] + 1e-8);
      }
    }
  }
  return new FloatModel(categories, w, bias);
}

/** int8 weights with a scale per category: a quarter of the float size, scores within rounding. */
export function quantize(model: FloatModel): { bytes: Int8Array; scale: number[] } {
  const K = model.categories.length;
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

// The on-device tone model: one logistic regression per phrase category over
// the hashed features of features.ts. Weights are a generated artifact
// (weights.json, built by `npm run train`), stored as int8 with a scale per
// category so the background bundle stays small.
import type { Category } from '../types.ts';
import { DIMENSION, FEATURE_VERSION, type FeatureVector } from './features.ts';

/** One classifier of the model: logistic regressions for some categories over one feature space. */
export interface ModelHead {
  categories: Category[];
  bias: number[];
  /** Per category: int8 weight × scale = weight. */
  scale: number[];
  /** base64 of int8[categories.length × dimension], category-major. */
  weights: string;
  /** Probability at or above which the head reports its category. */
  thresholds: Partial<Record<Category, number>>;
  /** Probability below which a rule hit in that category is judged harmless and dropped. */
  veto: Partial<Record<Category, number>>;
}

export interface ModelFile {
  featureVersion: number;
  dimension: number;
  /** Phrase categories, scored per sentence (features.ts). */
  sentence: ModelHead;
  /** Missing pieces, scored per draft (draft-features.ts). */
  draft: ModelHead;
  /** Whether a phrase rule's hit is right, per category (verifier-features.ts); only its veto floors are used. */
  verifier: ModelHead;
  /** Provenance, for the model card. */
  trainedOn?: Record<string, unknown>;
}

/** What a scorer needs: weights per category, readable one bucket at a time. */
export interface LinearScorer {
  categories: readonly Category[];
  /** Logit of each category for the vector. */
  logits(vector: FeatureVector): Float64Array;
  /** Weight of one bucket for category index k. */
  weight(k: number, id: number): number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Scores with int8 weights decoded from one head of a model file. */
export class QuantizedModel implements LinearScorer {
  readonly categories: readonly Category[];
  private readonly w: Int8Array;
  private readonly scale: Float64Array;
  private readonly bias: Float64Array;
  private readonly dim: number;

  constructor(file: ModelFile, head: ModelHead) {
    if (file.featureVersion !== FEATURE_VERSION || file.dimension !== DIMENSION) {
      throw new Error(`tone model was trained for features v${file.featureVersion}/${file.dimension}; the engine has v${FEATURE_VERSION}/${DIMENSION}: run npm run train`);
    }
    this.categories = head.categories;
    this.dim = file.dimension;
    this.scale = Float64Array.from(head.scale);
    this.bias = Float64Array.from(head.bias);
    const bytes = decodeBase64(head.weights);
    this.w = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (this.w.length !== this.categories.length * this.dim) throw new Error('tone model weights have the wrong size');
  }

  logits(vector: FeatureVector): Float64Array {
    const out = new Float64Array(this.categories.length);
    for (let k = 0; k < out.length; k++) {
      const base = k * this.dim;
      let z = 0;
      for (let i = 0; i < vector.ids.length; i++) z += this.w[base + vector.ids[i]] * vector.values[i];
      out[k] = this.bias[k] + z * this.scale[k];
    }
    return out;
  }

  weight(k: number, id: number): number {
    return this.w[k * this.dim + id] * this.scale[k];
  }
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * The readable features that pushed category k up most, strongest first:
 * the words an explanation can quote. Character n-grams have no readable name.
 */
export function drivingWords(model: LinearScorer, k: number, vector: FeatureVector, limit = 3): string[] {
  if (!vector.names) return [];
  const contributions = new Map<string, number>();
  for (let i = 0; i < vector.ids.length; i++) {
    const name = vector.names[i];
    if (!/^[wbt]:/.test(name)) continue;
    const words = name.slice(2).replace(/<\/?s>/g, '').trim();
    if (!/\p{L}/u.test(words)) continue;
    const c = model.weight(k, vector.ids[i]) * vector.values[i];
    if (c > 0) contributions.set(words, (contributions.get(words) ?? 0) + c);
  }
  const ranked = [...contributions.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  // A bigram that contains a stronger unigram already says it; keep the longer, readable phrase.
  const out: string[] = [];
  for (const w of ranked) {
    if (out.length >= limit) break;
    if (out.some((o) => o.includes(w) || w.includes(o))) {
      const i = out.findIndex((o) => w.includes(o));
      if (i >= 0) out[i] = w;
      continue;
    }
    out.push(w);
  }
  return out;
}

// Chooses each category's threshold (and, for phrase categories, the veto
// floor under which a rule hit is dropped) on out-of-fold scores from writers
// the model did not see, at the level the product is judged: whole drafts.
import type { Category } from '../../analyzers/types.ts';

/** Per draft: gold labels, and per sentence and category whether a rule fired and the model's probability. */
export interface DraftScores {
  gold: Set<string>;
  /** How much the draft counts. */
  weight: number;
  /** [sentence][k]: a rule of category k fired in the sentence (sentence head) or on the draft (draft head, one row). */
  rule: Uint8Array[];
  /** [sentence][k]: out-of-fold probability. */
  probs: Float64Array[];
}

export type Mode = 'rules' | 'model' | 'combined';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  f1: number;
  /** Share of clean drafts (no gold label at all) that got this category. */
  cleanFlagRate: number;
}

export function draftCounts(drafts: DraftScores[], category: Category, k: number, mode: Mode, threshold: number, veto = 0): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let clean = 0;
  let cleanFlagged = 0;
  for (const d of drafts) {
    let predicted = false;
    for (let i = 0; i < d.probs.length && !predicted; i++) {
      const p = d.probs[i][k];
      const rule = d.rule[i][k] === 1;
      if (mode === 'rules') predicted = rule;
      else if (mode === 'model') predicted = p >= threshold;
      else predicted = rule ? p >= veto : p >= threshold;
    }
    const gold = d.gold.has(category);
    if (predicted && gold) tp += d.weight;
    else if (predicted) fp += d.weight;
    else if (gold) fn += d.weight;
    if (d.gold.size === 0) {
      clean += d.weight;
      if (predicted) cleanFlagged += d.weight;
    }
  }
  return { tp, fp, fn, f1: tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn), cleanFlagRate: clean ? cleanFlagged / clean : 0 };
}

const THRESHOLDS = Array.from({ length: 15 }, (_, i) => Number((0.25 + i * 0.05).toFixed(2))).concat([0.97, 0.99]);
/** Veto floors tried for phrase rules (a rule hit is usually right) and for missing pieces (the rules' reading of need is coarser). */
export const PHRASE_VETOES = [0, 0.01, 0.02, 0.03, 0.05, 0.08];
export const MISSING_VETOES = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];

export interface Settings {
  thresholds: Partial<Record<Category, number>>;
  veto: Partial<Record<Category, number>>;
}

/**
 * Per category, the threshold (and veto) with the best draft-level F1 whose
 * false flags on clean drafts exceed the rules' own by at most
 * `maxAddedCleanFlags`: good replies must stay quiet across all categories.
 * A category where the model adds nothing over the rules is left to the rules.
 */
export function chooseSettings(drafts: DraftScores[], categories: readonly Category[], vetoes: readonly number[], maxAddedCleanFlags: number): Settings {
  const settings: Settings = { thresholds: {}, veto: {} };
  categories.forEach((category, k) => {
    const rules = draftCounts(drafts, category, k, 'rules', 1);
    let best = { f1: -1, t: 1, v: 0 };
    for (const t of THRESHOLDS) {
      for (const v of vetoes) {
        if (v > t) continue;
        const c = draftCounts(drafts, category, k, 'combined', t, v);
        if (c.cleanFlagRate > rules.cleanFlagRate + maxAddedCleanFlags) continue;
        if (c.f1 > best.f1 + 1e-9) best = { f1: c.f1, t, v };
      }
    }
    if (best.f1 <= rules.f1 + 0.005) return;
    settings.thresholds[category] = best.t;
    if (best.v > 0) settings.veto[category] = best.v;
  });
  return settings;
}

export function formatComparison(title: string, drafts: DraftScores[], categories: readonly Category[], settings: Settings, mode: Mode): string {
  const lines = [title, 'category            rules F1  model F1  combined F1  threshold  veto'];
  categories.forEach((category, k) => {
    const t = settings.thresholds[category];
    const r = draftCounts(drafts, category, k, 'rules', 1).f1;
    const m = draftCounts(drafts, category, k, 'model', t ?? 0.5).f1;
    const c = t === undefined ? r : draftCounts(drafts, category, k, mode, t, settings.veto[category] ?? 0).f1;
    lines.push(`${category.padEnd(19)} ${r.toFixed(3).padStart(8)} ${m.toFixed(3).padStart(9)} ${c.toFixed(3).padStart(12)} ${String(t ?? 'rules').padStart(10)} ${String(settings.veto[category] ?? '-').padStart(5)}`);
  });
  return lines.join('\n');
}

// How the reply sounds, in words ("Firm, a little defensive; no apology
// yet"), from the findings and the politeness score. The raw score alone
// swings with word choice; the findings say what the customer will notice,
// so they pull the reading down. Pure: no DOM.
import type { Category, Finding, Severity } from '../analyzers/types.ts';

export type ToneWord = 'Warm' | 'Friendly' | 'Neutral' | 'Firm' | 'Cold' | 'Hostile';

export interface ToneSummary {
  /** The one-line reading shown beside the meter. */
  text: string;
  word: ToneWord;
  /** -1..1: the politeness score pulled down by what was flagged; what the meter shows. */
  reading: number;
}

/** How each kind of flag makes the reply sound. */
const QUALITY: Partial<Record<Category, string>> = {
  defensive: 'defensive',
  blame: 'blaming',
  sarcasm: 'sarcastic',
  dismissive: 'dismissive',
  non_apology: 'grudging',
  policy_shield: 'bureaucratic',
  overpromise: 'over-promising',
  shouting: 'loud',
  insult: 'contemptuous',
};

const MISSING: Partial<Record<Category, string>> = {
  missing_empathy: 'empathy',
  missing_apology: 'apology',
  missing_next_step: 'next step',
};

/** How much one flag of each severity pulls the reading down. */
const WEIGHT: Record<Severity, number> = { error: 0.35, warning: 0.2, info: 0.05 };

function toneWord(reading: number): ToneWord {
  if (reading >= 0.45) return 'Warm';
  if (reading >= 0.15) return 'Friendly';
  if (reading > -0.15) return 'Neutral';
  if (reading > -0.45) return 'Firm';
  if (reading > -0.75) return 'Cold';
  return 'Hostile';
}

const listInWords = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/**
 * @param findings the findings still shown (ignored ones left out)
 * @param politeness the engine's -1..1 score
 */
export function summarizeTone(findings: readonly Omit<Finding, 'suggestions'>[], politeness: number): ToneSummary {
  const phrase = findings.filter((f) => QUALITY[f.category]);
  // Two judges (rules and the tone model) may flag the same words: count each span once.
  const spans = new Map<string, Omit<Finding, 'suggestions'>>();
  for (const f of phrase) {
    const key = `${f.start}-${f.end}`;
    const seen = spans.get(key);
    if (!seen || WEIGHT[f.severity] > WEIGHT[seen.severity]) spans.set(key, f);
  }
  const pull = [...spans.values()].reduce((sum, f) => sum + WEIGHT[f.severity], 0);
  const base = Math.max(-1, Math.min(1, Number.isFinite(politeness) ? politeness : 0));
  const reading = Math.max(-1, base - pull);
  const word = toneWord(reading);

  // The two qualities that weigh most, each with how strongly it shows.
  const weight = new Map<string, { sum: number; count: number; first: number }>();
  for (const f of phrase) {
    const q = QUALITY[f.category]!;
    const w = weight.get(q) ?? { sum: 0, count: 0, first: f.start };
    weight.set(q, { sum: w.sum + WEIGHT[f.severity], count: w.count + 1, first: Math.min(w.first, f.start) });
  }
  const qualities = [...weight.entries()]
    .sort((a, b) => b[1].sum - a[1].sum || a[1].first - b[1].first)
    .slice(0, 2)
    .map(([q, w]) => (w.sum >= 0.6 ? `very ${q}` : w.sum >= 0.35 ? q : `a little ${q}`));
  const missing = findings
    .filter((f) => MISSING[f.category] && f.severity !== 'info')
    .map((f) => MISSING[f.category]!)
    .filter((m, i, all) => all.indexOf(m) === i);

  const head = [word, ...qualities].join(', ');
  const tail = missing.length ? `no ${listInWords(missing)} yet` : '';
  return { text: tail ? `${head}; ${tail}` : head, word, reading };
}

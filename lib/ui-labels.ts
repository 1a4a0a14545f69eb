// Words the pages show for engine values, so severity and category are
// always readable as text (color is never the only signal).
import type { Category, Severity } from '../analyzers/types.ts';

export const CATEGORY_LABELS: Record<Category, string> = {
  defensive: 'Defensive',
  blame: 'Blaming the customer',
  sarcasm: 'Sarcasm',
  dismissive: 'Dismissive',
  non_apology: 'Non-apology',
  policy_shield: 'Hiding behind policy',
  overpromise: 'Over-promising',
  shouting: 'Shouting',
  insult: 'Insult',
  missing_empathy: 'Missing empathy',
  missing_apology: 'Missing apology',
  missing_next_step: 'Missing next step',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Hint' };

export function upsetLabel(upset: number): string {
  if (upset >= 0.75) return 'Very upset';
  if (upset >= 0.45) return 'Upset';
  if (upset >= 0.2) return 'A little annoyed';
  return 'Calm';
}

export function toneLabel(politeness: number): string {
  if (politeness <= -0.4) return 'Harsh';
  if (politeness < 0) return 'Cool';
  if (politeness < 0.4) return 'Neutral';
  return 'Warm';
}

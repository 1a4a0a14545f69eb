// How a finding is worded to the agent, on the in-page card and in the side
// panel: a plain title, one sentence of advice ("Why") without the playbook's
// internal references, and buttons that say what they change. Pure: no DOM.
import type { Category, Finding, Suggestion } from '../analyzers/types.ts';

/** What the finding is about, as a short heading an agent reads at a glance. */
export const PLAIN_TITLES: Record<Category, string> = {
  defensive: 'Sounds defensive',
  blame: 'Shifts the blame',
  sarcasm: 'Sounds sarcastic',
  dismissive: 'Brushes the problem off',
  non_apology: 'Not a real apology',
  policy_shield: 'Hides behind policy',
  overpromise: 'Promises too much',
  shouting: 'Reads as shouting',
  insult: 'Sounds contemptuous',
  missing_empathy: 'No empathy yet',
  missing_apology: 'No apology yet',
  missing_next_step: 'No next step yet',
};

/** One sentence of advice per category: what to do instead, in plain words. */
const ADVICE: Record<Category, string> = {
  defensive: 'Even when the customer is wrong, proving it makes things worse: say what you found and what you will do.',
  blame: 'Own the problem instead of finding whose fault it was, and say what you will do about it.',
  sarcasm: 'Say it plainly: irony and mock politeness read as mockery to an upset customer.',
  dismissive: 'Take the problem as seriously as the customer does, and never tell them how to feel.',
  non_apology: 'Apologize for what happened, not for how they feel, and don’t take it back with a “but”.',
  policy_shield: 'If the answer is no, say so honestly and offer what you can do instead.',
  overpromise: 'Promise only what you control and can deliver.',
  shouting: 'Capitals and stacked punctuation read as a raised voice; write in normal case.',
  insult: 'Describe the problem, not the person: labels are what the customer will remember.',
  missing_empathy: 'Show you understand how this affects them before you explain anything.',
  missing_apology: 'Say sorry for their experience; an apology does not admit fault.',
  missing_next_step: 'Say exactly what happens next and when, so they know it is moving.',
};

const MAX_QUOTE = 60;

/** The flagged words, shortened at a word boundary for a heading. */
export function quotePhrase(text: string, max = MAX_QUOTE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The finding's plain heading. */
export function findingTitle(f: Pick<Finding, 'category'>): string {
  return PLAIN_TITLES[f.category];
}

/** Team phrases carry the team's own note; built-in rules cite the playbook, which users never see. */
const isTeamPhrase = (f: Pick<Finding, 'ruleId'>) => f.ruleId.startsWith('custom/');

/**
 * "Why", as one sentence of advice. Built-in rules get their category's
 * advice; a team phrase says what the team prefers.
 */
export function whyAdvice(f: Pick<Finding, 'ruleId' | 'category' | 'rationale'> & { suggestions?: readonly Suggestion[] }): string {
  if (isTeamPhrase(f)) {
    const prefer = f.suggestions?.find((s) => s.replacement.trim())?.replacement.trim();
    return prefer ? `Your team prefers “${prefer}” here.` : 'Your team asked to avoid this phrase.';
  }
  return ADVICE[f.category];
}

/** Removes internal references such as "(002 §6, 004)" or "Playbook B, blame-shifting:" from engine text. */
export function withoutCodes(text: string): string {
  return text
    .replace(/Playbook [A-D](\.\d+(–\d+)?)?(,[^:(]*)?(\s*\([^)]*\))?\s*:\s*/g, '')
    .replace(/\s*\((?:[0-9]{3}(?:\s*§\s*\d+)?(?:,\s*)?|Playbook[^)]*|and [A-D])+\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

export interface ButtonText {
  /** What the change does ("Own it for the team"). */
  label: string;
  /** The words the text will gain (trimmed of what stays the same), or what it loses. */
  change: string;
  kind: 'replace' | 'remove' | 'insert';
}

const MAX_CHANGE = 180;
const words = (s: string) => s.split(/(\s+)/).filter((w) => w !== '');
const realWords = (list: string[]) => list.filter((w) => w.trim()).length;

/**
 * The button for one suggestion: its label plus the new words. Words the
 * replacement shares with the flagged text at its start or end are left out
 * (shown as "…"), so options that only differ at the end read differently.
 */
export function suggestionButtonText(reply: string, finding: Finding, s: Suggestion): ButtonText {
  const ranged = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start! <= s.end!;
  const start = ranged ? s.start! : finding.start;
  const end = ranged ? s.end! : finding.end;
  const before = reply.slice(start, end);
  const label = s.label.trim();
  if (!s.replacement.trim()) {
    return { label: label || 'Remove', change: `removes “${quotePhrase(before, 80)}”`, kind: 'remove' };
  }
  if (start === end) return { label: label || 'Add', change: clip(s.replacement.trim()), kind: 'insert' };
  const a = words(before);
  const b = words(s.replacement);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // Only a shared run of a few words is worth leaving out ("That's" alone is not).
  if (realWords(b.slice(0, head)) < 3) head = 0;
  if (realWords(b.slice(b.length - tail)) < 3) tail = 0;
  // A change of a word or two keeps a little context before it so it still reads as a phrase.
  let from = head;
  while (from > 0 && realWords(b.slice(from, b.length - tail)) < 4) from--;
  const middle = b.slice(from, b.length - tail).join('').trim();
  const change = middle ? `${from > 0 ? '…' : ''}${middle}${tail > 0 ? '…' : ''}` : s.replacement.trim();
  return { label: label || 'Replace', change: clip(change), kind: 'replace' };
}

function clip(text: string): string {
  if (text.length <= MAX_CHANGE) return text;
  const cut = text.slice(0, MAX_CHANGE - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_CHANGE / 2))}…`;
}

/**
 * The card's button text when the card knows only the finding (its `text`),
 * not the whole analyzed reply: a suggestion that reaches past the flagged
 * words then shows its whole replacement.
 */
export function cardButtonText(finding: Finding, s: Suggestion, reply?: string): ButtonText {
  if (reply !== undefined) return suggestionButtonText(reply, finding, s);
  const ranged = Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start !== finding.start || s.end !== finding.end);
  const flagged = finding.text ?? '';
  if (!ranged) return suggestionButtonText(`${' '.repeat(finding.start)}${flagged}`, { ...finding, end: finding.start + flagged.length }, s);
  const label = s.label.trim();
  if (!s.replacement.trim()) return { label: label || 'Remove', change: 'removes the sentence', kind: 'remove' };
  return { label: label || 'Replace', change: clip(s.replacement.trim()), kind: 'replace' };
}

/** The card's heading for a finding: its plain title and the words it is about. */
export function cardHeading(finding: Finding): string {
  const words = finding.text?.trim();
  return words ? `${findingTitle(finding)}: “${quotePhrase(words, 48)}”` : findingTitle(finding);
}

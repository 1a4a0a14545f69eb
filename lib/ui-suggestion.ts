// What one suggestion's Apply button writes, and how the button previews it.
// A suggestion replaces the finding's span, or its own `start`/`end` range
// when a natural rewrite has to reach past the flagged words.
import type { Finding, Suggestion } from '../analyzers/types.ts';
import type { TextEdit } from './messages.ts';

type RangedSuggestion = Suggestion & { start?: number; end?: number };

function rangeOf(finding: Pick<Finding, 'start' | 'end'>, s: RangedSuggestion): { start: number; end: number } {
  const ranged = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start! <= s.end!;
  return ranged ? { start: s.start!, end: s.end! } : { start: finding.start, end: finding.end };
}

export function suggestionEdit(reply: string, finding: Pick<Finding, 'start' | 'end'>, s: RangedSuggestion): TextEdit {
  const { start, end } = rangeOf(finding, s);
  return { start, end, expected: reply.slice(start, end), replacement: s.replacement };
}

const MAX_PREVIEW = 100;

/**
 * The sentence as it would read after Apply (the replacement with the rest of
 * its sentence around it), so options with the same label can be told apart
 * and a replacement that ends mid-word ("W" + "e cannot…") reads naturally.
 */
export function suggestionPreview(reply: string, finding: Pick<Finding, 'start' | 'end'>, s: RangedSuggestion): string {
  if (finding.start === finding.end) return s.replacement.trim();
  const { start, end } = rangeOf(finding, s);
  if (!s.replacement.trim()) return `remove “${reply.slice(start, end).trim()}”`;
  const before = reply.slice(0, start);
  const sentenceStart = Math.max(before.search(/[^.!?\n]*$/), 0);
  const after = reply.slice(end);
  const stop = after.search(/[.!?\n]/);
  // A replacement that closes its own sentence ends the preview: the next sentence is not part of it.
  const closes = /[.!?…]["'’”)]*$/.test(s.replacement.trim());
  const tail = closes ? '' : stop < 0 ? after : after.slice(0, after[stop] === '\n' ? stop : stop + 1);
  const text = `${before.slice(sentenceStart)}${s.replacement}${tail}`.replace(/\s+/g, ' ').trim();
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}

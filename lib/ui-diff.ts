// The suggested reply as a diff against the draft, and the TextEdits that
// apply all of it or one change of it. Pure: no DOM, no browser APIs.
import type { TextEdit } from './messages.ts';

/** One change proposed by `suggestReply`, against the draft it was computed from. */
export interface ProposedEdit {
  start: number;
  end: number;
  replacement: string;
  reason?: string;
}

export type DiffSegment =
  | { kind: 'same'; text: string }
  | { kind: 'change'; index: number; removed: string; added: string; reason: string };

/**
 * Keeps the edits that can be applied to `reply`: inside the text, sorted, not
 * overlapping, and actually changing something. A malformed edit is dropped
 * rather than guessed at, so a diff never shows text the apply would not write.
 */
export function usableEdits(reply: string, edits: readonly ProposedEdit[]): ProposedEdit[] {
  const sorted = [...edits]
    .filter((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end >= e.start && e.end <= reply.length)
    .filter((e) => reply.slice(e.start, e.end) !== e.replacement)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: ProposedEdit[] = [];
  for (const edit of sorted) {
    const previous = kept[kept.length - 1];
    // Two inserts at the same point are fine; anything else that overlaps is not.
    if (previous && edit.start < previous.end) continue;
    kept.push(edit);
  }
  return kept;
}

/** The draft cut into unchanged text and numbered changes (numbers index `usableEdits`). */
export function diffSegments(reply: string, edits: readonly ProposedEdit[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let cursor = 0;
  usableEdits(reply, edits).forEach((edit, index) => {
    if (edit.start > cursor) segments.push({ kind: 'same', text: reply.slice(cursor, edit.start) });
    segments.push({
      kind: 'change',
      index,
      removed: reply.slice(edit.start, edit.end),
      added: edit.replacement,
      reason: edit.reason ?? '',
    });
    cursor = edit.end;
  });
  if (cursor < reply.length) segments.push({ kind: 'same', text: reply.slice(cursor) });
  return segments;
}

/** The TextEdit for one proposed change. */
export function editForOne(reply: string, edit: ProposedEdit): TextEdit {
  return { start: edit.start, end: edit.end, expected: reply.slice(edit.start, edit.end), replacement: edit.replacement };
}

/**
 * One TextEdit covering every change, from the first change's start to the
 * last one's end, so the whole suggestion is a single undo step in the editor.
 * Null when there is nothing to change.
 */
export function editForAll(reply: string, edits: readonly ProposedEdit[]): TextEdit | null {
  const usable = usableEdits(reply, edits);
  if (usable.length === 0) return null;
  const start = usable[0].start;
  const end = usable[usable.length - 1].end;
  let replacement = '';
  let cursor = start;
  for (const edit of usable) {
    replacement += reply.slice(cursor, edit.start) + edit.replacement;
    cursor = edit.end;
  }
  replacement += reply.slice(cursor, end);
  return { start, end, expected: reply.slice(start, end), replacement };
}

/** `reply` with every usable edit applied (what the editor will hold after "Accept all"). */
export function applyEdits(reply: string, edits: readonly ProposedEdit[]): string {
  const all = editForAll(reply, edits);
  return all ? reply.slice(0, all.start) + all.replacement + reply.slice(all.end) : reply;
}

/**
 * The smallest single edit turning `from` into `to` (common prefix and suffix
 * kept), used for whole-text rewrites such as an on-device polish.
 */
export function spanEdit(from: string, to: string): TextEdit | null {
  if (from === to) return null;
  let prefix = 0;
  const max = Math.min(from.length, to.length);
  while (prefix < max && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  const start = prefix;
  const end = from.length - suffix;
  return { start, end, expected: from.slice(start, end), replacement: to.slice(start, to.length - suffix) };
}

// An unfilled placeholder: a short bracketed word or phrase like [time],
// [date], [amount] or [order number] that the writer has to fill in.
const PLACEHOLDER = /\[[A-Za-z][A-Za-z _-]{0,30}\]/g;

export interface TextPart {
  text: string;
  placeholder: boolean;
}

/** Splits text so placeholders can be highlighted (rendered as text nodes, never HTML). */
export function splitPlaceholders(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    if (at > cursor) parts.push({ text: text.slice(cursor, at), placeholder: false });
    parts.push({ text: match[0], placeholder: true });
    cursor = at + match[0].length;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), placeholder: false });
  return parts;
}

/** The distinct placeholders an edit would write, so the user can be asked first. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(splitPlaceholders(text).filter((p) => p.placeholder).map((p) => p.text))];
}

// Sentence clean-up after a phrase is removed or replaced: no doubled spaces or
// commas, no dangling "but"/"so" at the edges, a capital at the start and one
// closing mark at the end.

const LEADING_JOINERS = /^(?:[,;:.!?—–-]\s*|(?:and|but|so|because|which|that|however|though|although|then|also|anyway|plus)(?![\w'’])[,\s]*)+/i;
// Not "with": "someone you shared your login with" ends on its preposition, and cutting it garbles the sentence.
const TRAILING_JOINERS = /(?:[,;:—–-]\s*|\s+(?:and|but|so|because|which|that|however|though|although|or|then|as|since|since then))+\s*$/i;

export function capitalizeFirst(s: string): string {
  return s.replace(/^(\W*)(\p{Ll})/u, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

export function lowerFirst(s: string): string {
  // Keep "I", names and acronyms: only lower a plain capitalized word.
  return s.replace(/^(\p{Lu})(\p{Ll}*)(?=\b|')/u, (m, c: string, rest: string) => (m === 'I' ? m : c.toLowerCase() + rest));
}

/** The closing mark a sentence ends with ("" when none). A scan from the end: a regex anchored at `$` is quadratic on long "????" runs. */
export function endMark(sentence: string): string {
  let end = sentence.length;
  while (end > 0 && /\s/.test(sentence[end - 1])) end--;
  let i = end;
  while (i > 0 && /["'’”)]/.test(sentence[i - 1])) i--;
  const closers = i;
  while (i > 0 && /[.!?…]/.test(sentence[i - 1])) i--;
  return i === closers ? '' : sentence.slice(i, end);
}

/** Tidies a sentence fragment into a sentence; returns '' when no words are left. */
export function tidySentence(raw: string, fallbackEnd = '.'): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(/\s+([,.;:!?])/g, '$1').replace(/([,;:])(?:\s*[,;:])+/g, '$1').replace(/\(\s*\)/g, '');
  s = s.replace(/,\s*([.!?])/g, '$1');
  for (let i = 0; i < 3; i++) {
    s = s.replace(LEADING_JOINERS, '').trim();
    const closing = endMark(s);
    let core = closing ? s.slice(0, s.length - closing.length).trim() : s;
    core = core.replace(TRAILING_JOINERS, '').trim();
    s = core + (core ? closing : '');
  }
  if (!/[\p{L}\p{N}]/u.test(s)) return '';
  s = s.replace(/([!?])\1+/g, '$1').replace(/\.{2,}(?!\.)/g, '.');
  if (!/[.!?…]["'’”)]*$/.test(s)) s += fallbackEnd;
  return capitalizeFirst(s);
}

/** Removes [start, end) from a sentence and tidies what is left. */
export function removeRange(sentence: string, start: number, end: number): string {
  let before = sentence.slice(0, start);
  let after = sentence.slice(end);
  // A parenthetical phrase ("The refund, as I said, takes…") takes both of its commas with it.
  if (/[,;—–-]\s*$/.test(before) && /^\s*[,;—–-]/.test(after)) {
    before = before.replace(/[,;—–-]\s*$/, '');
    after = after.replace(/^\s*[,;—–-]/, '');
  }
  const left = before;
  const right = /\S/.test(left) ? after : after.replace(/^\s*[,;:—–-]\s*/, '');
  return tidySentence(`${left} ${right}`, endMark(sentence) || '.');
}

export function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;
}

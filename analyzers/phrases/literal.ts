// A team phrase ("avoid" text from the options page or a team pack) as a regular
// expression that matches exactly that text: every character is literal, so no
// phrase can run as a pattern or a raw regex (a `re:` phrase once did, and one
// with nested quantifiers stalled the shared worker for over a minute).
import { LETTER } from './pattern.ts';

/** Longest team phrase, in characters; longer text is not a phrase. */
export const MAX_PHRASE_CHARS = 200;

const APOSTROPHES = "['’‘]";
const QUOTES = '["“”]';
const HYPHENS = '[-‐]';

function literalChar(ch: string): string {
  if (ch === "'" || ch === '’' || ch === '‘') return APOSTROPHES;
  if (ch === '"' || ch === '“' || ch === '”') return QUOTES;
  if (ch === '-' || ch === '‐') return HYPHENS;
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The source of a case-insensitive regex for one phrase: its words in order, any run of
 * whitespace between them, straight and curly quotes alike, whole words at both ends.
 * Undefined for an empty or over-long phrase. Matching is linear: no quantifier but \s+.
 */
export function literalPhraseSource(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || phrase.length > MAX_PHRASE_CHARS) return undefined;
  let source = words.map((w) => [...w].map(literalChar).join('')).join('\\s+');
  const letter = new RegExp(`[${LETTER}]`);
  if (letter.test(words[0][0])) source = `(?<![${LETTER}])${source}`;
  if (letter.test(words.at(-1)!.at(-1)!)) source = `${source}(?![${LETTER}])`;
  return source;
}

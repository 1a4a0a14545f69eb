// Mechanical faults a splice leaves behind and no reader forgives: a closing
// mark followed by a comma ("frustrating., it's"), a four-word run said twice,
// a sentence starting in lower case, a doubled word. Cheap string checks, so
// the gate runs them on every candidate; the test-time judge runs them too.
// Each problem names its words, so callers can keep only the ones an edit adds.

/** "had had", "that that", "so so" are English; any other repeated word is a splice error. */
export const DOUBLED_OK = new Set(['had', 'that', 'very', 'really', 'so', 'bye', 'no', 'ha', 'many', 'far', 'more']);

/** Abbreviations whose dot may be followed by a comma or a lower-case word ("e.g., the…", "approx. two"). */
const ABBREVIATION = /(?:^|[^\p{L}])(?:e\.g|i\.e|etc|vs|approx|incl|a\.m|p\.m|no|nr|st|dr|mr|mrs|ms|ref|min|max|dept|[\p{L}]\.[\p{L}])\.$/iu;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** A closing mark followed by a comma, semicolon or colon: "…is frustrating., it's only a small delay." */
function markThenComma(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[.!?…]+[,;:]/g)) {
    const i = m.index ?? 0;
    if (m[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1))) continue;
    out.push(`closing mark then "${m[0].slice(-1)}"`);
  }
  return out;
}

/** Every four-word run that occurs more than once, lower-cased: "i understand the delay" twice. */
function repeatedRuns(text: string): string[] {
  const words = (text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []).filter(Boolean);
  const seen = new Map<string, number>();
  for (let i = 0; i + 4 <= words.length; i++) {
    const run = words.slice(i, i + 4).join(' ');
    seen.set(run, (seen.get(run) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([run]) => `repeated "${run}"`);
}

/** Words that legitimately start lower case: brands ("iPhone"), addresses, handles. */
function lowerCaseWordIsFine(word: string): boolean {
  return /\p{Lu}/u.test(word.slice(1)) || /[@./:\d_]/.test(word);
}

/**
 * Sentences that start in lower case: after a closing mark and a space, or at
 * the start of a line. A line that continues a greeting on the line before
 * ("Hi Dana,\nthanks…") is the writer's style, not a sentence start.
 */
function lowerCaseStarts(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|(?<=[.!?…]["'’”)]*[ \t]+)|(?<=\n[ \t]*))(\p{Ll}[^\s]*)/gu)) {
    const i = m.index ?? 0;
    const word = m[1];
    if (lowerCaseWordIsFine(word)) continue;
    const before = text.slice(0, i);
    // "e.g. the", "approx. two", "..." trailing off: not a sentence end.
    const lastToken = /\S*$/.exec(before.trimEnd())?.[0] ?? '';
    if (/[.!?…]$/.test(before.trimEnd()) && (ABBREVIATION.test(lastToken) || /\.\.\.$|…$/.test(lastToken))) continue;
    if (/,[ \t]*\n[ \t]*$/.test(before)) continue;
    out.push(`lower-case sentence start "${word.replace(/[^\p{L}'’-]+$/u, '')}"`);
  }
  return out;
}

/** The same word twice in a row ("the the"), bar the few English allows. */
function doubledWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’])([\p{L}]+(?:['’][\p{L}]+)?)\s+\1(?![\p{L}\p{N}'’])/giu)) {
    if (!DOUBLED_OK.has(m[1].toLowerCase())) out.push(`doubled "${m[0].toLowerCase()}"`);
  }
  return out;
}

/** Every mechanical fault in `text`, one entry per occurrence. */
export function mechanicalProblems(text: string): string[] {
  return [...markThenComma(text), ...repeatedRuns(text), ...lowerCaseStarts(text), ...doubledWords(text)];
}

/** Faults `after` has beyond those `before` already had (a multiset difference: the writer's own slips are not the edit's). */
export function newMechanicalProblems(before: string, after: string): string[] {
  const had = mechanicalProblems(before);
  const out: string[] = [];
  for (const p of mechanicalProblems(after)) {
    const i = had.indexOf(p);
    if (i >= 0) had.splice(i, 1);
    else out.push(p);
  }
  return out;
}

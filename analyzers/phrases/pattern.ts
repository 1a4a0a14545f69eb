// The phrase pattern language of rules/*.yml, compiled to regular expressions.
//
//   word word        words in order; one space matches any run of whitespace
//   (a|b c|d)        alternatives (each may be several words, may nest)
//   [a|b]            optional (alternatives allowed inside)
//   {slot}           a named slot, see SLOTS below ("{you}", "{duty}", "{words?}", "{pct}")
//   word*            any word starting with "word" (apologi* → apologise, apologizes)
//   ,                an optional comma ("sorry, but" also matches "sorry but")
//   ' and "          any straight or curly single / double quote; "we ['ll|will]" also matches "we'll"
//   ?                not allowed (optional parts are [ ]); a literal "?" needs re:
//   re:<regex>       a raw JavaScript regular expression (advanced; no slots)
//
// Matching is case-insensitive (flags "gi") unless the rule says `case: sensitive`, and
// the whole pattern must start and end at word boundaries. Quantifiers are
// bounded so that a pathological sentence cannot make a pattern backtrack for long.

/** Inflected forms of actions a customer can be said to have failed to do (blame), not experiences (get, see, receive). */
const DUTY_VERBS = [
  'send sent sending sends', 'attach attached attaching', 'tell told telling', 'read reading reads',
  'follow followed following', 'check checked checking', 'click clicked clicking', 'enter entered entering',
  'fill filled filling', 'provide provided providing', 'mention mentioned mentioning', 'include included including',
  'update updated updating', 'confirm confirmed confirming', 'specify specified specifying', 'inform informed',
  'sign signed', 'submit submitted', 'upload uploaded', 'register registered', 'activate activated',
  'select selected', 'save saved', 'reply replied', 'respond responded', 'contact contacted', 'notify notified',
  'answer answered', 'install installed', 'verify verified', 'review reviewed', 'look looked', 'pay paid',
  'give gave given', 'write wrote written', 'ask asked', 'order ordered', 'set', 'double-check double-checked',
  'bother bothered', 'cancel cancelled canceled', 'report reported', 'choose chose chosen',
  'type typed', 'print printed', 'back backed', 'test tested', 'pick picked', 'let',
].flatMap((s) => s.split(' '));

/**
 * Letters and digits of English and the Latin-1/Extended-A/B blocks. Explicit
 * ranges instead of \p{L}: with the "i" flag, V8 takes hundreds of milliseconds
 * to compile Unicode property classes across ~150 patterns.
 */
export const LETTER = 'A-Za-z0-9\\u00C0-\\u024F';
const WORD = `[${LETTER}][${LETTER}'’-]*`;

/** Named slots. A slot ending in "?" may match nothing. */
export const SLOTS: Record<string, string> = {
  you: '(?:you|u|ya)',
  we: '(?:we|i|our team|us)',
  not: "(?:not|never|n['’]t)",
  be: "(?:is|are|was|were|['’]s|['’]re)",
  n: '\\d+(?:[.,]\\d+)?',
  pct: '\\d+(?:[.,]\\d+)?\\s?%',
  word: WORD,
  duty: `(?:${DUTY_VERBS.join('|')})`,
  q: '[\'"‘’“”]',
  words: `${WORD}(?:[\\s,]+${WORD}){0,5}`,
  'words?': `${WORD}(?:[\\s,]+${WORD}){0,5}`,
  'word?': WORD,
  party:
    '(?:courier|carrier|driver|post office|postal service|warehouse|supplier|manufacturer|bank|partner|vendor|third[ -]party|contractor|developer|developers|other team|dev team|it team|billing team|sales team|shipping company|delivery company|airline|hotel)',
};

type Token =
  | { kind: 'text'; value: string }
  | { kind: 'space' }
  | { kind: 'group'; alternatives: Token[][]; optional: boolean }
  | { kind: 'slot'; name: string };

class PatternError extends Error {}

function escapeChar(ch: string): string {
  if (ch === "'" || ch === '’' || ch === '‘') return APOSTROPHE;
  if (ch === '"' || ch === '“' || ch === '”') return '["“”]';
  if (ch === ',') return ',?';
  if (ch === '-') return '[-‐]';
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Parses a pattern into tokens; `stop` is the closing bracket we expect, if inside a group. */
function parse(src: string, pos: { i: number }, stop?: ')' | ']'): Token[][] {
  const alternatives: Token[][] = [[]];
  let current = alternatives[0];
  while (pos.i < src.length) {
    const ch = src[pos.i];
    if (ch === ')' || ch === ']') {
      if (ch !== stop) throw new PatternError(`unexpected "${ch}" at ${pos.i}`);
      pos.i++;
      return alternatives;
    }
    if (ch === '|') {
      if (!stop) throw new PatternError('"|" is only allowed inside ( ) or [ ]');
      current = [];
      alternatives.push(current);
      pos.i++;
      continue;
    }
    if (ch === '(' || ch === '[') {
      pos.i++;
      const inner = parse(src, pos, ch === '(' ? ')' : ']');
      current.push({ kind: 'group', alternatives: inner, optional: ch === '[' });
      continue;
    }
    if (ch === '{') {
      const close = src.indexOf('}', pos.i);
      if (close < 0) throw new PatternError(`unclosed "{" at ${pos.i}`);
      const name = src.slice(pos.i + 1, close);
      if (!(name in SLOTS)) throw new PatternError(`unknown slot {${name}}`);
      current.push({ kind: 'slot', name });
      pos.i = close + 1;
      continue;
    }
    if (/\s/.test(ch)) {
      while (pos.i < src.length && /\s/.test(src[pos.i])) pos.i++;
      if (current.length > 0 && current[current.length - 1].kind !== 'space') current.push({ kind: 'space' });
      continue;
    }
    if (ch === '?') throw new PatternError('"?" is not part of the pattern language: write optional parts as [ ], or use re:');
    if (ch === '*') {
      current.push({ kind: 'text', value: `[${LETTER}'’-]*` });
      pos.i++;
      continue;
    }
    current.push({ kind: 'text', value: escapeChar(ch) });
    pos.i++;
  }
  if (stop) throw new PatternError(`missing "${stop}"`);
  return alternatives;
}

/** Tokens that may match nothing absorb one neighbouring space, so "a [b] c" matches "a c". */
function mayBeEmpty(t: Token): boolean {
  return (t.kind === 'group' && t.optional) || (t.kind === 'slot' && t.name.endsWith('?'));
}

const APOSTROPHE = "['’‘]";

/** Whether a token can begin with an apostrophe ("'s", "'ll"): the space before it may then be absent ("that's", "we'll"). */
function startsWithApostrophe(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind === 'text') return t.value === APOSTROPHE;
  if (t.kind === 'group') return t.alternatives.some((alt) => startsWithApostrophe(alt[0]));
  return false;
}

function emit(tokens: Token[]): string {
  let out = '';
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'space') {
      out += startsWithApostrophe(tokens[k + 1]) ? '\\s*' : '\\s+';
      continue;
    }
    if (t.kind === 'text') {
      out += t.value;
      continue;
    }
    const body =
      t.kind === 'slot' ? `(?:${SLOTS[t.name]})` : `(?:${t.alternatives.map(emit).join('|')})`;
    if (!mayBeEmpty(t)) {
      out += body;
      continue;
    }
    const standsAlone = k === 0 || tokens[k - 1].kind === 'space';
    if (!standsAlone) {
      out += `${body}?`; // attached to the word before it: "happen[s]"
    } else if (tokens[k + 1]?.kind === 'space') {
      out += `(?:${body}\\s+)?`;
      k++; // the following space is inside the optional part
    } else if (out.endsWith('\\s+')) {
      out = `${out.slice(0, -3)}(?:\\s+${body})?`;
    } else {
      out += `${body}?`;
    }
  }
  return out;
}

const WORD_CHAR = /[A-Za-z0-9\u00C0-\u024F]/;

/** First and last literal characters decide whether word-boundary guards apply. */
function edgeIsWord(src: string, end: boolean): boolean {
  const trimmed = src.trim();
  const ch = end ? trimmed[trimmed.length - 1] : trimmed[0];
  if (!ch) return false;
  if (ch === ')' || ch === ']' || ch === '}' || ch === '(' || ch === '[' || ch === '{' || ch === '*') return true;
  return WORD_CHAR.test(ch);
}

/** Compiles one pattern to a RegExp source (flags: "gu" + "i" unless case-sensitive). */
export function compilePattern(pattern: string): string {
  if (pattern.startsWith('re:')) {
    const source = pattern.slice(3).trim();
    new RegExp(source, 'gi'); // throws on a bad regex, at build time
    return source;
  }
  const tokens = parse(pattern.trim(), { i: 0 });
  let source = emit(tokens[0]);
  if (edgeIsWord(pattern, false)) source = `(?<![${LETTER}])${source}`;
  if (edgeIsWord(pattern, true)) source = `${source}(?![${LETTER}])`;
  new RegExp(source, 'gi');
  return source;
}

/**
 * Word beginnings a sentence must contain for the pattern to possibly match:
 * the literal letters of one required part of it, each the start of a word
 * (words are runs of ASCII letters and digits, lower case). Lets the matcher
 * skip most of ~750 regexes per sentence with a few set lookups. Undefined
 * when no required part is a plain literal (raw re: patterns, slots only).
 */
export function patternTriggers(pattern: string): string[] | undefined {
  if (pattern.startsWith('re:')) return undefined;
  let tokens: Token[][];
  try {
    tokens = parse(pattern.trim(), { i: 0 });
  } catch {
    return undefined;
  }
  const set = sequenceTriggers(tokens[0], true);
  return set ? [...new Set([...set].map((w) => w.slice(0, MAX_TRIGGER)))] : undefined;
}

/** Triggers and word beginnings are cut to this length: a 20,000-letter "word" must not cost 20,000 lookups of growing keys. */
const MAX_TRIGGER = 10;

const isLetter = (t: Token): boolean => t.kind === 'text' && /^[A-Za-z0-9]$/.test(t.value);
/** A token after which the next letter starts a word: a space, or punctuation that is not the "*" wildcard. */
const endsWord = (t: Token) => t.kind === 'space' || (t.kind === 'text' && !isLetter(t) && !t.value.endsWith(']*'));

/** The best trigger set among the required parts of a token sequence; `atStart`: the sequence begins a word. */
function sequenceTriggers(seq: Token[], atStart: boolean): Set<string> | undefined {
  let best: Set<string> | undefined;
  let bestScore = 0;
  const consider = (set: Set<string> | undefined) => {
    if (!set || set.size === 0) return;
    // Longer, fewer words say more about the sentence.
    const score = Math.min(...[...set].map((w) => w.length)) - set.size / 1000;
    if (score > bestScore) [best, bestScore] = [set, score];
  };
  let word = '';
  let wordStart = false;
  let boundary = atStart;
  for (const t of seq) {
    if (t.kind === 'text' && isLetter(t)) {
      if (word === '') wordStart = boundary;
      word += t.value;
      boundary = false;
      continue;
    }
    if (word.length >= 2 && wordStart) consider(new Set([word.toLowerCase()]));
    word = '';
    if (t.kind === 'group' && !t.optional) {
      const union = new Set<string>();
      let complete = true;
      for (const alt of t.alternatives) {
        const inner = sequenceTriggers(alt, boundary);
        if (!inner) {
          complete = false;
          break;
        }
        for (const w of inner) union.add(w);
      }
      if (complete) consider(union);
    }
    boundary = endsWord(t);
  }
  if (word.length >= 2 && wordStart) consider(new Set([word.toLowerCase()]));
  return best;
}

/** Every beginning (2+ characters) of every word of a sentence: what patternTriggers are looked up in. */
export function wordBeginnings(lowerText: string): Set<string> {
  const out = new Set<string>();
  for (const m of lowerText.matchAll(/[a-z0-9]{2,}/g)) {
    const w = m[0];
    for (let k = 2, n = Math.min(w.length, MAX_TRIGGER); k <= n; k++) out.add(w.slice(0, k));
  }
  return out;
}

/** No "u" flag: see LETTER. Emoji in re: patterns still match as surrogate pairs. */
export function patternFlags(caseSensitive: boolean): string {
  return caseSensitive ? 'g' : 'gi';
}

/** A plain phrase from a user ("per our policy") as a literal pattern, for custom phrases. */
export function literalPattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[()[\]{}|*]/g, ''))
    .filter(Boolean)
    .join(' ');
}

export { PatternError };

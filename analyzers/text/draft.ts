// Splits a reply draft into what the agent wrote (greeting, body sentences,
// sign-off) and what they did not (quoted history, signature). Only the body
// is analyzed: quoted customer text and signatures are never the agent's words.

export interface Sentence {
  text: string;
  /** UTF-16 offsets into the original reply. */
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) the sentence is in. */
  paragraph: number;
}

export interface Draft {
  reply: string;
  /** "Hi Dana," — the greeting span, if any. */
  greeting?: { start: number; end: number; name?: string };
  /** The agent's own words, between greeting and sign-off. */
  body: { start: number; end: number };
  /** "Best,\nMarco" and anything after it (signature), if found. */
  signoff?: { start: number; end: number };
  /** Where quoted history ("> " lines, "On … wrote:") starts, if any. */
  quoteStart?: number;
  sentences: Sentence[];
}

const GREETING =
  /^[ \t]*(?:hi|hello|hey|dear|hiya|greetings|good (?:morning|afternoon|evening)|hallo|bonjour|hola)\b(?:[ \t]+(?:there|team|all|again|mr\.?|mrs\.?|ms\.?|dr\.?|[\p{Lu}][\p{L}'’.-]*)){0,4}[ \t]*(?:[,!:—–-]|(?=\n)|$)/iu;

const QUOTE_HEADER =
  /^(?:On\b.{0,200}\bwrote:\s*$|-{2,}\s*Original Message\s*-{2,}|-{5,}\s*Forwarded message|From:\s.+$|Am\b.{0,200}\bschrieb\b.*:$|Le\b.{0,200}\ba écrit\s*:$)/im;

const SIGNOFF =
  /^[ \t]*(?:best(?: regards| wishes)?|kind regards|warm regards|warmly|regards|many thanks|thanks(?: again| so much)?|thank you(?: again)?|cheers|sincerely(?: yours)?|yours(?: truly| sincerely)?|all the best|talk soon|take care|with thanks|respectfully|br|mvh|—|--)[ \t]*[,.!]?[ \t]*$/im;

const SIGNATURE_DASHES = /^-- ?$/m;

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'eg', 'ie', 'no', 'nr',
  'approx', 'dept', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'ref', 'min', 'max', 'fig', 'p.s',
]);

/** Finds where quoted history begins: a line starting with ">" or an "On … wrote:" header. */
function findQuoteStart(reply: string): number | undefined {
  let best: number | undefined;
  const header = QUOTE_HEADER.exec(reply);
  if (header) best = header.index;
  const quoted = /^[ \t]*>/m.exec(reply);
  if (quoted && (best === undefined || quoted.index < best)) best = quoted.index;
  return best;
}

/** Lines a signature may have after the sign-off line (name, title, company). */
const SIGNATURE_LINES = 5;
const SIGNATURE_LINE_CHARS = 60;
const SIGNOFF_LINE = new RegExp(SIGNOFF.source, 'i');
const NAME_ONLY = /^[\p{Lu}][\p{L}'’.-]*(?:[ \t,|&-]+[\p{L}][\p{L}'’.-]*){0,4}$/u;

/** Footer lines in capitals read above a sign-off at most. */
const FOOTER_LINES = 4;

/** A whole line in capitals with several words: a legal or company footer, when a sign-off stands above it. */
function isCapsFooterLine(line: string): boolean {
  const words = line.match(/\p{L}+/gu) ?? [];
  const letters = words.join('');
  return words.length >= 4 && letters.length >= 16 && letters === letters.toUpperCase();
}

/** The last `count` non-blank lines of [from, to), earliest first, found by walking back from the end (linear in what it passes). */
function lastLines(text: string, from: number, to: number, count: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let end = to;
  while (end > from && out.length < count) {
    let start = end;
    while (start > from && text[start - 1] !== '\n') start--;
    const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
    if (text.slice(start, lineEnd).trim() !== '') out.unshift({ start, end: lineEnd });
    end = start - 1;
  }
  return out;
}

/** Start of a sign-off line ("Best,", "Kind regards") followed only by short signature lines before `to`. */
function signoffLineAbove(reply: string, from: number, to: number): number | undefined {
  const tail = lastLines(reply, from, to, SIGNATURE_LINES + 1);
  for (let i = 0; i < tail.length; i++) {
    const line = reply.slice(tail[i].start, tail[i].end);
    const shortTail = tail.slice(i + 1).every((l) => reply.slice(l.start, l.end).trim().length <= SIGNATURE_LINE_CHARS);
    if (SIGNOFF_LINE.test(line) && shortTail) return tail[i].start;
  }
  return undefined;
}

/**
 * The sign-off ("Best,\nMarco") or "-- " signature, searched only near the end of the agent's text.
 * Only the last few lines are read: a sign-off is followed by at most a short signature, so nothing
 * earlier can be one, and a draft of 100,000 newlines costs one walk back.
 */
function findSignoff(reply: string, from: number, to: number): number | undefined {
  const dashes = SIGNATURE_DASHES.exec(reply.slice(from, to));
  let best = dashes ? from + dashes.index : undefined;
  if (best !== undefined) to = best;
  // A company or legal footer in capitals after the signature ("THIS EMAIL IS CONFIDENTIAL…")
  // is part of it; look for the sign-off above it.
  const footer = lastLines(reply, from, to, FOOTER_LINES + 1);
  let footerStart = to;
  for (let i = footer.length - 1; i >= 1 && isCapsFooterLine(reply.slice(footer[i].start, footer[i].end)); i--) footerStart = footer[i].start;
  if (footerStart < to) {
    const above = signoffLineAbove(reply, from, footerStart);
    if (above !== undefined) return best === undefined || above < best ? above : best;
  }
  const signoffLine = signoffLineAbove(reply, from, to);
  if (signoffLine !== undefined) return best === undefined || signoffLine < best ? signoffLine : best;
  const tail = lastLines(reply, from, to, SIGNATURE_LINES + 1);
  // No sign-off word: a last paragraph that is only a name ("Andre", "Guest Relations"), after a blank line.
  const last = tail.at(-1);
  if (last && last.start - from >= 2 && reply[last.start - 1] === '\n') {
    let j = last.start - 2;
    if (reply[j] === '\r') j--;
    while (j >= from && (reply[j] === ' ' || reply[j] === '\t')) j--;
    const name = reply.slice(last.start, last.end).trim();
    if (j >= from && reply[j] === '\n' && name.length <= 50 && NAME_ONLY.test(name)) {
      const at = j + 1;
      if (best === undefined || at < best) best = at;
    }
  }
  return best;
}

function isAbbreviationBefore(text: string, dotIndex: number): boolean {
  const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!m) return false;
  const word = m[1].toLowerCase().replace(/^\.+/, '');
  if (ABBREVIATIONS.has(word)) return true;
  // Single letters ("J. Smith") and dotted initialisms ("U.S.").
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Splits [from, to) of `text` into sentences with exact offsets. Breaks at
 * newlines and after . ! ? … when followed by space and a likely sentence
 * start; keeps decimals, URLs, e-mail addresses and abbreviations intact.
 */
export function splitSentences(text: string, from = 0, to = text.length): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e, paragraph });
  };
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      start = i + 1;
      // A blank line starts a new paragraph.
      let j = i + 1;
      while (j < to && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (j < to && text[j] === '\n') paragraph++;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…' || ch === '。') {
      let j = i;
      while (j + 1 < to && /[.!?…)"'’”\]]/.test(text[j + 1])) j++;
      const next = text[j + 1];
      // Skipping past the whole run of marks keeps "!!!!…" linear instead of rescanning it per mark.
      if (j + 1 >= to || !/[ \t\u00a0]/.test(next)) {
        i = j; // "4.99", "example.com", "e.g.", "?!?!" mid-line
        continue;
      }
      if (ch === '.' && j === i && isAbbreviationBefore(text, i)) continue;
      // Look at the next visible character: lowercase continuation is not a new sentence after "."
      let k = j + 1;
      while (k < to && /[ \t\u00a0]/.test(text[k])) k++;
      if (k < to && ch === '.' && /\p{Ll}/u.test(text[k])) {
        i = j;
        continue;
      }
      push(j + 1);
      start = j + 1;
      i = j;
    }
  }
  push(to);
  return out;
}

export function readDraft(reply: string): Draft {
  const quoteStart = findQuoteStart(reply);
  let end = quoteStart ?? reply.length;
  while (end > 0 && /\s/.test(reply[end - 1])) end--;

  let start = 0;
  let greeting: Draft['greeting'];
  const g = GREETING.exec(reply);
  if (g && g.index === 0 && g[0].trim().length > 0 && g[0].length < end) {
    const text = g[0];
    const name = /^[ \t]*\S+(?:\s+(?:there|team|all|again))?\s+([\p{Lu}][^,!:\n—–-]*)/u.exec(text)?.[1]?.trim();
    greeting = { start: 0, end: text.trimEnd().length, name };
    start = g[0].length;
  }

  let signoff: Draft['signoff'];
  const s = findSignoff(reply, start, end);
  if (s !== undefined && s > start) {
    signoff = { start: s, end };
    end = s;
  }
  while (end > start && /\s/.test(reply[end - 1])) end--;
  while (start < end && /\s/.test(reply[start])) start++;

  return {
    reply,
    greeting,
    body: { start, end },
    signoff,
    quoteStart,
    sentences: splitSentences(reply, start, end),
  };
}

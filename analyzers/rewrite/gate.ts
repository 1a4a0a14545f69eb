// The quality gate every per-finding suggestion passes before a user sees it:
// it must read as a sentence, keep every fact of the text it replaces, not be
// flagged again when substituted into the reply, and promise nothing new.
// Suggestions that fail are dropped, not repaired: a wrong suggestion costs
// more trust than a missing one.
import nlp from 'compromise';
import type { AnalysisContext } from '../context.ts';
import type { Finding, Suggestion } from '../types.ts';
import { judgePhrases } from './reanalyze.ts';
import { containsFact, extractFacts } from '../facts.ts';
import { newPromises } from './invariants.ts';
import { boundedCache } from '../text/memo.ts';
import { mechanicalProblems, newMechanicalProblems } from './mechanical.ts';

export interface GateVerdict {
  ok: boolean;
  /** Why it failed, for tests and the eval script ("lost fact $49", "re-flagged dismissive"). */
  problems: string[];
}

/** The range a suggestion replaces: its own when set, else the finding's. */
export function suggestionRange(finding: Finding, sg: Suggestion): [number, number] {
  return [sg.start ?? finding.start, sg.end ?? finding.end];
}

/** The reply with the suggestion applied, and where the new text sits in it. */
export function applySuggestion(reply: string, finding: Finding, sg: Suggestion): { text: string; start: number; end: number } {
  const [a, b] = suggestionRange(finding, sg);
  return { text: reply.slice(0, a) + sg.replacement + reply.slice(b), start: a, end: a + sg.replacement.length };
}

/** The line-local sentence around [start, end) of `text`: scans out to a closing mark + space or a line break. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && text[s - 1] !== '\n' && !(/\s/.test(text[s - 1]) && /[.!?…]/.test(text[s - 2] ?? ''))) s--;
  let e = Math.max(start, end);
  // A replacement that itself ends a sentence ends the scan there, unless the text after it
  // carries on in lower case ("I'm sorry. once the carrier…"): that is the same sentence, badly cut.
  const closes = e > start && /[.!?…]["'’”)]*$/.test(text.slice(start, e));
  const endsSentence = closes && !/^[ \t]*\p{Ll}/u.test(text.slice(e));
  if (!endsSentence) {
    // Carrying on past the replacement's own closing mark into the lower-case rest.
    if (closes) while (e < text.length && /[ \t]/.test(text[e])) e++;
    while (e < text.length && text[e] !== '\n' && !(/[.!?…]/.test(text[e - 1] ?? '') && /\s/.test(text[e]) && e > start)) e++;
  }
  return clipToEdit(text, start, end, s, e);
}

/** Most a judged sentence may reach either side of the edit: a pasted run-on must not make every check cost seconds. */
const MAX_CONTEXT = 160;

/** Narrows a run-on sentence to the words around the edit, cut at word boundaries. */
function clipToEdit(text: string, start: number, end: number, s: number, e: number): { start: number; end: number } {
  if (start - s > MAX_CONTEXT) {
    s = start - MAX_CONTEXT;
    while (s < start && /\S/.test(text[s - 1] ?? ' ')) s++;
  }
  if (e - end > MAX_CONTEXT) {
    e = end + MAX_CONTEXT;
    while (e > end && /\S/.test(text[e] ?? ' ')) e--;
  }
  return { start: s, end: e };
}

/** Function words that cannot follow "the": "the how billing works", "the it will be refunded". */
const NOT_AFTER_THE =
  /\bthe (?:how|what|why|when|where|who|whom|whose|which|whether|it|its|it's|is|are|was|were|be|been|will|would|can|could|should|shall|may|might|must|has|have|had|do|does|did|i|i'm|i've|you|you're|we|we're|they|they're|he|she|this|these|those|my|your|our|their|his|her|a|an|the|to|not|and|but|or|so|if|because|only|just)\b/i;
const CONJUNCTION_END = /(?:^|[\s,;—–-])(?:but|so|and|or|because|although|with|to|by|for|of|at|the|a|an|my|your|our)\W*$/i;

const CONTRACTED_VERB = /\b(?:i'm|i've|i'll|i'd|it's|it'll|we're|we've|we'll|you're|you've|you'll|that's|there's|here's|they're|they've|what's|let's|can't|won't|don't|didn't|isn't|aren't|wasn't|doesn't|haven't|hasn't)\b/i;
const SUBORDINATOR = /^["'‘“(]?(?:before|after|because|since|although|though|while|until|unless|whereas)\b/i;
const MODAL_START = /^["'‘“(]?(?:will|would|shall|should|must|might|been|called)\b/i;
const QUESTION_START = /^["'‘“(]?(?:do|does|did|is|are|was|were|can|could|would|will|should|shall|may|might|have|has|had|what|why|how|when|where|who|which|whose|any|anything|anyone|isn't|aren't|don't|didn't|doesn't|won't|can't|could|so|and|or|really|right|ok|okay|sure)\b/i;
const BARE_END = /\b(?:is|are|was|were|any|the|a|an|your|our|my|their|its|of|to|for|by|with|from|at|and|but|or)\s*[,;:.!?…]/i;

/** "Hi Sam, the email…" on one line: the sentence after the greeting is judged. */
const afterGreeting = (piece: string) => piece.replace(/^(?:hi|hello|hey|dear|thanks|thank you)\b[^,.!?]{0,40},\s*/i, '');
const judgedPiece = (piece: string) => /\p{L}/u.test(piece) && piece.length >= 2;

/** The sentence's pieces, each judged on its own. */
const piecesOf = (sentence: string) => sentence.split(/(?<=[.!?…]["'’”)]*)\s+(?=["'‘“(]?\p{Lu})/u).map((p) => afterGreeting(p.trim()));

/** A piece with no verb (compromise's parse; a contraction or "thanks"/"sorry" opening counts as one). */
function verblessPiece(piece: string): boolean {
  if (!judgedPiece(piece) || CONTRACTED_VERB.test(piece) || /^(?:thanks|thank you|sorry|hi|hello|yes|no|ok)\b/i.test(piece)) return false;
  return !nlp(piece).verbs().found;
}

/** A sentence that cannot stand on its own: a bare subordinate clause, a question without its verb (the parse-free checks). */
function fragmentProblems(piece: string): string[] {
  const out: string[] = [];
  if (!judgedPiece(piece)) return out;
  if (/^["'‘“(]?\p{Lu}[\p{Ll}-]+,\s+(?:so|and|but|which)\b/u.test(piece)) out.push(`subject without its`);
  if (SUBORDINATOR.test(piece) && !/,/.test(piece)) out.push(`bare subordinate`);
  if (MODAL_START.test(piece) && !/\?\s*$/.test(piece)) out.push(`starts on a helper`);
  // "To explain how it works.": an infinitive with no clause to hang on.
  if (/^["'‘“(]?to\s+\p{Ll}/iu.test(piece) && !/[,;:—–]/.test(piece)) out.push('bare infinitive');
  if (/\?["'’”)]*\s*$/.test(piece) && !QUESTION_START.test(piece) && !/\b(?:do|does|did|is|are|can|could|would|will|should|have|has)\s+(?:you|we|i|it|they|this|that)\b/i.test(piece)) out.push(`question without its`);
  const bare = BARE_END.exec(piece);
  if (bare) out.push(`cut off at "${bare[0]}"`);
  return out;
}

/** Grammar-looking checks on the rewritten sentence and the replacement itself. */
export function grammarProblems(sentence: string, replacement: string, replacesSentence: boolean): string[] {
  return [...plainGrammarProblems(sentence, replacement, replacesSentence), ...parsedGrammarProblems(sentence)];
}

/**
 * The grammar checks that need compromise's parse of the sentence (a parse costs about a
 * millisecond a sentence; the gate asks them last, of candidates nothing cheaper rejected).
 */
function parsedGrammarProblems(sentence: string): string[] {
  const out: string[] = [];
  // compromise: "the" directly before a word read only as a verb ("the explained").
  if (/\bthe\b/i.test(sentence)) {
    const theVerb = nlp(sentence).match('the [#Verb]').not('#Noun').not('#Adjective').not('#Gerund');
    if (theVerb.found) out.push(`"the ${theVerb.text()}"`);
  }
  // A cut that takes the predicate and leaves its subject: "…, and the freeze."
  const verbless = VERBLESS_TAIL.exec(sentence);
  if (verbless && !nlp(verbless[1]).verbs().found) out.push(`subject without a verb "${verbless[1]}"`);
  if (piecesOf(sentence).some(verblessPiece)) out.push('no verb');
  return out;
}

const VERBLESS_TAIL = /,\s+(?:and|but|or)\s+((?:the|a|an|your|our|my|their|this|that)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)[.!?]["'’”)]*\s*$/iu;

/** The grammar checks that need no parse. */
function plainGrammarProblems(sentence: string, replacement: string, replacesSentence: boolean): string[] {
  const out: string[] = [];
  const rep = replacement.trim();
  if (rep && /^\p{Lu}$/u.test(rep.replace(/[^\p{L}]/gu, '')) && rep.replace(/[^\p{L}]/gu, '') !== 'I') out.push(`lone capital "${rep}"`);
  for (const m of sentence.matchAll(/(?<![\p{L}\p{N}'’.&-])\p{Lu}(?![\p{L}\p{N}'’.&-])/gu)) {
    const i = m.index ?? 0;
    // "I", and "A" opening a sentence, are words; "Y" left over from a splice is not.
    if (m[0] === 'I' || (m[0] === 'A' && /(?:^|[.!?]\s+)$/.test(sentence.slice(0, i)))) continue;
    if (/\[[^\]]*$/.test(sentence.slice(0, i))) continue;
    out.push(`lone capital "${m[0]}"`);
  }
  const midCapital = /(?:(?<=[\p{Ll},] )|(?<=\b\p{Lu}{2,} )|(?<=\bI ))(?:We|We'll|We've|We're|Let|Let's|Here's|That's|The|It|It's|You|You're|Your|This|Our|There|They|Please|Sorry|Thanks|To|And|But|So|Could|Can|Would|Meanwhile)\b/u.exec(sentence);
  if (midCapital) out.push(`capital mid-sentence "${midCapital[0]}"`);
  if (/(?:^|[\s.,])['’]s\b/i.test(sentence)) out.push('a contraction without its word');
  const stub = /(?:^|[.!?]\s+)(?:They|It|We|You|He|She|This|That|These|Those)[.!?]/.exec(sentence);
  if (stub) out.push(`one-word sentence "${stub[0].trim()}"`);
  const the = NOT_AFTER_THE.exec(sentence);
  if (the) out.push(`"${the[0]}"`);
  // ".,", a repeated four-word run, a lower-case sentence start, a doubled word.
  out.push(...mechanicalProblems(sentence));
  if (rep && CONJUNCTION_END.test(rep)) out.push(`dangling "${rep.split(/\s+/).pop()}"`);
  if (sentence.trim() && CONJUNCTION_END.test(sentence.replace(/[.!?…]+["'’”)]*\s*$/, ''))) out.push('sentence ends on a conjunction');
  if (/^\s*(?:but|so|and|or)\b/i.test(sentence) && !/^\s*so\b(?! that)/i.test(sentence)) out.push('sentence opens on a conjunction');
  if (/[a-z][.!?]+\s+\p{Ll}/u.test(sentence.replace(/\b(?:e\.g|i\.e|etc|vs)\./gi, ''))) out.push('lower case after a closing mark');
  if (/\.[?!]|[?!]\./.test(sentence)) out.push('mixed closing marks');
  if (/\s[,.;:!?]|[,;:]{2,}|,\s*[.!?]|\.\s*\./.test(sentence) || /^\s*[,;:.]/.test(sentence)) out.push('stray punctuation');
  if (/\S {2,}\S/.test(sentence) || /^[ \t]/.test(sentence)) out.push('stray space');
  for (const piece of piecesOf(sentence)) out.push(...fragmentProblems(piece));
  if (replacesSentence && rep) {
    if (!/^["'‘“(]?[\p{Lu}\p{N}$€£#\[]/u.test(rep)) out.push('sentence does not start with a capital');
    if (!/[.!?…]["'’”)]*$/.test(rep)) out.push('sentence has no closing mark');
  }
  return out;
}

const JOINS_BEFORE = /(?:^|[\s,;:—–(])(?:and|but|so|or|because|if|when|that|then|while|since|as|although|though|until|once|unless|where|which|who)\s+$/i;
const JOINS_AFTER = /^\s+(?:and|but|so|or|because|if|when|which|while|since|as|before|after|until|though|although|unless)\b/i;

function firstWord(s: string): string {
  return (/[\p{L}\p{N}'’]+/u.exec(s)?.[0] ?? '').toLowerCase();
}
function lastWord(s: string): string {
  return (/([\p{L}\p{N}'’]+)[^\p{L}\p{N}'’]*$/u.exec(s)?.[1] ?? '').toLowerCase();
}

/**
 * Where a new text meets the words around it with no punctuation or joining
 * word in between, it must start (or end) like the text it replaced, else it
 * reads as a run-on: "results are published I understand…", "…I'll fix it 5 days".
 */
export function seamProblems(before: string, old: string, replacement: string, after: string): string[] {
  const out: string[] = [];
  if (!replacement.trim()) return out;
  // Only a new clause can run on: "…published I understand", not "sorry this happened" after "I'm sorry".
  const startsClause = CLAUSE_START.test(replacement) && !TAKES_CLAUSE.test(before);
  if (/[\p{L}\p{N}]\s+$/u.test(before) && !JOINS_BEFORE.test(before) && startsClause && firstWord(replacement) !== firstWord(old)) out.push(`run-on before "${firstWord(replacement)}"`);
  // After the new words only a new clause runs on ("…fixed it I understand"); cutting a
  // parenthetical (", as I said before,") joins the sentence's own words again.
  const cutsAside = old.toLowerCase().startsWith(replacement.toLowerCase()) && /^,[^,]*,$/.test(old.slice(replacement.length).trim());
  if (/^\s+[\p{L}\p{N}$€£#]/u.test(after) && CLAUSE_START.test(after) && !JOINS_AFTER.test(after) && !JOINS_BEFORE.test(`${replacement.trimEnd()} `) && !TAKES_CLAUSE.test(`${replacement.trimEnd()} `) && !cutsAside && /[\p{L}\p{N}]$/u.test(replacement.trim()) && lastWord(replacement) !== lastWord(old))
    out.push(`run-on after "${lastWord(replacement)}"`);
  return out;
}

/** Words that open an independent clause. */
const CLAUSE_START = /^\s*(?:I|I'm|I've|I'll|I'd|we|we're|we've|we'll|you|you're|you've|they|they're|he|she|it's|let's|please|here's|there's|thanks|thank)\b/i;
/** Words after which a clause is a complement, not a run-on: "I'm sorry we…", "I understand you…". */
const TAKES_CLAUSE = /\b(?:sorry|glad|sure|afraid|happy|understand|understood|know|knew|think|hope|expect|see|saw|feel|felt|realise|realize|realised|realized|believe|guess|mean|say|said|noticed|agree|that|so)\s+$/i;

/** The seams of the words that actually changed: text kept inside the replaced range counts as context. */
function changedSeams(before: string, old: string, replacement: string, after: string): string[] {
  let p = 0;
  while (p < old.length && p < replacement.length && old[p].toLowerCase() === replacement[p].toLowerCase()) p++;
  while (p > 0 && /[\p{L}\p{N}'’]/u.test(old[p - 1])) p--;
  let so = old.length;
  let sr = replacement.length;
  while (so > p && sr > p && old[so - 1].toLowerCase() === replacement[sr - 1].toLowerCase()) {
    so--;
    sr--;
  }
  while (so < old.length && /[\p{L}\p{N}'’]/u.test(old[so])) {
    so++;
    sr++;
  }
  return seamProblems(before + old.slice(0, p), old.slice(p, so), replacement.slice(p, sr), old.slice(so) + after);
}

const ACTION_CLAIM = /\b(?:i|we)(?:'ve| have) (?:already |now |just |also )?(?!\[)(?!been\b|had\b)(\p{L}+(?:ed|en)|done|sent|resent|made|set|put|paid|found|told|sorted|built|kept|brought|bought)\b/giu;
/** Completed actions claimed in the first person ("I've resent", "we've changed"), by verb. */
function actionClaims(text: string): string[] {
  return [...text.matchAll(ACTION_CLAIM)].map((m) => m[1].toLowerCase());
}

/** Words that open a complete clause of a rule's stock line ("I'm taking this on myself", "Here's what I can do instead"). */
const STOCK_CLAUSE = /^\s*(?:I|I'm|I've|I'll|I'd|we|we're|we've|we'll|let me|let's|here's|that's|there's|could you|can you|please)\b/i;
/** A clause that ends on one of these is complete: what follows it needs a joint ("…on myself parking fines"). */
const CLOSED_END = /\b(?:it|this|that|them|myself|ourselves|yourself|now|instead|today|again|too|here|soon|together|first|right away|(?:for|with|to) (?:you|us|me|them))\s*$/i;
/** A leftover that opens on a preposition: "from your account, so…". */
const PREPOSITION_START = /^\s*(?:to|for|from|with|without|by|in|on|at|of|about|into|within|during|via|per)\b/i;
/** A new clause ending here takes no prepositional phrase of the old one ("check it further", "reach you"); "resolved" + "in a day" is fine. */
const SHUT_END = /\b(?:further|it|this|that|you|them|us|me|side|end|myself|ourselves|now|instead|again|too|here|together|first)\s*$/i;
function wordCountOf(s: string): number {
  return (s.match(/[\p{L}\p{N}'’]+/gu) ?? []).length;
}
/** Words that may follow a complete clause: a conjunction, a preposition, a subordinate clause. */
const CONTINUES = /^\s*(?:and|but|so|or|nor|because|if|when|before|after|while|since|until|unless|once|as|than|though|although|which|who|whom|where|that|to|for|from|with|without|by|in|on|at|of|about|into|within|during|until|via|per|instead|too|either|again|now|today|soon|then|here|there|yet)\b/i;

/**
 * A stock clause pasted over part of a clause leaves that clause's tail hanging
 * after it: "I'm taking this on myself parking fines", "I'll fix it 5 days",
 * "Here's what I can do instead create a return". Kept text (common prefix and
 * suffix) is context; only a complete new clause followed by bare words fails.
 */
export function danglingTail(old: string, replacement: string, following = '', preceding = ''): string | undefined {
  let so = old.length;
  let sr = replacement.length;
  while (so > 0 && sr > 0 && old[so - 1].toLowerCase() === replacement[sr - 1].toLowerCase()) {
    so--;
    sr--;
  }
  // Back to a word boundary: the kept tail starts on a whole word.
  while (sr < replacement.length && /[\p{L}\p{N}'’]/u.test(replacement[sr]) && sr > 0 && /[\p{L}\p{N}'’]/u.test(replacement[sr - 1])) sr++;
  // The clause goes on past the replaced range: "I understand" + " read the SMS…".
  const tail = replacement.slice(sr) + (/[.!?…,;:—–]\s*$/.test(replacement) ? '' : (/^[^.!?;\n]*/.exec(following)?.[0] ?? ''));
  if (!/^\s+[\p{L}\p{N}$€£#]/u.test(tail)) return undefined;
  let p = 0;
  while (p < old.length && p < sr && old[p].toLowerCase() === replacement[p].toLowerCase()) p++;
  while (p > 0 && /[\p{L}\p{N}'’]/u.test(replacement[p - 1])) p--;
  const fresh = replacement.slice(p, sr);
  // Only the replacement's own words: the text after the range lies outside the sentence the rewrite cache is keyed on.
  const ownTail = replacement.slice(sr);
  // "Here's what I can see on my side, and I'll check it further" + " from your account": the preposition
  // belonged to the replaced words ("requested from your account"), not to the new clause.
  const replaced = old.slice(p, so);
  if (PREPOSITION_START.test(ownTail) && STOCK_CLAUSE.test(fresh) && SHUT_END.test(fresh) && /[\p{L}\p{N}]$/u.test(replaced.trim()) && lastWord(fresh) !== lastWord(replaced) && wordCountOf(fresh) >= 3)
    return `leftover "${ownTail.trim().split(/\s+/).slice(0, 3).join(' ')}" after a new clause`;
  if (CONTINUES.test(tail)) return undefined;
  // The new words open their own clause (after the kept lead-in, if any, ends on a comma or joiner).
  const lead = replacement.slice(0, p);
  // "If" + "I understand" + "you should have said so": a stock acknowledgement cannot sit inside a subordinate clause.
  if (/\b(?:if|when|because|unless|whether|since)\s+$/i.test(/[^.!?\n]*$/.exec(preceding)?.[0] + lead) && /^\s*I (?:understand|see|know|appreciate)\b/i.test(fresh)) return `stock "${fresh.trim()}" inside "${lead.trim()}"`;
  if (lead.trim() && !/(?:[,;:—–]|\b(?:and|but|so))\s*$/i.test(lead)) return undefined;
  // "I understand" + "fourth 'small' change today": a verb of knowing wants a clause or a noun phrase, not bare words.
  if (STOCK_CLAUSE.test(fresh) && /\b(?:understand|see|know|appreciate)\s*$/i.test(fresh) && !/^\s+(?:the|your|this|that|these|those|how|why|what|when|where|it|it's|you|you're|we|they|a|an|our|my|there|its|his|her|their)\b/i.test(tail))
    return `dangling tail "${tail.trim().split(/\s+/).slice(0, 3).join(' ')}" after "${fresh.trim()}"`;
  if (!STOCK_CLAUSE.test(fresh) || !CLOSED_END.test(fresh) || /[.!?…]\s*$/.test(fresh)) return undefined;
  return `dangling tail "${tail.trim().split(/\s+/).slice(0, 3).join(' ')}" after a new clause`;
}

/** How far either side of an edit a repeated four-word run is looked for. */
const NEAR = 400;

/** The rules the original sentence was already flagged by: every candidate of a finding asks about the same one. */
const flaggedBefore = new WeakMap<AnalysisContext, Map<string, Set<string>>>();
function rulesFlaggedBefore(before: string, context: AnalysisContext): Set<string> {
  let byText = flaggedBefore.get(context);
  if (!byText) flaggedBefore.set(context, (byText = new Map()));
  let rules = byText.get(before);
  if (!rules) byText.set(before, (rules = new Set(judgePhrases(before, context).map((f) => f.ruleId))));
  return rules;
}

/**
 * Checks one suggestion for one finding. `context` is the analysis context
 * the finding came from: re-analysis uses the same customer and options.
 */
export function checkSuggestion(reply: string, finding: Finding, sg: Suggestion, context: AnalysisContext): GateVerdict {
  const problems: string[] = [];
  for (const p of problemsOf(reply, finding, sg, context)) if (!problems.includes(p)) problems.push(p);
  return { ok: problems.length === 0, problems };
}

/**
 * Why the suggestion fails, cheapest checks first: the gate stops at the first problem, so a
 * candidate a regex rejects never costs a parse or a re-analysis (most candidates fail).
 */
function* problemsOf(reply: string, finding: Finding, sg: Suggestion, context: AnalysisContext): Generator<string> {
  const [a, b] = suggestionRange(finding, sg);
  if (a < 0 || b > reply.length || a > b) return yield 'range outside the reply';
  if (sg.replacement === reply.slice(a, b)) return yield 'changes nothing';
  const applied = applySuggestion(reply, finding, sg);
  const oldSentence = sentenceAround(reply, a, b);
  if (!sg.replacement.trim() && a <= oldSentence.start && b >= oldSentence.end) {
    // Dropping a whole sentence: allowed only when it holds no fact.
    for (const f of extractFacts(reply.slice(a, b))) yield `lost fact "${f}"`;
    return;
  }
  const newSentence = sentenceAround(applied.text, applied.start, applied.end);
  // The sentence reaches from the old sentence's start to wherever the new text's sentence ends.
  const before = reply.slice(Math.min(oldSentence.start, a), Math.max(oldSentence.end, b));
  const after = applied.text.slice(Math.min(newSentence.start, applied.start), Math.max(newSentence.end, applied.end));
  // (2) every fact of the replaced text, judged on its sentence so a fact may move within it
  for (const f of extractFacts(reply.slice(a, b))) if (!containsFact(after, f)) yield `lost fact "${f}"`;
  // (4) no new promise
  for (const p of newPromises(before, after)) yield `adds promise "${p}"`;
  // No action the agent never said they took: "I've resent it now", "I've done it for you" ([action] placeholders are the writer's to fill).
  for (const c of actionClaims(after)) if (!actionClaims(before).includes(c)) yield `claims "${c}"`;
  // An overpromise suggestion must drop the promise it was asked to fix, not just avoid adding one.
  if (finding.category === 'overpromise') for (const p of newPromises('', reply.slice(finding.start, finding.end))) if (newPromises('', after).includes(p)) yield `keeps promise "${p}"`;
  // (1) reads as a sentence
  const replacesSentence = a <= oldSentence.start && b >= oldSentence.end && oldSentence.end > oldSentence.start;
  // Only problems the suggestion brings: the writer's own typo elsewhere in the sentence is not its fault.
  const already = new Set(cachedGrammarProblems(before, '', false));
  for (const p of plainGrammarProblems(after, sg.replacement, replacesSentence)) if (!already.has(p)) yield p;
  yield* changedSeams(reply.slice(0, a), reply.slice(a, b), sg.replacement, reply.slice(b));
  // A range that starts or ends inside a word leaves a piece of it ("it's the policy po."): every word of
  // the new sentence must come from the old sentence or from the replacement.
  const wordsOf = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const known = new Set([...wordsOf(before), ...wordsOf(sg.replacement)]);
  for (const w of wordsOf(after)) if (!known.has(w)) yield `cut word "${w}"`;
  // A four-word run said twice may reach across sentences ("I understand the delay…" beside the same words).
  const near = (t: string, s0: number, e0: number) => t.slice(Math.max(0, s0 - NEAR), e0 + NEAR);
  for (const p of newMechanicalProblems(near(reply, a, b), near(applied.text, applied.start, applied.end))) if (p.startsWith('repeated')) yield p;
  const dangling = danglingTail(reply.slice(a, b), sg.replacement, reply.slice(b, b + 200), reply.slice(Math.max(0, a - 200), a));
  if (dangling) yield dangling;
  // The parse-based grammar checks, then re-analysis: the two costly steps, for candidates nothing cheaper rejected.
  for (const p of cachedParsedProblems(after)) if (!already.has(p)) yield p;
  // (3) re-analyze the new sentence: no warning/error on the new text, unless it was already there
  // before and is another rule's business (a shouted "NEVER" keeps its overpromise finding when only re-cased).
  if (after.trim()) {
    const offset = Math.min(newSentence.start, applied.start);
    // By rule, not by text: a finding whose span the edit shortened is still the one the writer had.
    const had = rulesFlaggedBefore(before, context);
    const flagged = judgePhrases(after, context).filter((f) => f.severity !== 'info');
    for (const f of flagged) {
      const overlapsNew = f.start + offset < applied.end && f.end + offset > applied.start;
      if (!overlapsNew) continue;
      if (f.ruleId === finding.ruleId || f.category === finding.category || !had.has(f.ruleId)) yield `re-flagged ${f.category} "${f.text ?? ''}"`;
    }
  }
}

/**
 * Grammar verdicts by text: every candidate for a finding is judged against
 * the same original sentence, and a draft being typed re-asks about sentences
 * it has not changed.
 */
const grammarCache = boundedCache<string[]>(2000);
function cachedGrammarProblems(sentence: string, replacement: string, replacesSentence: boolean): string[] {
  const key = `${replacesSentence ? 1 : 0}\u0000${replacement.length}\u0000${replacement}${sentence}`;
  return grammarCache(key, () => grammarProblems(sentence, replacement, replacesSentence));
}
const parsedCache = boundedCache<string[]>(2000);
const cachedParsedProblems = (sentence: string) => parsedCache(sentence, () => parsedGrammarProblems(sentence));

/** The suggestions that pass the gate, in order: each checked only until its first problem. */
export function gateSuggestions(reply: string, finding: Finding, suggestions: Suggestion[], context: AnalysisContext): Suggestion[] {
  return suggestions.filter((sg) => problemsOf(reply, finding, sg, context).next().done === true);
}

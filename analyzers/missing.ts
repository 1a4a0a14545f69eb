// Missing pieces (playbook part B, last paragraph): empathy, a sincere apology
// and a concrete next step, each judged against how upset the customer is.
// Only the agent's own sentences count (readDraft drops greeting, sign-off,
// signature and quoted history), so a quoted "I'm sorry" never satisfies them.
import type { Draft, Sentence } from './text/draft.ts';
import type { AnalysisContext, CustomerReport, UpsetLevel } from './context.ts';
import type { Category, Finding, Severity } from './types.ts';
import { readCustomer } from './customer.ts';
import { LruMap } from './text/memo.ts';
import { GRATITUDE } from './lexicon/customer-cues.ts';
import {
  APOLOGY,
  ASK,
  AGENT_ACTS,
  BARE_APOLOGY,
  CONTRAST,
  CUSTOMER_CHORE,
  DONE_ACTION,
  EMPATHY,
  EMPATHY_NEGATED,
  FOLLOW_UP,
  FUTURE_ACTION,
  IN_PROGRESS,
  NON_APOLOGY,
  OVERPROMISE,
  OWNERSHIP,
  OWNERSHIP_NEGATED,
  PATH,
  PLEASANTRY,
  REFUSAL,
  RESTATE,
  SCHEDULED,
  TEAM_WILL,
  THANKS_FOR_REPORT,
  TIME,
  VAGUE,
} from './lexicon/agent-cues.ts';

/** What the agent's sentences do, step by step (playbook part A). */
export interface ReplyMoves {
  empathy?: Sentence;
  apology?: Sentence;
  /** The apology names nothing ("Sorry about that!"). */
  apologyIsBare: boolean;
  /** The apology names only a generic hitch ("I apologize for the delay"). */
  apologyIsThin?: boolean;
  nonApology?: Sentence;
  ownership?: Sentence;
  thanksForReport?: Sentence;
  nextStep?: Sentence;
  /** A motion with no action or time ("we'll look into it"). */
  vagueStep?: Sentence;
  followUp?: Sentence;
  restate?: Sentence;
  overpromise?: Sentence;
  /** A time the reader can hold the agent to. */
  timed?: Sentence;
}

/**
 * Hand-offs and lessons learned that leave the customer's own problem where it was
 * ("I've shared your feedback with the manager", "we'll use this to improve", "we'll remind our
 * drivers"): motion, not a next step, unless a time is attached (playbook A.7).
 */
const HAND_OFF =
  /\b(?:shar(?:e|ed|ing)|pass(?:ed|ing)?|forward(?:ed|ing)?|fe(?:e)?d(?:ing)? back|rais(?:e|ed|ing)|report(?:ed|ing)?|escalat(?:e|ed|ing)|refer(?:red|ring)?) (?:(?:it|this|that|them|your (?:\w+ )?(?:feedback|comments?|concerns?|complaint|email|e-mail|message|note|review|experience|case|ticket)) )?(?:on |back )?(?:to|with) (?:the|our|my|a|your) (?:\w+ ){0,2}(?:team|department|dept|manager|management|supervisor|operator|partner|hotel|courier|carrier|warehouse|office|head office|store|branch|depot|colleagues?|people|staff|provider|supplier)\b|\b(?:use|take|use all of) (?:your|this|the|that) (?:\w+ )?(?:feedback|comments?|experience|complaint) (?:to (?:improve|help|make|learn)|into (?:account|consideration)|on board|as a)|\b(?:remind|retrain|re-?train|brief|coach|speak to|talk to|have a word with) (?:all )?(?:our|the|my) (?:\w+ )?(?:team|teams|staff|drivers?|technicians?|engineers?|agents?|couriers?|crew|cleaners?|employees|colleagues?|installers?|fitters?)\b(?! (?:today|tomorrow|now|and (?:call|email|get back to) you))/;

/** An apology that names only a generic hitch ("I apologize for the delay", "apologies for this"): regret, not empathy for an upset customer. */
const THIN_APOLOGY =
  /^\W*(?:(?:hi|hello|hey|dear) [^,.!?]{0,40}[,.!]\s*)?(?:(?:i|we)(?:'m| am|'re| are)? (?:\w+ )?(?:sorry|apologi[sz]e)|(?:my|our) (?:sincere |deepest )?apologies|apologies|sorry)(?: (?:for|about) (?:the|this|that|any|all the|your|these) ?(?:delay|wait|inconvenience|trouble|hassle|confusion|issue|issues|problem|problems|error|mix-?up|mistake|situation|experience|matter|difficulties|disruption|oversight|this|that)?(?: caused| this (?:has )?caused(?: you)?)?)?\W*$/;

/** Findings that make a sentence's kind words not count (sarcastic thanks, "calm down, I understand"). */
const SPOILING = new Set(['sarcasm', 'dismissive', 'non_apology', 'insult']);

function spoiled(s: Sentence, findings: Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) if (f.severity !== 'info' && f.start < s.end && f.end > s.start) out.add(f.category);
  return out;
}

interface SentenceMoves {
  nonApology: boolean;
  apology: boolean;
  bare: boolean;
  thin: boolean;
  empathy: boolean;
  ownership: boolean;
  thanks: boolean;
  timed: boolean;
  concrete: boolean;
  vague: boolean;
  followUp: boolean;
  restate: boolean;
  overpromise: boolean;
}

/** Sentence results are reused across keystrokes: only edited sentences are re-read. */
const sentenceCache = new LruMap<string, SentenceMoves>(5000);

/**
 * "I understand, but the policy is clear": kind words withdrawn in the same clause, unless the
 * sentence also does something. A dash or semicolon starts a new thought ("I apologize — …, but…").
 */
function takenBack(t: string, kind: RegExp, acts: boolean): boolean {
  if (acts) return false;
  const m = kind.exec(t);
  if (!m) return false;
  const clause = t.slice(m.index + m[0].length).split(/\s[—–-]\s|[—–;:]/)[0];
  return CONTRAST.test(clause.slice(0, 80));
}

function readSentence(text: string, flags: Set<string>): SentenceMoves {
  const key = [...flags].sort().join(',') + '|' + text;
  const hit = sentenceCache.get(key);
  if (hit) return hit;
  const t = text.toLowerCase().replace(/[’‘]/g, "'");
  const kindWordsCount = ![...flags].some((c) => SPOILING.has(c));
  const chore = CUSTOMER_CHORE.test(t) && !AGENT_ACTS.test(t);
  const timed = TIME.test(t);
  const vague = VAGUE.test(t) || HAND_OFF.test(t);
  // "Let us know if you need anything else" keeps the door open but asks for nothing.
  const asks = ASK.test(t.replace(PLEASANTRY, ''));
  // Something already done stands even beside a lecture; offers and instructions do not.
  const acts = DONE_ACTION.test(t) || (!chore && (FUTURE_ACTION.test(t) || IN_PROGRESS.test(t) || SCHEDULED.test(t) || PATH.test(t) || asks || (timed && TEAM_WILL.test(t))));
  const nonApology = NON_APOLOGY.test(t) || flags.has('non_apology');
  // "Sorry for the wait, but that's the process" and "Sorry, we can't…" regret without owning anything.
  const apology = kindWordsCount && !nonApology && !takenBack(t, APOLOGY, acts) && !(REFUSAL.test(t) && !acts) && APOLOGY.test(t);
  const moves: SentenceMoves = {
    nonApology,
    apology,
    bare: apology && BARE_APOLOGY.test(t),
    thin: apology && (BARE_APOLOGY.test(t) || THIN_APOLOGY.test(t)),
    empathy: kindWordsCount && !takenBack(t, EMPATHY, acts) && EMPATHY.test(t) && !EMPATHY_NEGATED.test(t),
    ownership: kindWordsCount && OWNERSHIP.test(t) && !OWNERSHIP_NEGATED.test(t),
    thanks: kindWordsCount && THANKS_FOR_REPORT.test(t),
    timed,
    concrete: acts && (!vague || timed),
    vague: (acts && vague && !timed) || vague,
    followUp: FOLLOW_UP.test(t) && !VAGUE.test(t.replace(/let you know (?:when|once|if)[^.]*$/, '')),
    restate: RESTATE.test(t),
    overpromise: OVERPROMISE.test(t),
  };
  sentenceCache.set(key, moves);
  return moves;
}

/** The checklist and the missing-piece check read the same draft: read it once. */
const movesByDraft = new WeakMap<Draft, { key: string; moves: ReplyMoves }>();

export function readReplyMoves(draft: Draft, phraseFindings: Finding[] = []): ReplyMoves {
  // Only findings that void kind words (or are non-apologies) change what a sentence does.
  const relevant = phraseFindings.filter((f) => f.severity !== 'info' && (SPOILING.has(f.category) || f.category === 'non_apology'));
  const key = relevant.map((f) => `${f.start}:${f.end}:${f.category}`).join(',');
  const hit = movesByDraft.get(draft);
  if (hit?.key === key) return hit.moves;
  const moves = readMoves(draft, relevant);
  movesByDraft.set(draft, { key, moves });
  return moves;
}

function readMoves(draft: Draft, relevant: Finding[]): ReplyMoves {
  const moves: ReplyMoves = { apologyIsBare: false };
  for (const s of draft.sentences) {
    const m = readSentence(s.text, spoiled(s, relevant));
    if (m.nonApology) moves.nonApology ??= s;
    if (m.apology && (!moves.apology || (moves.apologyIsBare && !m.bare) || (moves.apologyIsThin && !m.thin))) {
      moves.apology = s;
      moves.apologyIsBare = m.bare;
      moves.apologyIsThin = m.thin;
    }
    if (m.empathy) moves.empathy ??= s;
    if (m.ownership) moves.ownership ??= s;
    if (m.thanks) moves.thanksForReport ??= s;
    if (m.timed) moves.timed ??= s;
    if (m.concrete) moves.nextStep ??= s;
    else if (m.vague) moves.vagueStep ??= s;
    if (m.followUp) moves.followUp ??= s;
    if (m.restate) moves.restate ??= s;
    if (m.overpromise) moves.overpromise ??= s;
  }
  return moves;
}

/** What the reply's situation needs, from the customer's message or, without one, from the draft. */
export interface Needs {
  level: UpsetLevel;
  empathy: boolean;
  apology: boolean;
  nextStep: boolean;
  /** The customer's message was missing: severity stays at warning. */
  inferred: boolean;
  customer: CustomerReport;
}

const QUOTE_LINE = /^[ \t]*>[ \t]?/;

/** Quoted history is the customer's last message when the extension could not read it separately. */
export function customerFromQuote(draft: Draft): CustomerReport | undefined {
  if (draft.quoteStart === undefined) return undefined;
  const lines = draft.reply.slice(draft.quoteStart).split(/\r?\n/).filter((l) => QUOTE_LINE.test(l));
  const text = lines.map((l) => l.replace(QUOTE_LINE, '')).join('\n').trim();
  return text ? readCustomer(text) : undefined;
}

/** Without the customer's words, the draft itself shows a complaint context only through what it argues against. */
const COMPLAINT_CONTEXT = new Set(['defensive', 'blame', 'dismissive', 'policy_shield', 'non_apology', 'sarcasm', 'insult']);
const STAKES_IN_REPLY = /[$€£]\s?\d|\b(?:refund|charge[ds]?|bill(?:ed|ing)?|payment|deadline|delay(?:ed)?|late|broken|damaged|missing|lost|wrong|error|outage|cancell?ed|complaint)\b/i;

export function readNeeds(draft: Draft, context: AnalysisContext, phraseFindings: Finding[], moves: ReplyMoves): Needs {
  let customer = context.customer;
  // Without the customer's words (or with words the reader finds no problem in), the reply itself
  // shows a complaint through what it argues against.
  const arguing = phraseFindings.some((f) => f.severity !== 'info' && COMPLAINT_CONTEXT.has(f.category));
  const stakesInReply = () => STAKES_IN_REPLY.test(draft.reply.slice(draft.body.start, draft.body.end));
  const inferredNeeds = (problem: boolean, empathy: boolean, apology: boolean): Needs => ({
    level: problem ? 'mild' : 'none',
    empathy: problem && empathy,
    apology: problem && apology,
    nextStep: problem,
    inferred: true,
    customer,
  });
  if (!customer.text.trim()) {
    const quoted = customerFromQuote(draft);
    if (quoted) customer = quoted;
    else {
      const problem = arguing || ((moves.apology !== undefined || moves.nonApology !== undefined) && stakesInReply());
      return inferredNeeds(problem, arguing && stakesInReply(), true);
    }
  }
  const problem = customer.hasProblem ?? customer.level !== 'none';
  // A calm statement (not a question or a thank-you) answered with an argument:
  // the argument shows there was a complaint ("The box was open." → "That's how it was packed.").
  if (!problem && arguing && !GRATITUDE.test(customer.text) && !/\?/.test(customer.text)) {
    return inferredNeeds(true, (customer.stakes?.length ?? 0) > 0 || stakesInReply(), !customer.selfCaused);
  }
  return {
    level: problem ? customer.level : 'none',
    empathy: problem && (customer.needsEmpathy ?? customer.level !== 'mild'),
    apology: problem && !customer.selfCaused,
    nextStep: problem,
    inferred: false,
    customer,
  };
}

function severityFor(level: UpsetLevel, inferred: boolean): Severity | undefined {
  if (level === 'none') return undefined;
  if (level === 'furious' && !inferred) return 'error';
  return 'warning';
}

const RATIONALE = {
  empathy:
    'Playbook A.2 (003, 002): express empathy — "I understand how frustrating this must be". Part B: missing empathy is judged against how upset the customer is.',
  apology:
    'Playbook A.3 (003, 002, 001): apologize for the experience, sincerely — "I\'m sorry your order arrived late." Apologizing does not admit guilt. A non-apology ("sorry you feel that way") does not count.',
  nextStep:
    'Playbook A.6–7 (002, 003, 001): offer a concrete solution and say exactly what happens next, and when — steps, a realistic time, how to reach you.',
} as const;

/** The sentence to insert, mirroring the customer's problem when it reads clearly; unknown facts stay visible placeholders. */
function empathySentence(customer: CustomerReport): string {
  const stakes = customer.stakes ?? [];
  if (stakes.includes('Health, safety or family affected')) return 'I understand how worrying this is, and you were right to tell us straight away.';
  if (stakes.includes('Mentions a deadline or big occasion')) return 'I understand the pressure this puts on you with so little time.';
  if (stakes.includes('Kept waiting a long time') || stakes.includes('Says this has happened before'))
    return 'You have every right to be frustrated — you should not have had to wait or ask again.';
  if (customer.level === 'furious') return 'You have every right to be upset, and I understand why.';
  return 'I understand how frustrating this is.';
}

function apologySentence(customer: CustomerReport): string {
  return customer.problem ? `I'm sorry about ${customer.problem}.` : "I'm sorry this happened.";
}

function nextStepSentence(customer: CustomerReport): string {
  const problem = customer.problem ? ` ${customer.problem}` : ' this';
  return `I'll [action to fix${problem}] by [time] and confirm with you as soon as it's done.`;
}

function missingFinding(
  draft: Draft,
  kind: 'empathy' | 'apology' | 'nextStep',
  severity: Severity,
  message: string,
  sentence: string,
): Finding {
  const atStart = kind !== 'nextStep';
  const reply = draft.reply;
  const at = atStart ? draft.body.start : draft.body.end;
  let replacement: string;
  if (draft.sentences.length === 0) replacement = sentence;
  else if (atStart) replacement = sentence + (/\n/.test(reply.slice(at, draft.sentences[0].end)) ? '\n' : ' ');
  else replacement = ' ' + sentence;
  const category = kind === 'empathy' ? 'missing_empathy' : kind === 'apology' ? 'missing_apology' : 'missing_next_step';
  return {
    ruleId: `missing.${kind === 'nextStep' ? 'next-step' : kind}`,
    category,
    severity,
    start: at,
    end: at,
    message,
    rationale: RATIONALE[kind],
    suggestions: [{ label: kind === 'nextStep' ? 'Add a next step' : kind === 'empathy' ? 'Add empathy' : 'Add an apology', replacement }],
    text: '',
  };
}

type PieceKind = 'empathy' | 'apology' | 'nextStep';

const PIECE_OF: Record<string, PieceKind> = { missing_empathy: 'empathy', missing_apology: 'apology', missing_next_step: 'nextStep' };

/** The finding for one missing piece, worded for what the reply does have. */
function pieceFinding(draft: Draft, kind: PieceKind, severity: Severity, customer: CustomerReport, moves: ReplyMoves): Finding {
  if (kind === 'empathy') return missingFinding(draft, 'empathy', severity, 'No empathy: acknowledge how this affects the customer before explaining.', empathySentence(customer));
  if (kind === 'apology') {
    const message = moves.nonApology ? 'The only apology is a non-apology: apologize for their experience instead.' : "No apology: say sorry for the customer's experience.";
    return missingFinding(draft, 'apology', severity, message, apologySentence(customer));
  }
  const message = moves.vagueStep ? 'The next step is vague: say what you will do and by when.' : 'No next step: say what happens next, and when.';
  return missingFinding(draft, 'nextStep', severity, message, nextStepSentence(customer));
}

/**
 * The finding for one missing piece whatever the rules judged the customer to
 * need: the tone model (analyzers/model/) may read a need the rules missed.
 */
export function missingPieceFinding(draft: Draft, context: AnalysisContext, phraseFindings: Finding[], category: Category): Finding {
  const moves = readReplyMoves(draft, phraseFindings);
  const needs = readNeeds(draft, context, phraseFindings, moves);
  return pieceFinding(draft, PIECE_OF[category] ?? 'nextStep', severityFor(needs.level, needs.inferred) ?? 'warning', needs.customer, moves);
}

export function findMissingPieces(draft: Draft, context: AnalysisContext, phraseFindings: Finding[]): Finding[] {
  const moves = readReplyMoves(draft, phraseFindings);
  const needs = readNeeds(draft, context, phraseFindings, moves);
  const severity = severityFor(needs.level, needs.inferred);
  if (!severity) return [];
  const out: Finding[] = [];
  const { customer } = needs;
  const furious = needs.level === 'furious';
  const mild = needs.level === 'mild';

  // With a furious customer a bare "sorry about that" does not show you understood what it cost them;
  // with any upset customer owed empathy, neither does "I apologize for the delay".
  const specificApology = moves.apology !== undefined && !(furious && moves.apologyIsBare) && !(!mild && moves.apologyIsThin);
  const hasEmpathy = moves.empathy !== undefined || specificApology;
  if (needs.empathy && !hasEmpathy) out.push(pieceFinding(draft, 'empathy', severity, customer, moves));

  // A mild report is answered by owning it, thanking for it or showing empathy; an upset one needs the words.
  const apologyAlternative = !furious && (moves.ownership !== undefined || moves.empathy !== undefined || (mild && moves.thanksForReport !== undefined));
  if (needs.apology && !moves.apology && !apologyAlternative) {
    // A non-apology the phrase rules already flag stays a hint here, so one sentence is not flagged twice.
    const flaggedNonApology = moves.nonApology !== undefined && phraseFindings.some((f) => f.category === 'non_apology' && f.severity !== 'info');
    out.push(pieceFinding(draft, 'apology', flaggedNonApology ? 'info' : severity, customer, moves));
  }

  if (needs.nextStep && !moves.nextStep) out.push(pieceFinding(draft, 'nextStep', severity, customer, moves));
  return out;
}

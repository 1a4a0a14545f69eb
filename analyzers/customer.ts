// Reads the customer's message (playbook part C): how upset they are, whether
// to hand over to a manager, what went wrong and which facts they raised.
import type { CustomerReport, UpsetLevel } from './context.ts';
import { afinn } from './lexicon/afinn.ts';
import {
  COMPETENCE_CUE,
  EMOTION_CUES,
  GRATITUDE,
  HARDSHIP,
  HEDGED,
  ESCALATION_CUES,
  PROBLEM_CUES,
  QUESTION_ONLY,
  SELF_CAUSED,
  STAKE_CUES,
  type Cue,
} from './lexicon/customer-cues.ts';

declare module './context.ts' {
  interface CustomerReport {
    /** The message reports a problem or frustration (not a neutral question or a thank-you). */
    hasProblem?: boolean;
    /** What is at stake for them (money, deadline, health, time): calls for empathy, not only a fix. */
    stakes?: string[];
    /** They say it was their own doing: empathy is owed, an apology is not. */
    selfCaused?: boolean;
    /** Impact or strong feelings that call for empathy, not only an apology and a fix. */
    needsEmpathy?: boolean;
  }
}

/** Long customer messages are read in full, but capped so a pasted log can't stall typing. */
const MAX_CHARS = 20_000;

function matchCues(text: string, cues: Cue[]): Cue[] {
  return cues.filter((c) => c.re.test(text));
}

function shoutingScore(text: string): number {
  const words = text.match(/\b[\p{L}']{3,}\b/gu) ?? [];
  if (words.length === 0) return 0;
  const caps = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase() && !/^(?:USA|EUR|USD|GBP|VAT|PDF|CSV|SMS|API|ATM|FAQ|CEO|IBAN|SWIFT)$/.test(w));
  if (caps.length >= 3 && caps.length / words.length >= 0.3) return 2.5;
  return caps.length >= 2 ? 0.5 : 0;
}

const AMOUNT = /[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:dollars|euros?|pounds|usd|eur|gbp|kr|sek|nok|dkk|chf)\b/gi;
const ORDER_ID = /#\s?\d{3,}|\b[A-Z]{1,5}-?\d{3,}[A-Z0-9-]*\b|\b(?:order|ticket|case|invoice|booking|reference|ref|claim|account)(?: (?:no\.?|number|#|id))?:? ?#?([A-Z0-9-]*\d[A-Z0-9-]{2,})\b/gi;
const DATE =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|yesterday|today|tonight|last (?:week|month|night)|next week|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|the \d{1,2}(?:st|nd|rd|th)|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\b/gi;
const DURATION = /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several) (?:minutes?|hours?|days?|weeks?|months?|years?)\b/gi;
const PRODUCT = /\b(?:my|the|your|our) ((?:[\p{L}-]+ ){0,2}(?:order|package|parcel|refund|invoice|bill|account|subscription|device|laptop|phone|lamp|chair|car|room|report|file|files|video|videos|app|software|logo|design|banner|parts?|screen protector|thermostat|internet|water|claim|booking|ticket|session|course|tiles|renovation|migration|delivery|payment|card|password|screw))\b/giu;

function collect(text: string, re: RegExp, into: string[], limit = 8): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && into.length < limit) {
    const v = m[0].trim();
    if (!into.some((x) => x.toLowerCase() === v.toLowerCase())) into.push(v);
  }
}

/** Facts the customer raised, in their words, for mirroring. */
function readFacts(text: string): string[] {
  const facts: string[] = [];
  collect(text, ORDER_ID, facts);
  collect(text, AMOUNT, facts);
  collect(text, DATE, facts);
  collect(text, DURATION, facts);
  collect(text, PRODUCT, facts, 10);
  return facts;
}

/** A short noun phrase for what went wrong, when one reads clearly. */
function readProblem(text: string): string | undefined {
  const t = text.toLowerCase();
  const thing = (re: RegExp) => re.exec(t)?.[1];
  if (/\b(?:charged|billed)\b.{0,20}\b(?:twice|double)\b|double[- ]charged/.test(t)) return 'the double charge';
  if (/\b(?:still )?no refund|refund\b.{0,30}\b(?:not|never|hasn'?t|still)/.test(t)) return 'the missing refund';
  let x = thing(/\bwrong (?!but|and|or|because|again|with|about)([a-z-]{3,})/);
  if (x) return `the wrong ${x}`;
  x = thing(/\b(?:the|my|your) ([a-z-]+(?: [a-z-]+)?) (?:arrived|came) (?:broken|cracked|damaged)/);
  if (x) return `the damaged ${x}`;
  x = thing(/\b(?:broke|cracked|damaged) (?:the |my )?([a-z-]+)/);
  if (x) return `the damaged ${x}`;
  if (/\b(?:never|hasn'?t|has not|still not|not yet)\b.{0,20}\b(?:arrived|delivered|come)\b/.test(t)) return 'the missing delivery';
  x = thing(/\b(?:the|my|your) ([a-z-]+(?: [a-z-]+)?) (?:keeps? |kept )?(?:crash|crashes|crashed|froze|freezes|buffering|buffers)/);
  if (x) return `the ${x} problem`;
  x = thing(/\b(?:the|my|your) ([a-z-]+(?: [a-z-]+)?) (?:don'?t|doesn'?t|won'?t|isn'?t|aren'?t) (?:open|work|load)/);
  if (x) return `the ${x} not working`;
  if (/\bcan'?t (?:log ?in|sign in)/.test(t)) return 'the login problem';
  if (/\b(?:late|delay(?:ed)?|took \d+ days)\b/.test(t)) return 'the delay';
  if (/\bcancell?ed\b/.test(t)) return 'the cancellation';
  if (/\b(?:charged|billed)\b/.test(t)) return 'the charge';
  return undefined;
}

/** Problems whose cost to the customer is their time, trust or plans: these call for empathy even when calmly worded. */
const IMPACT_REASONS = new Set([
  'Wants to leave',
  'Treated badly',
  'Still not resolved or asking again',
  'Let down without notice',
  'Was promised otherwise',
  'Not what they paid for',
  'Kept waiting',
  'Something has not happened',
]);

const LEVELS: [number, UpsetLevel][] = [
  [0.7, 'furious'],
  [0.4, 'upset'],
  [0, 'mild'],
];

export function readCustomer(input = ''): CustomerReport {
  const text = typeof input === 'string' ? input : '';
  const t = text.slice(0, MAX_CHARS);
  if (t.trim() === '') {
    return { upset: 0, escalate: false, reasons: [], level: 'none', facts: [], text, hasProblem: false, stakes: [], selfCaused: false, needsEmpathy: false };
  }
  const reasons: string[] = [];
  const add = (r: string) => {
    if (!reasons.includes(r)) reasons.push(r);
  };

  const problems = matchCues(t, PROBLEM_CUES);
  const stakes = matchCues(t, STAKE_CUES);
  const emotions = matchCues(t, EMOTION_CUES);
  const escalations = matchCues(t, ESCALATION_CUES);
  const competence = (t.match(COMPETENCE_CUE) ?? []).length;
  const score = afinn(t);

  let raw = 0;
  for (const c of problems) raw += c.weight * 0.8;
  for (const c of emotions) raw += c.weight * 1.2;
  // Saying "I'm furious" outright is the clearest sign there is.
  if (emotions.some((c) => c.weight >= 2)) raw += 1;
  for (const c of escalations) raw += c.weight;
  raw += competence * 0.8;

  const questionMarks = /\?{2,}/.test(t);
  const bangs = /!{2,}/.test(t) || /[!?]{3,}/.test(t);
  const shouting = shoutingScore(t);
  const questions = (t.match(/\?+/g) ?? []).length;
  if (questionMarks) (raw += 1), add('Stacked question marks');
  if (bangs) (raw += 1), add('Stacked exclamation marks');
  if (shouting > 0) (raw += shouting), add(shouting > 1 ? 'Writes in capitals (shouting)' : 'Some words in capitals');
  if (questions >= 3) (raw += 0.5), add('Repeated questions');
  if (!bangs && /!/.test(t)) raw += 0.3;
  if (score.negative < -2) raw += Math.min(2, (-score.negative - 2) * 0.2);

  const questionOnly = QUESTION_ONLY.test(t.trim()) && problems.length === 0 && emotions.length === 0;
  const calm = emotions.length === 0 && escalations.length === 0 && !bangs && !questionMarks && shouting <= 1;
  // "Does my insurance cover a cancelled flight?" names a problem topic but asks, calmly, before anything went wrong.
  // …but "why was my order cancelled?" asks about something that already happened to them.
  const happenedToThem = /\b(?:my|our) \w+(?: \w+)? (?:was|were|has been|have been|got|is|are) (?:\w+ )?(?:cancell?ed|suspended|blocked|frozen|locked|declined|rejected|charged|deleted|closed|damaged|lost|delayed|refused|denied|removed|deactivated|terminated)\b/i.test(t);
  const askingFirst = calm && !happenedToThem && /^(?:(?:hi|hello|hey)\b[^.!?]*[.!,]?\s*)?(?:does|do|can|could|is|are|will|would|how (?:do|can|does))\b[^.!?]*\?\s*$/i.test(t.trim());
  const hedged = calm && HEDGED.test(t.trim());
  const hardship = stakes.some((c) => c.reason === 'Health, safety or family affected' || c.reason === 'Livelihood or privacy affected');
  // Thanks for a fix that already happened ("the plumber fixed our leaking boiler") is still a thank-you note.
  const pastFix = /\b(?<!not |n't |never |still not |(?:need|want|get|have) (?:this|it|that) (?:\w+ )?)(?:fixed|sorted|resolved|solved|repaired|replaced|sorted out)\b/i.test(t);
  const thankYouNote =
    calm && GRATITUDE.test(t) && (problems.length === 0 || (pastFix && !problems.some((c) => c.reason === 'Sarcastic' || c.reason === 'Something has not happened')));
  const hasProblem =
    !askingFirst &&
    !thankYouNote &&
    !hedged &&
    (problems.length > 0 ||
    (hardship && !questionOnly) ||
    // Their own mistake or hardship is still a problem to help with (without an apology).
    SELF_CAUSED.test(t) ||
    HARDSHIP.test(t) ||
    emotions.length > 0 ||
    escalations.length > 0 ||
    competence > 0 ||
    (!questionOnly && score.negative <= -4) ||
    // Stacked punctuation and capitals also carry delight ("the BEST!!"): anger only when the words are not positive.
    ((shouting > 1 || bangs || questionMarks) && score.score <= 0));

  // Stakes raise the level only when something actually went wrong.
  if (hasProblem) for (const c of stakes) raw += c.weight * 0.6;

  for (const c of [...emotions, ...problems]) add(c.reason);
  if (hasProblem) for (const c of stakes) add(c.reason);
  if (score.negative <= -4) add('Negative wording');

  const escalationReasons = escalations.map((c) => c.reason);
  if (competence >= 2 || (competence >= 1 && escalations.length > 0)) escalationReasons.push('Keeps questioning the agent’s competence');
  else if (competence === 1) add('Questions the agent’s competence');
  for (const r of escalationReasons) add(r);

  // Within a level, negative wording orders messages (a tiny term that never changes the level).
  const tilt = 0.04 * Math.tanh(-score.score / 6);
  const upset = hasProblem ? Math.min(1, Math.max(0.1, 1 - Math.exp(-raw / 3) + tilt)) : Math.max(0, Math.min(0.1, raw / 20 + 0.05 + tilt));
  const level: UpsetLevel = hasProblem ? LEVELS.find(([min]) => upset >= min)![1] : 'none';
  return {
    upset: Math.round(upset * 1000) / 1000,
    escalate: escalationReasons.length > 0,
    reasons,
    level,
    facts: readFacts(t),
    problem: hasProblem ? readProblem(t) : undefined,
    text,
    hasProblem,
    stakes: hasProblem ? stakes.map((c) => c.reason) : [],
    selfCaused: SELF_CAUSED.test(t) || (HARDSHIP.test(t) && problems.length === 0),
    needsEmpathy:
      hasProblem &&
      (stakes.length > 0 || level === 'furious' || escalations.length > 0 || emotions.some((c) => c.weight >= 2 || c.reason === 'Intensified complaint' || !/\b(?:kind of|kinda|a (?:bit|little)|slightly|somewhat|mildly) \w+$/i.test(t.slice(0, c.re.exec(t)?.index ?? 0).trimEnd() + ' x')) || problems.some((c) => IMPACT_REASONS.has(c.reason)) || bangs || questionMarks || shouting > 1),
  };
}

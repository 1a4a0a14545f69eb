// Context conditions a rule can name in `unless:` / `requires:`. Each answers a
// question about one match in its sentence and reply — the part of meaning a
// phrase pattern alone cannot see. Cheap regex checks come first; compromise is
// used only for the few questions it answers better, and only after a pattern fired.
import nlp from 'compromise';
import { boundedCache } from '../text/memo.ts';

/** Reply-level facts a predicate may depend on (part of the per-sentence cache key). */
export interface ReplyFacts {
  /** An agent action or offer appears somewhere in the reply (outside this sentence's match). */
  offersAlternative: boolean;
  /** An agent action appears in a later sentence. */
  actionAfter: boolean;
  /** An apology or ownership ("we should have", "our mistake") appears in a later sentence. */
  ownershipAfter: boolean;
  /** A later sentence resends what the customer did not get. */
  resendAfter: boolean;
  /** The previous sentence reports a concrete fix the agent made. */
  fixBefore: boolean;
  /** The customer's message reads as a complaint. */
  customerUpset: boolean;
}

export interface MatchContext {
  sentence: string;
  start: number;
  end: number;
  facts: ReplyFacts;
}

const MAX_PARSE_WORDS = 400;

/** Verbs of saying: "I've explained" is talking, not acting. */
const SAYING = '(?:explained|mentioned|stated|noted|said|told|pointed|written|wrote|answered|replied|repeated|advised)\\b';

/** First person doing or offering something concrete. */
export const AGENT_ACTION = new RegExp(
  String.raw`\b(?:I|we)(?:['’]ll|['’]ve\s+(?:just\s+|already\s+|also\s+|now\s+)?(?!${SAYING})(?:[a-z]+ed|sent|made|put|set|done|given|taken|built|found|paid|run|got\s+(?:you|your|a|the))\b|` +
  String.raw`\s+will(?!\s+not\b)|\s+(?:have|had)\s+(?:just\s+|already\s+|also\s+|now\s+)?(?!${SAYING})[a-z]+(?:ed|en|t)\b|\s+can\s+(?!not\b|['’]t\b|only\b|promise\b|assure\b|guarantee\b|tell\b|see\b|understand\b|imagine\b|confirm\s+that\b)|\s+could\s+(?!not\b|n['’]t\b|only\b)|['’]m\s+(?:going\s+to|happy\s+to|sending|refunding|arranging|resending|issuing|booking|escalating|looking|fixing|checking)|\s+am\s+(?:going\s+to|happy\s+to)|\s+(?:just\s+|also\s+)?(?:sent|refunded|credited|issued|booked|reopened|restored|fixed|resent|arranged|escalated|added|uploaded|attached|processed|replaced|reset|corrected|opened|asked|checked|reviewed|moved|extended|ordered|scheduled|contacted|called|emailed|reported|switched|blocked|cancelled|canceled|updated|applied|waived|upgraded|rebooked|re-?sent|shipped))\b|\blet\s+me\b|\bhere(?:['’]s|\s+is|\s+are)\b|\b(?:is|are)\s+(?:on\s+(?:its|their|the)\s+way|attached)\b|\b(?:instead|alternatively|as\s+an\s+alternative|what\s+I\s+can\s+do|you(?:['’]ll|\s+will)\s+(?:receive|get|see))\b`,
  'i',
);

/** Something the agent has already done ("I've reset it", "we refunded"), not a promise. */
export const COMPLETED_ACTION = new RegExp(
  String.raw`\b(?:I|we)(?:['’]ve|\s+have|\s+had)?\s+(?:just\s+|already\s+|also\s+|now\s+)?(?!${SAYING})(?:[a-z]+ed|sent|made|put|set|done|given|taken|built|found|paid|rebuilt|rewritten|shipped)\b`,
  'i',
);

/** The agent owning a mistake or apologizing for real. */
export const OWNERSHIP =
  /\b(?:(?:I|we)\s+should\s+have|(?:I|we)\s+should['’]ve|(?<!not\s)(?<!n['’]t\s)(?:our|my)\s+(?:mistake|fault|error|bad)|(?:that['’]s|that\s+is|this\s+is)\s+on\s+(?:us|me)|(?:I|we)(?:\s+(?:am|are)|['’]m|['’]re)\s+(?:so\s+|very\s+|really\s+|truly\s+)?sorry(?!\s*,?\s*but\b)(?!\s+(?:you\s+feel|if\b))|(?:I|we)\s+apologi[sz]e(?!\s+for\s+any\b)|(?:I|we)\s+(?:messed|dropped)\s+(?:up|the\s+ball))/i;

const RESEND = /\b(?:attached\s+(?:it|them|a\s+copy)(?:\s+(?:here|again|below))?|re-?sen[dt]|re-?sending|sen[dt]\s+(?:it|them|this|that|a\s+copy|you\s+a\s+copy)?\s*again|forward(?:ed)?\s+(?:it|them)\s+again)\b/i;

const SARCASM_MARKER =
  /\b(?:I\s+guess|obviously|clearly|wow|so\s+much\s+patience|endless|infinite|as\s+always|yeah\s+right|sure\s+thing|of\s+course|I\s+suppose|eventually|at\s+least|lol|lmao)\b|🙄|🙃|😒|😏/i;

function isQuestion(m: MatchContext): boolean {
  const tail = m.sentence.slice(m.end);
  const clauseEnd = tail.search(/[.!;]|$/);
  if (/\?/.test(tail.slice(0, clauseEnd + 1)) || /\?\s*$/.test(m.sentence)) return true;
  if (!/^(?:do|did|does|are|is|was|were|can|could|have|has|had|would|will|should)\b/i.test(m.sentence.trim())) return false;
  if (m.sentence.split(/\s+/).length > MAX_PARSE_WORDS) return false;
  return nlp(m.sentence).questions().found;
}

/** The clause around the match: between ; : — – or sentence edges. */
export function clauseBounds(sentence: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !/[;:—–]/.test(sentence[s - 1])) s--;
  let e = end;
  while (e < sentence.length && !/[;:—–.!?]/.test(sentence[e])) e++;
  while (s < e && /\s/.test(sentence[s])) s++;
  while (e > s && /[\s,]/.test(sentence[e - 1])) e--;
  return [s, e];
}

/** Parsed clauses: templates and macros repeat them, and a parse costs ~40 µs a word. */
const youActsCache = boundedCache<boolean>(2000);

/** "you" directly before a verb phrase in the clause, by compromise's tags. */
function youActsIn(clause: string): boolean {
  return youActsCache(clause, () => {
    const doc = nlp(clause);
    const helper = '(#Adverb|#Modal|#Auxiliary|#Negative)';
    return doc.has('you #Verb') || doc.has(`you ${helper} #Verb`) || doc.has(`you ${helper} ${helper} #Verb`);
  });
}

function secondPersonSubject(m: MatchContext): boolean {
  const [s, e] = clauseBounds(m.sentence, m.start, m.end);
  const clause = m.sentence.slice(s, e);
  if (!/\byou\b/i.test(clause)) return false;
  if (clause.split(/\s+/).length > MAX_PARSE_WORDS) return false;
  // "you" directly before a verb phrase, not "I told you" / "for you".
  return youActsIn(clause) && !/\b(?:to|for|with|told|thank|help|assure|promise)\s+you\b/i.test(m.sentence.slice(Math.max(0, m.start - 12), m.end));
}

const HELPFUL_TURN =
  /^[\s,:;—–-]*(?:(?:you|we|i)\s+(?:can|could|may|might|won['’]t\s+need|don['’]t\s+(?:need|have)|do\s+not\s+(?:need|have)|needn['’]t)\b|you['’]re\s+(?:right|correct|not\s+wrong)|you\s+are\s+(?:right|correct)|there['’]s\s+(?:a|an)\s+(?:\w+\s+)?(?:easier|quicker|simpler|faster|better|cheaper)|(?:it['’]s|that['’]s|this\s+is)\s+(?:a\s+)?(?:good|great|fair)\s+(?:question|point|catch)|let\s+me|no\s+need|that['’]s\s+(?:on\s+us|our\s+(?:fault|mistake))|(?:it|this|that)(?:['’]s|\s+is|\s+was|\s+wasn['’]t|\s+isn['’]t)\s+(?:not\s+)?(?:your\s+fault|free|covered|included|refundable)|you\s+did\s+nothing\s+wrong|you(?:['’]re|\s+are)\s+(?:entitled|eligible|covered|owed)|(?:your|the)\s+(?:\w+\s+)?(?:warranty|plan|policy|insurance|guarantee|subscription)\s+(?:does\s+|still\s+|fully\s+)?covers?|there['’]s\s+no\s+(?:charge|fee|cost|need)|(?:\w+\s+){0,3}already\s+(?:went\s+through|arrived|shipped|been\s+(?:sent|refunded|processed|shipped|fixed|approved|credited)))/i;

const CUSTOMER_BENEFIT =
  /\b(?:no\s+(?:extra\s+|additional\s+)?(?:charge|cost|fee)s?|free(?:\s+of\s+charge)?|at\s+no\s+(?:extra\s+)?cost|you(?:['’]re|\s+are)\s+(?:very\s+|more\s+than\s+)?welcome|feel\s+free|shout\s+if|just\s+(?:tell|ask|let)\s+(?:me|us)|let\s+(?:me|us)\s+know|(?:we|I)['’]d\s+(?:love|rather|be\s+happy))\b/i;

export const PREDICATES: Record<string, (m: MatchContext) => boolean> = {
  is_question: isQuestion,
  /** An agent action later in the sentence or in a later sentence. */
  agent_action_follows: (m) => AGENT_ACTION.test(m.sentence.slice(m.end)) || m.facts.actionAfter,
  offers_alternative: (m) =>
    m.facts.offersAlternative || AGENT_ACTION.test(m.sentence.slice(0, m.start)) || AGENT_ACTION.test(m.sentence.slice(m.end)),
  /** The match sits in an if/when/in-case clause ("if it doesn't arrive, check your spam"). */
  conditional: (m) => /\b(?:if|in\s+case|unless|when|should\s+it)\b/i.test(m.sentence.slice(0, m.start)),
  /** The sentence hedges anywhere ("… in case it went there", "if needed"), so it is advice, not accusation. */
  hedged: (m) => /\b(?:in\s+case|just\s+in\s+case|if|sometimes|occasionally|it\s+may\s+have|might\s+have)\b/i.test(m.sentence),
  negated: (m) => /\b(?:not|never|no|n['’]t|hardly)\b[^,.;]{0,25}$/i.test(m.sentence.slice(0, m.start)),
  inside_quotes: (m) => {
    const before = m.sentence.slice(0, m.start);
    const opens = (before.match(/["“]/g) ?? []).length;
    return opens % 2 === 1 || /[‘'][^’'\s]*$/.test(before);
  },
  sarcasm_marker: (m) => SARCASM_MARKER.test(m.sentence),
  sincere_context: (m) => !SARCASM_MARKER.test(m.sentence),
  customer_upset: (m) => m.facts.customerUpset,
  /** The agent resends or offers to send again later in the reply. */
  resend_follows: (m) => RESEND.test(m.sentence.slice(m.end)) || m.facts.resendAfter,
  ownership_follows: (m) => OWNERSHIP.test(m.sentence.slice(m.end)) || m.facts.ownershipAfter,
  fix_before: (m) => m.facts.fixBefore || COMPLETED_ACTION.test(m.sentence.slice(0, m.start)),
  /** The agent reports a completed fix somewhere in this sentence ("To make sure…, I've added a reminder"). */
  fix_in_sentence: (m) => COMPLETED_ACTION.test(m.sentence),
  /** Good news or the agent's own action follows in the same sentence ("Actually, good news: …", "Actually, I've refunded it"). */
  /**
   * A harsh word denied as reassurance ("not a silly question at all", "nobody will feel stupid",
   * "no such thing as a dumb question"), but not an order ("don't be so dramatic").
   */
  denied_as_reassurance: (m) => {
    const before = m.sentence.slice(0, m.start);
    return (
      /\b(?:not|never|no|n['’]t|nobody|no\s+one|nothing(?:['’]s)?|hardly)\b[^,.;!?]{0,25}$/i.test(before) &&
      !/\b(?:don['’]t|do\s+not|stop|quit)\s+(?:be|being|act|acting|sound|sounding|get|getting)\b[^,.;!?]{0,20}$/i.test(before)
    );
  },
  /** What follows in the sentence gives the customer something: no charge, a welcome, an open door ("Obviously there's no charge"). */
  customer_benefit: (m) => CUSTOMER_BENEFIT.test(m.sentence.slice(m.end)),
  good_news: (m) =>
    /\b(?:good|great|better|some)\s+news\b|\b(?:happy|glad|pleased)\s+to\b/i.test(m.sentence) || AGENT_ACTION.test(m.sentence.slice(m.end)),
  second_person_subject: secondPersonSubject,
  /**
   * What follows opens a door rather than correcting: an easier way, an offer, agreement, or a correction
   * in the customer's favour ("Actually, you can skip that step", "Actually, your warranty covers this").
   */
  helpful_turn: (m) => HELPFUL_TURN.test(m.sentence.slice(m.end, m.end + 80)),
  /** The match is at the start of its sentence (after an optional interjection). */
  sentence_start: (m) => /^[\s"'“‘(]*(?:(?:oh|well|so|and|but|ok|okay|hmm|um)[,\s]+)?$/i.test(m.sentence.slice(0, m.start)),
  future_tense: (m) => /\b(?:will|won['’]t|['’]ll|going\s+to|shall)\b/i.test(m.sentence.slice(m.start)),
};

export { RESEND };
export const PREDICATE_NAMES = Object.keys(PREDICATES);

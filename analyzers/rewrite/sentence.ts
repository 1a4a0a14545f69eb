// Sentence-level rewrites by category (playbook part B): each family turns the
// flagged move into its de-escalating counterpart while keeping the rest of
// the sentence (and every fact in it). Patterns describe the move, not a
// sentence. Returns whole-sentence candidates, best first; '' drops the sentence.
import nlp from 'compromise';
import type { Category } from '../types.ts';
import { extractFacts } from '../facts.ts';
import { capitalizeFirst, endMark, lowerFirst, removeRange, tidySentence, wordCount } from './tidy.ts';

export interface SentenceContext {
  /** What went wrong, from the customer's message ("the late delivery"). */
  problem?: string;
  /** The reply already apologizes elsewhere: don't add a second "I'm sorry". */
  apologizedElsewhere: boolean;
}

export const MAX_SENTENCE = 2000;

/** Denying fault or praising ourselves instead of answering. */
const BOAST =
  /\b(?:(?:we|i) did (?:nothing|not do anything) wrong|(?:we(?:'re| are)|i(?:'m| am)) (?:only |just )?(?:doing (?:our|my) best|human)|(?:it|this|that)(?:'s| is| was) not (?:our|my) (?:fault|problem|issue|mistake)|errors? (?:are|is) (?:extremely |very )?rare|(?:our|my) \w+ (?:are|is) (?:highly |very |well )?(?:trained|experienced|qualified|professional)|(?:which )?(?:is|are) (?:completely |perfectly |totally )?normal(?: and)?|(?:is|are) thoroughly (?:checked|tested))\b/i;

interface Family {
  re: RegExp;
  /** Whole-sentence candidates from the match; `s` is the sentence. */
  build: (m: RegExpExecArray, s: string, ctx: SentenceContext) => string[];
}

const S = String.raw;
const SEND_VERB = S`(?:attach|send|include|upload|enclose|provide|submit|forward|fill in|complete|enter|add)`;
const END = S`(?=[,.;!?—–]|\s+(?:so|and|but|which|because|before|after|when)\b|$)`;

function splice(s: string, m: RegExpExecArray, replacement: string): string {
  return tidySentence(s.slice(0, m.index) + replacement + s.slice(m.index + m[0].length), endMark(s) || '.');
}

function the(np: string): string {
  return np.replace(/^(?:your|my|our|any|the|a|an)\s+/i, '').trim();
}

/** "shipped orders" → "a shipped order"; leaves phrases with a determiner alone. */
function singular(np: string): string {
  const t = np.trim();
  if (/^(?:the|a|an|this|that|your|my|our|their|any|some|\d)/i.test(t) || wordCount(t) > 3 || /\b(?:for|to|of|in|on|at|with|from|by)\b/i.test(t)) return t;
  // Read as a noun phrase ("the transfers"), else a bare plural parses as a verb.
  const doc = nlp(`the ${t}`);
  if (!doc.nouns().isPlural().found) return t;
  const one = doc.nouns().toSingular().all().text().replace(/^the /i, '');
  if (one === t) return t;
  return `${/^[aeiou]/i.test(one) ? 'an' : 'a'} ${one}`;
}

/** "the delay" reads after "I understand"; a clause ("$49 and it will be refunded") does not. */
function nounPhrase(raw: string | undefined): string | undefined {
  const t = raw?.replace(/\s+lol$/i, '').trim();
  if (!t || !/^\p{L}/u.test(t) || wordCount(t) > 4 || /\b(?:and|but|or|so|because|if|it|i|you|we|they|will|is|are|was|were|how|what|why)\b/i.test(t)) return undefined;
  if (nlp(`the ${t}`).verbs().found) return undefined;
  return `the ${the(t)}`;
}

function problemOr(ctx: SentenceContext, fallback: string): string {
  return ctx.problem ?? fallback;
}

const FAMILIES: Partial<Record<Category, Family[]>> = {
  defensive: [
    {
      // "As I already explained, …" / "…, as I said, …": the reminder goes, the content stays.
      re: /\b(?:as (?:i|we)(?:'ve| have)? (?:already |previously |clearly )?(?:explained|said|mentioned|stated|told you|pointed out|noted)|like i (?:already )?said|as (?:already |previously )?(?:explained|mentioned|stated|noted)|as you (?:were|have been) told)(?: (?:before|earlier|previously|above|below|several times|twice|on the phone|in (?:my|our|the) (?:last |previous |earlier )?(?:message|email|e-mail|reply|call|chat)))?\b/i,
      build: (m, s) => [removeRange(s, m.index, m.index + m[0].length)],
    },
    {
      // "Actually, you're wrong, the refund…" → "The refund…"; a bare correction becomes a neutral restatement.
      re: /\b(?:actually,?\s*)?(?:(?:you(?:'re| are)|that(?:'s| is)) (?:simply |just )?(?:wrong|incorrect|mistaken|not (?:true|correct|right|accurate))|that(?:'s| is) not what happened)\b/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return wordCount(rest) >= 3 ? [`Here's what I can see on my side: ${lowerFirst(rest)}`, rest] : ['Let me share what I can see on my side.'];
      },
    },
    {
      re: /^\s*(?:actually|of course|obviously|clearly|to be fair|with respect)\b,?\s*/i,
      build: (m, s) => [removeRange(s, m.index, m.index + m[0].length)],
    },
    {
      // "X is always preceded by a notice" → "normally": the fact stays, the certainty that contradicts them goes.
      re: /\b(?:always|invariably) (?=(?:preceded|followed|sent|checked|tested|announced|notified|accompanied)\b)/i,
      build: (m, s) => [splice(s, m, 'normally ')],
    },
    {
      // "The thermostat only does what it's programmed to do" → look into it instead.
      re: /^(.*?)\b(?:only|just) does what (?:it(?:'s| is)|they(?:'re| are)) (?:programmed|designed|built|set|told) to do\b/i,
      build: (m, s) => [splice(s, m, `let me check why ${m[1].trim() ? lowerFirst(m[1].trim()) : 'it'} behaved that way`)],
    },
    {
      // Contradicting their word ("The task was not 'tiny'") → "I can see why the task looked tiny".
      re: /^(.*?)\b(?:was|is|were|are) not (['"‘“])([^'"’”]+)['"’”]/i,
      build: (m, s) => (m[1].trim() ? [splice(s, m, `I can see why ${lowerFirst(m[1].trim())} looked ${m[3]}`)] : []),
    },
    {
      // An excuse that ends in "so we couldn't X": keep the reason, own the missing heads-up.
      re: /\bso (?:we|i) (?:couldn'?t|could not|weren'?t able to|wasn'?t able to) [^,.;!?]+/i,
      build: (m, s) => [splice(s, m, `${m[0]}, and we should have let you know sooner`)],
    },
    {
      // Denying fault or praising ourselves ("we did nothing wrong", "our staff are highly trained").
      re: BOAST,
      build: (m, s) => {
        // Every boast in the sentence goes ("our staff are trained and errors are rare").
        const all = new RegExp(BOAST.source, "gi");
        let rest = s;
        for (let i = 0; i < 3 && all.test(rest); i++) {
          all.lastIndex = 0;
          const hit = all.exec(rest);
          if (!hit) break;
          rest = removeRange(rest, hit.index, hit.index + hit[0].length);
          all.lastIndex = 0;
        }
        return [substantial(rest) ? rest : '', "Let me look into what happened in your case."];
      },
    },
    {
      // "If the system says the password is wrong, then it's wrong" → look into it instead of insisting.
      re: /\bif the (?:system|app|record|log|screen) (?:says|shows) ([^,]+),? (?:then )?(?:it(?:'s| is)|that(?:'s| is)) \w+/i,
      build: (m, s) => [splice(s, m, `the system shows ${m[1].trim()}, so let's find out why`)],
    },
    {
      // "I messaged you on Tuesday" → "It looks like my message on Tuesday didn't reach you".
      re: /\b(?:i|we) (?:already |did )?(?:messaged|emailed|e-mailed|wrote to|replied to|texted|sent you (?:a message|an email|it|this|the \w+)) (?:you )?((?:on|at|last) [\w:]+|yesterday|this morning|earlier today)/i,
      build: (m, s) => [splice(s, m, `it looks like my message ${m[1]} didn't reach you`), splice(s, m, `I sent it ${m[1]}, but it may not have reached you`)],
    },
    {
      re: /^(?:i (?:can )?(?:guarantee|assure you|promise)(?: that)? )?every \w+ (?:is|gets|was) (?:checked|tested|inspected|reviewed)\b[^,.;!?]*/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return [substantial(rest) ? rest : ''];
      },
    },
  ],
  blame: [
    {
      // "You didn't give us the right address" → "It looks like the address we have isn't the right one".
      re: /\byou (?:didn'?t|did not|never|forgot to|failed to) (?:give|gave|send|sent|provide|enter|use) (?:us |me )?(?:the|a|an|your) (right|correct|full|complete|current|new|valid|updated) ([\w-]+(?: (?:number|address|code|details|name))?)/i,
      build: (m, s) => [splice(s, m, `it looks like the ${m[2]} we have isn't the ${m[1].toLowerCase()} one`), splice(s, m, `the ${m[2]} on file doesn't seem to be the ${m[1].toLowerCase()} one`)],
    },
    {
      // "You didn't attach the invoice" → "It looks like the invoice didn't come through".
      re: new RegExp(S`\byou (?:didn'?t|did not|never|forgot to|failed to|neglected to) ${SEND_VERB}(?:ed|d)?(?: (?:us|me))? ((?:the|your|a|an|any) [^,.;!?]+?)${END}`, 'i'),
      build: (m, s) => {
        const thing = the(m[1]);
        return [splice(s, m, `it looks like the ${thing} didn't come through`), splice(s, m, `I don't see the ${thing} on my side yet`)];
      },
    },
    {
      // "You never told me how to pronounce it" → "I didn't have a note on how to pronounce it".
      re: /\byou (?:didn'?t|did not|never|forgot to|failed to) (?:tell|told|mention(?:ed)?|say|said|specify|specified|let) (?:me|us)(?: know)?(?: about)? ([^,.;!?]+?)(?=[,.;!?—–]|\s+(?:so|and|but)\b|$)/i,
      build: (m, s) => {
        const what = m[1].trim();
        const noun = /^(?:how|what|which|when|where|who|whether|that|if)\b/i.test(what) ? `a note on ${what}` : `the details on ${the(what)}`;
        return [splice(s, m, `I didn't have ${noun}`), splice(s, m, `I missed ${noun}`)];
      },
    },
    {
      // "You ordered X, which is what we sent" → keep the fact, drop the "your own fault" framing.
      re: /\byou (ordered|chose|selected|picked|booked|requested|asked for|bought|approved|signed off on|gave (?:me|us)) ([^,.;!?]+?),? (?:which|and that)(?:'s| is| was)? (?:exactly |just )?what (?:we|i) (?:sent|did|delivered|made|built)\b/i,
      build: (m, s) => [splice(s, m, `our records show ${m[2].trim()} on the order`), splice(s, m, `I can see ${m[2].trim()} on my side`)],
    },
    {
      // "X wasn't in the requirements you gave me" → "X wasn't in the brief I worked from".
      re: /\b(?:the |your )?(?:requirements|brief|instructions|specs?|details|information|info) you (?:gave|sent|provided)(?: (?:me|us))?\b/i,
      build: (m, s) => [splice(s, m, 'the brief I worked from'), splice(s, m, 'what I had in the brief')],
    },
    {
      // "It's your responsibility to check …" → "Let me help you check …".
      re: /\b(?:it(?:'s| is)|that(?:'s| is)) (?:your (?:own )?responsibility|(?:up|down) to you|on you) to ([^.;!?]+)/i,
      build: (m, s) => [splice(s, m, `let me help you ${m[1].trim()}`), splice(s, m, `I can help you ${m[1].trim()}`)],
    },
    {
      // "Purchases made on your account are your responsibility" → "Let me help you sort out the purchases made on your account".
      re: /^(.+?) (?:are|is) (?:entirely |solely )?your (?:own )?responsibility\b/i,
      build: (m, s) => [splice(s, m, `let me help you sort out ${lowerFirst(m[1].trim())}`)],
    },
    {
      // "Check your spam folder" → "If it's not in your inbox, it may have landed in spam".
      re: /\b(?:please )?(?:check|look in|search) your (?:spam|junk)(?: (?:folder|filter|box))?\b/i,
      build: (m, s) => [splice(s, m, "if it's not in your inbox, it may have landed in spam"), splice(s, m, 'it may have landed in spam')],
    },
    {
      // "you must have missed the notice" / "you may have set it incorrectly" → a shared check.
      re: /\b(?:(?:i think |maybe |perhaps )?you (?:must|may|might|probably|obviously|clearly) (?:have )?\w+ed\b[^,.;!?]*|are you sure you [^,.;!?]+|(?:please )?(?:check|make sure|confirm) (?:that )?you (?:\w+ )?(?:read|entered|typed|followed|set|used|did)\b[^,.;!?]*)/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return [wordCount(rest) >= 4 ? `${rest.replace(/[.!?]$/, '')}, so let's check this together.` : "Let's check this together.", "Let's check this together."];
      },
    },
    {
      // "you should have double-checked …" / "you should set up …": an offer, not a lecture.
      re: /\byou (?:really )?(should(?:'ve| have)?|need(?:ed)? to|have to|had to|were supposed to|ought to(?: have)?) ([^,;!?]+?)(?=[,.;!?—–]|$)/i,
      build: (m, s) => {
        const past = /have|'ve|needed|had|were/i.test(m[1]);
        if (past) return [splice(s, m, 'this is an easy step to miss'), splice(s, m, "let's sort out what happens next")];
        return [splice(s, m, `if it helps, you can ${m[2].trim()}`), splice(s, m, `I can help you ${m[2].trim()}`)];
      },
    },
    {
      // Shifting blame to a partner, the weather or "the system" ("we aren't responsible for …").
      re: /\b(?:that(?:'s| is)|it(?:'s| is)|this is) not (?:our|my) (?:fault|responsibility|problem|doing)\b(?:,?\s*(?:it(?:'s| is| was)) (?:the |because of the )?\w+(?: \w+)?(?=[.!?]|$))?,?|,?\s*(?:so )?\b(?:we|i)(?:'re| are| am|'m|\s+aren'?t) (?:not )?(?:responsible|liable|to blame) for [^,.;!?]+|\b(?:so )?(?:there(?:'s| is) nothing (?:we|i) can do)\b/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return [substantial(rest) ? `${rest.replace(/[.!?]$/, '')}, so I'll follow it up with them for you.` : '', "That's ours to sort out, and I'll follow it up."];
      },
    },
  ],
  dismissive: [
    {
      // "Calm down, it's only a small delay" → "I understand the delay is frustrating".
      re: /\b(?:please )?(?:calm down|relax|chill(?: out)?|take a (?:deep )?breath)\b,?\s*(?:(?:it(?:'s| is)|this is) (?:only|just) (?:a |an )?(?:small |minor |little |tiny )?([^,.;!?]+))?/i,
      build: (m, s, ctx) => {
        const np = nounPhrase(m[1]);
        const what = np ?? problemOr(ctx, 'this');
        // A clause after "it's only" is content to keep ("it's $49 and it will be refunded"), minus the "only".
        const clause = m[1] && !np ? `${/\bthis is\b/i.test(m[0]) ? 'This is' : "It's"} ${m[1].trim()}` : '';
        const rest = removeRange(s, m.index, m.index + m[0].length);
        const head = `I understand ${what} is frustrating`;
        if (clause) return [tidySentence(`${head}. ${clause}${rest && wordCount(rest) > 0 ? ` ${rest}` : ''}`, endMark(s) || '.')];
        return [wordCount(rest) >= 3 ? `${head}. ${rest}` : `${head}.`, `I can see why ${what} is frustrating.`];
      },
    },
    {
      // Minimizing: "it's just a screen protector", "X can happen to anyone", "works fine for everyone else".
      re: /\b(?:(?:it(?:'s| is)|this is|that(?:'s| is)) (?:only|just|not a big deal|no big deal|not the end of the world|hardly [\w ]+)(?: (?:a |an |the )?([^,.;!?]+))?|(?:\w+ )?(?:can|could) happen to anyone|(?:works?|opens?|loads?) fine for everyone else|(?:it(?:'s| has))? been (?:there|like that) for years|things (?:come up|happen)|these things happen|(?:there(?:'s| is)) no (?:point|need|use) (?:in )?(?:chasing|asking|writing|emailing|complaining)[^,.;!?]*(?:,\s*it won'?t make it (?:any )?faster)?|it won'?t make it (?:any )?faster|(?:we(?:'re| are)|i(?:'m| am)) (?:a bit |very |really )?busy|(?:they(?:'re| are) cheap,?\s*)?(?:just )?buy (?:another|a new) one|your loss|don'?t worry(?: about it)?|no big deal|lol)\b/i,
      build: (m, s, ctx) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        const what = (m[1] && !/^(?:a |an )?(?:deal|end)\b/.test(m[1]) ? nounPhrase(m[1]) : undefined) ?? problemOr(ctx, 'this');
        const ack = [`I understand ${what} is frustrating.`, `I know ${what} has been a real hassle.`];
        return substantial(rest) ? [`${ack[0]} ${rest}`, rest, ack[1]] : ack;
      },
    },
    {
      // "you can export it to PDF yourself in two clicks" → "you can export it to PDF" (drop the "easy for you" words).
      re: /\s*\b(?:yourself|simply|just|easily|it(?:'s| is) (?:really )?(?:easy|simple))\b/gi,
      build: (_m, s) => {
        const stripped = tidySentence(s.replace(/\s*\b(?:yourself|simply|just|easily|it(?:'s| is) (?:really )?(?:easy|simple))\b/gi, ''), endMark(s) || '.');
        return [/^you can\b/i.test(stripped) ? `If it helps, ${lowerFirst(stripped)}` : stripped];
      },
    },
    {
      // "We will consider it for future improvements" → an honest, specific next step placeholder.
      re: /\b(?:we|i)(?:'ll| will)? (?:consider|look at|keep) (?:it|this|your (?:feedback|request|suggestion)) (?:for|in mind for) (?:future|later) \w+/i,
      build: (m, s) => [splice(s, m, "I've passed this to the team and I'll update you by [date]")],
    },
  ],
  non_apology: [
    {
      // "I'm sorry if you were confused by our pricing" → "I'm sorry our pricing wasn't clearer".
      re: /\bsorry (?:if|that) you (?:were|got|felt|are|seem) (?:confused|misled|unclear) (?:by|about) ([^,.;!?]+)/i,
      build: (m, s) => [splice(s, m, `sorry ${m[1].trim()} wasn't clearer`), splice(s, m, `sorry ${m[1].trim()} wasn't explained better`)],
    },
    {
      // "I'm sorry you feel that way" → "I'm sorry this happened".
      re: /\b(?:(?:i(?:'m| am)|we(?:'re| are)) )?(?:so |very |really )?sorry (?:that |if )?you (?:feel|felt|think|thought|believe|see it|were (?:confused|upset|unhappy)|are (?:upset|unhappy)|misunderstood)\b(?: (?:that way|this way|like that|so|otherwise))?(?: (?:about|by|with|over) [^,.;!?]+)?/i,
      build: (m, s, ctx) => {
        const apology = ctx.problem ? `I'm sorry about ${ctx.problem}` : "I'm sorry this happened";
        const out = [splice(s, m, apology), splice(s, m, "I'm sorry we got this wrong")];
        // "…, but that's just how X works": the "but" clause takes the apology back; keep it only if it holds a fact.
        const tail = /^,?\s*(?:but|however),?\s*(.+)$/i.exec(s.slice(m.index + m[0].length));
        if (tail && m.index === 0) {
          const rest = capitalizeFirst(tail[1].replace(/[.!?…]+$/, '').trim()) + (endMark(s).slice(0, 1) || '.');
          out.unshift(extractFacts(rest).length === 0 ? `${apology}.` : `${apology}. ${rest}`, `${apology}. ${rest}`);
        }
        return out;
      },
    },
    {
      // "sorry if there was a mix-up" → "sorry about the mix-up".
      re: /\bsorry if (?:there (?:was|were|has been) (?:a |an |any |some )?([^,.;!?]+)|(?:this|that|it|we) (?:caused|has caused|may have caused|might have caused|was|were) (?:you |any )*([^,.;!?]+))/i,
      build: (m, s, ctx) => {
        const what = (m[1] ?? m[2] ?? '').trim();
        return [splice(s, m, what ? `sorry about the ${the(what)}` : `sorry about ${problemOr(ctx, 'this')}`), splice(s, m, `sorry about ${problemOr(ctx, 'this')}`)];
      },
    },
    {
      // "We're sorry, but cancellations take…" → "Cancellations take…" after an apology, or "I'm sorry. Cancellations take…".
      re: /\b(?:(?:i(?:'m| am)|we(?:'re| are)) )?(?:so |very |really |truly )?(?:sorry|apologi[sz]e|apologies),? (?:but|however),?\s*/i,
      build: (m, s, ctx) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        if (ctx.apologizedElsewhere) return [rest];
        const apology = ctx.problem ? `I'm sorry about ${ctx.problem}.` : "I'm sorry about this.";
        return [`${apology} ${rest}`.trim(), rest];
      },
    },
    {
      // Boilerplate: "We apologize for any inconvenience (this may have caused)".
      re: /\b(?:(?:i|we) (?:sincerely )?apologi[sz]e|(?:our |my )?(?:sincere )?apologies|(?:i(?:'m| am)|we(?:'re| are)) sorry) for any (?:inconvenience|confusion|trouble|frustration)(?: (?:this|that|it) (?:may|might) have caused(?: you)?| caused)?/i,
      build: (m, s, ctx) =>
        ctx.apologizedElsewhere
          ? [removeRange(s, m.index, m.index + m[0].length)]
          : [splice(s, m, `I'm sorry about ${problemOr(ctx, 'the trouble this has caused')}`), splice(s, m, 'I’m sorry for the trouble this has caused you')],
    },
  ],
  policy_shield: [
    {
      // "There is NOTHING I can do to speed that up" → "I can't speed that up myself, but I can [alternative]".
      re: /^(.*?)\bthere(?:'s| is) (?:really |absolutely )?nothing (?:more |else )?(?:i|we) can do(?: to (\w+)([^,.;!?]*))?/i,
      build: (m, s) => {
        const what = m[2] ? `${m[2].toLowerCase()}${m[3].toLowerCase()}` : 'change that';
        const rest = tidySentence(s.slice(m.index + m[0].length), '.');
        const lead = m[1].trim() ? `${m[1].trim()} ` : '';
        const main = `${lead}I can't ${what} myself, but I can [alternative].`;
        return [wordCount(rest) >= 3 ? `${main} ${rest}` : main, `${lead}I can't ${what} myself, but here's what I can do: [alternative].`];
      },
    },
    {
      // "Per our policy we can't refund shipped orders" → "I can't refund a shipped order, but I can [alternative]".
      re: /^(?:(?:as per|per|according to|under|due to) (?:our|the|company) [\w -]*?(?:policy|policies|terms|rules|conditions|agreement),?\s*)?(?:we|i|the company)(?: simply| unfortunately)? (?:can(?:'t|not| not)|are unable to|am unable to|(?:do|does) not|don'?t|won'?t|will not) ((?:be )?\w+(?: (?:back|out|up|off))?)( [^,.;!?]+?)?(?=[.;!?]|,? as\b|,? per\b|$)/i,
      build: (m, s) => {
        const verb = m[1].trim();
        const obj = m[2] ? ` ${singular(m[2].trim())}` : '';
        const rest = s.slice(m.index + m[0].length).replace(/^,?\s*(?:as (?:stated|mentioned|outlined|set out|described) in|per) [^,.;!?]+/i, '');
        const tail = tidySentence(rest, '.');
        const main = `I can't ${verb}${obj}, but I can [alternative].`;
        return [tail && wordCount(tail) >= 3 ? `${main} ${tail}` : main, `I'm not able to ${verb}${obj} myself, but here's what I can do: [alternative].`];
      },
    },
    {
      // Policy as the whole answer ("X is subject to availability, as mentioned in the booking conditions"): drop the
      // appeal to the rulebook, keep the content, offer an alternative.
      re: /^.+$/,
      build: (_m, s) => {
        const base = s
          .replace(/\b(is|are) (?:only )?subject to (availability|approval|change)\b/i, (_m, be: string, what: string) => `${be === 'is' ? 'depends' : 'depend'} on ${what}`)
          .replace(/,?\s*\b(?:as (?:stated|mentioned|outlined|set out|described|explained) in|(?:as )?per|according to|in (?:line|accordance) with|under) (?:our|the|your) [\w -]*?(?:policy|policies|terms(?: and conditions)?|rules|conditions|agreement|T&Cs)\b/i, '')
          .replace(/^(?:unfortunately|sadly|regrettably),?\s*/i, '')
          .replace(/^(?:(?:i(?:'m| am)|we(?:'re| are)) )?(?:so |very |really )?sorry,? (?:but|however),?\s*/i, '');
        const core = tidySentence(base, '.').replace(/[.!?]+$/, '');
        if (/\bbut (?:i|we) can\b|\b(?:let me|i can|i'll|i will|we can|we'll)\b/i.test(core)) return [`${core}.`];
        return [`${core}, but I can [alternative].`, `${core}. Here's what I can do instead: [alternative].`];
      },
    },
  ],
  overpromise: [
    {
      re: /\b(?:(?:i(?:'ll| will)|we(?:'ll| will)) (?:make sure|ensure|guarantee)(?: that)? (?:this|it|that) (?:will )?never happens? again|(?:this|it|that) will never happen again|(?:so|and) (?:that )?(?:this|it) (?:can(?:'t|not)|won'?t|will not|will never) (?:ever )?happen again|(?:this|it) won'?t (?:ever )?happen again)\b/i,
      build: (m, s) => {
        const lead = /^(?:so|and)\b/i.test(m[0]) ? 'to help prevent a repeat' : "I've [action] to help prevent this from happening again";
        return [splice(s, m, lead), splice(s, m, "we're doing everything we can to prevent a repeat")];
      },
    },
    {
      // "I guarantee it'll arrive Friday" → "I expect it to arrive Friday"-ish: keep the fact, drop the guarantee.
      re: /,?\s*\b(?:i|we) (?:can )?(?:100 ?% )?(?:guarantee|promise)(?: you)?(?: that)?\b|\b(?:guaranteed|100 ?% (?:sure|certain|guaranteed))\b|,?\s*(?:100 ?%|guaranteed)(?=[.!?]|$)|\bi promise\b/i,
      build: (m, s) => {
        const word = m[0].toLowerCase();
        // "I guarantee I've …" → "I've …": "I expect" only before a plain statement ("it'll arrive Friday").
        if (/\b(?:i|we)\b/.test(word) && /^\s*(?:i|we)\b/i.test(s.slice(m.index + m[0].length))) return [removeRange(s, m.index, m.index + m[0].length)];
        if (/\b(?:i|we)\b/.test(word)) return [splice(s, m, m[0].startsWith(',') ? ', I expect' : ' I expect'), removeRange(s, m.index, m.index + m[0].length)];
        if (/sure|certain/.test(word)) return [splice(s, m, 'confident')];
        return [removeRange(s, m.index, m.index + m[0].length)];
      },
    },
  ],
  insult: [
    {
      re: /\b(?:you (?:don'?t|do not) know what you(?:'re| are)? (?:want|doing|talking about)(?: and [^,.;!?]+)?|(?:you(?:'re| are)|you sound|that(?:'s| is)) (?:being |so |really |just |a bit |completely )?(?:an? )?(?:idiot|stupid|moron|clueless|lazy|incompetent|dumb|ridiculous|pathetic|absurd|unreasonable|rude|impossible|difficult|entitled)\b(?: \w+)?)/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return [wordCount(rest) >= 4 ? rest : "I'd like to get this right for you.", "Let's make sure I understand what you need."];
      },
    },
  ],
  sarcasm: [
    {
      re: /\b(?:good luck (?:with|finding|getting)[^,.;!?]*|(?:i'?m )?glad you enjoyed it|thanks? (?:so much )?for (?:nothing|your patience,? i guess)|just so you know,?|if you (?:care|bothered|cared) to [^,.;!?]+|as anyone [^,.;!?]+ would (?:know|understand|see)|(?:it'?s )?literally (?:explained|written|right there)[^,.;!?]*|(?:i|we) can'?t read minds|read minds|maybe (?:get|try|read|use) [^,.;!?]+|lol|🙄|😂|🙃)\b/iu,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return [substantial(rest) ? rest : ''];
      },
    },
  ],
  shouting: [
    {
      re: /^.+$/s,
      build: (_m, s) => [toSentenceCase(s)],
    },
  ],
};

const ACRONYM = /^(?:[A-Z]{2,4}|[A-Z]+\d[A-Z\d-]*|\d+[A-Z]+)$/;
const KEEP_ACRONYMS = new Set(['PDF', 'CSV', 'USA', 'EUR', 'USD', 'GBP', 'VAT', 'SMS', 'API', 'ATM', 'FAQ', 'CEO', 'IBAN', 'ID', 'URL', 'OK', 'TV', 'PC', 'UK', 'EU', 'US']);

/** CAPS words → lower case (acronyms and ids kept), stacked !!! / ??? → one mark, capital at the start. */
export function toSentenceCase(s: string): string {
  const words = s.replace(/([!?])[!?]+/g, '$1').replace(/(?<![\w-])[A-Z][A-Z'’]+(?![\w-])/g, (w) => (KEEP_ACRONYMS.has(w) || (ACRONYM.test(w) && /\d/.test(w)) ? w : w.toLowerCase()));
  return capitalizeFirst(words.replace(/\bi\b/g, 'I'));
}

function overlaps(m: RegExpExecArray, start: number, end: number): boolean {
  const mEnd = m.index + m[0].length;
  return m.index < end && mEnd > start;
}

/** A clause worth keeping: a few words and a verb (compromise), or a fact. */
function substantial(s: string): boolean {
  if (extractFacts(s).length > 0) return true;
  return wordCount(s) >= 3 && nlp(s).verbs().length > 0 && !/^\W/.test(s) && !/^(?:with|for|to|of|in|on|at|from|by|about|because|since|as|than)\b/i.test(s);
}

/**
 * Drops only the flagged words, widened to the clause they sit in when the
 * rest of that clause would dangle ("so I went with the obvious reading"), and
 * never a fact: a span holding a fact is left alone. The sentence goes when
 * nothing meaningful is left.
 */
export function removePhrase(sentence: string, start: number, end: number): string {
  if (sentence.length > MAX_SENTENCE) return sentence;
  if (extractFacts(sentence.slice(start, end)).length > 0) return sentence;
  const clauseEnd = /[,.;!?—–]|$/.exec(sentence.slice(end));
  let e = end;
  if (clauseEnd && wordCount(sentence.slice(end, end + clauseEnd.index)) <= 3 && extractFacts(sentence.slice(end, end + clauseEnd.index)).length === 0) e = end + clauseEnd.index;
  let s = start;
  const joiner = /(?:,\s*|\s+)(?:so|and|but|because|then|which means)\s+$/i.exec(sentence.slice(0, start));
  if (joiner) s = joiner.index;
  const rest = removeRange(sentence, s, e);
  if (substantial(rest)) return rest;
  return extractFacts(sentence).length > 0 ? (extractFacts(sentence).every((f) => rest.toLowerCase().includes(f.toLowerCase())) ? rest : sentence) : '';
}

/**
 * Candidate rewrites of one sentence for a finding at [start, end) within it,
 * best first. Families whose match does not touch the finding are skipped.
 */
export function rewriteSentence(sentence: string, start: number, end: number, category: Category, ctx: SentenceContext): string[] {
  const out: string[] = [];
  // Nobody writes a 2,000-character sentence; pasted logs get no rewrite rather than a slow one.
  if (sentence.length > MAX_SENTENCE) return out;
  for (const family of FAMILIES[category] ?? []) {
    const re = new RegExp(family.re.source, family.re.flags.replace('g', ''));
    const m = re.exec(sentence);
    if (!m || !overlaps(m, start, end)) continue;
    for (const c of family.build(m, sentence, ctx)) if (!out.includes(c) && c !== sentence) out.push(c);
    if (out.length >= 3) break;
  }
  return out.map((c) => (c ? capitalizeFirst(c) : c));
}

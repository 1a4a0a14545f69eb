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
  /** Applied to every candidate the family builds. */
  post?: (candidate: string) => string;
}

const S = String.raw;
const SEND_VERB = S`(?:attach|send|include|upload|enclose|provide|submit|forward|fill in|complete|enter|add)`;
const END = S`(?=[,.;!?—–]|\s+(?:so|and|but|which|because|before|after|when)\b|$)`;

function splice(s: string, m: RegExpExecArray, replacement: string): string {
  return tidySentence(s.slice(0, m.index) + replacement + s.slice(m.index + m[0].length), endMark(s) || '.');
}

function the(np: string): string {
  return np.replace(/^(?:your|my|our|any|the|a|an|some)\s+/i, '').trim();
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
  const t = raw?.replace(/\s+lol$/i, '').replace(/^(?:some |a |an )?(?:light |small |minor |little |tiny |bit of |slight )+/i, '').trim();
  if (!t || !/^\p{L}/u.test(t) || wordCount(t) > 6 || /\b(?:and|but|or|so|because|if|it|i|you|we|they|will|is|are|was|were|how|what|why)\b/i.test(t)) return undefined;
  if (nlp(`the ${t}`).verbs().found) return undefined;
  return `the ${the(t)}`;
}

function problemOr(ctx: SentenceContext, fallback: string): string {
  return ctx.problem ?? fallback;
}

const FAMILIES: Partial<Record<Category, Family[]>> = {
  defensive: [
    {
      // "The tracking shows it was delivered at 14:02" → the record stays, as the record, beside what the customer sees.
      re: /\b(the tracking|the tracking page|our records?|the records?|our system|the system|the logs?|the courier|the carrier|the app) (?:clearly |also )?(?:shows?|says|indicates|confirms) (?:that )?([^,;!?]{1,40}?) (?:was|were|has been|have been) (\w+ed|paid|sent|signed for)\b([^;!?]*?)[.!]*$/i,
      build: (m, s) => [splice(s, m, `${m[1]} ${/s$/i.test(m[1]) ? 'have' : 'has'} ${m[2]} as ${m[3]}${m[4]}, but that doesn't match what you're seeing, so let me find out what happened`)],
    },
    {
      // ", which affects all providers" / ", so the interruption was expected": the excuse goes, the explanation stays.
      re: /,?\s*\b(?:which (?:affects|happens to|applies to) (?:all|every|other) [^,.;!?]+|so (?:the|this|that|it) (?:\w+ )?(?:was|is) (?:expected|normal|intended|correct))/i,
      build: (m, s) => [removeRange(s, m.index, m.index + m[0].length)],
    },
    {
      // "Every jacket is measured before it leaves the warehouse" → the process stays, stated as the norm, and their case gets a look.
      re: /^((?:every|each|all|our) [^,;!?]*?|[\w -]*?(?:notices|emails|orders|parcels|items|reminders)) (is|are) (?:always )?((?:automatically )?(?:checked|tested|inspected|reviewed|measured|sent|verified|weighed)(?: automatically)?)\b([^,;!?]*?)[.!]*$/i,
      build: (m) => [`${capitalizeFirst(m[1])} ${m[2]} normally ${m[3]}${m[4]}, so let me check what happened in your case.`],
    },
    {
      // "The invoice is correct" → "looks correct on my side", and an offer to go through it.
      re: /^((?:the|your|our|this|that) [\w -]{1,30}?) (is|are|was|were) (?:completely |perfectly |entirely |definitely )?(correct|right|accurate)[.!]*$/i,
      build: (m) => {
        const look = { is: 'looks', are: 'look', was: 'looked', were: 'looked' }[m[2].toLowerCase() as 'is'];
        return [`${capitalizeFirst(m[1])} ${look} ${m[3]} on my side, but let me go through it with you.`];
      },
    },
    {
      // "…, and the freeze was applied correctly" → how it looks on our side, and a look together.
      re: /\b((?:the|your|our|this|that) [\w -]{1,30}?) (was|were) (applied|charged|calculated|processed|billed|handled|done|set up) (?:correctly|properly|right)\b/i,
      build: (m, s) => [splice(s, m, `${m[1]} looks to have been ${m[3]} correctly on my side, but let me go through it with you`)],
    },
    {
      // "We fixed that WEEKS ago" → the fix stays, and why they still see it gets a look.
      re: /^(?:we|i)(?: already)? fixed (?:that|this|it)\b([^,;!?]*?)[.!]*$/i,
      build: (m) => [`That should have been fixed${m[1]}, so let me check why you're still seeing it.`],
    },
    {
      // "As I already explained, …" / "…, as I said, …": the reminder goes, the content stays.
      re: /\b(?:as (?:i|we)(?:'ve| have)? (?:already |previously |clearly )?(?:explained|said|mentioned|stated|told you|pointed out|noted)|like i (?:already )?said|as (?:already |previously )?(?:explained|mentioned|stated|noted)|as you (?:were|have been) told|(?:as )?per my (?:last|previous|earlier) (?:message|email|e-mail|reply|note))(?: (?:before|earlier|previously|above|below|several times|twice|on the phone|in (?:my|our|the) (?:last |previous |earlier )?(?:message|email|e-mail|reply|call|chat)))?(?: (?:in|at|on|during) (?:the |our |my |your )?[\w -]*(?:agreement|conditions|terms|policy|docs|documentation|faq|guide|contract|check-in|booking|confirmation|email|message|letter|notice))?\b/i,
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
        // "Data outages of this kind are normal during migrations": the information stays, minus the verdict.
        const happens = m[0].match(/^(?:which )?(?:is|are) (?:completely |perfectly |totally )?normal$/i) ? tidySentence(s.replace(m[0], 'can happen'), '.') : '';
        const soft = happens && substantial(happens) ? [`${happens.replace(/[.!?]+$/, '')}, but let me check what happened in your case.`] : [];
        return [...soft, substantial(rest) ? rest : '', "Let me look into what happened in your case."];
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
      build: (m, s) => [
        splice(s, m, `it looks like my message ${m[1]} didn't reach you`),
        splice(s, m, `I sent it ${m[1]}, but it may not have reached you`),
        // The rest ("check your spam") tells them to go looking: owning the miss replaces it (kept only when it holds no fact).
        `It looks like my message ${m[1]} didn't reach you, and I'm sorry about that${endMark(s) === '?' ? '.' : endMark(s) || '.'}`,
      ],
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
      // "I'm not sure who told you 5 days, because that's not our process" → nobody is blamed, the mix-up is ours.
      re: /^(?:honestly,? )?(?:i'?m not sure|i(?: really)? don'?t know|no idea) who (?:told|promised|said to) you( (?:that|this|it|[^,.;!?]{1,30}?))?(?:,? (?:because|but) [^.!?]*)?[.!]*$/i,
      build: (m) => {
        const what = m[1]?.trim();
        const thing = !what || /^(?:that|this|it)$/i.test(what) ? 'that' : `the ${what.replace(/^(?:the|a|an)\s+/i, '')}`;
        return [`I'm not sure how ${thing} came up, and I'm sorry for the confusion.`];
      },
    },
    {
      // "you didn't read the SMS we sent" → "it looks like the SMS we sent didn't reach you".
      re: new RegExp(S`\b(?:clearly |obviously )?you (?:didn'?t|did not|never|forgot to|failed to) (?:read|see|open|notice|check|get|receive)(?: (?:properly|carefully))? ((?:the|our|my|your|a|an) [^,.;!?]+?)${END}`, 'i'),
      build: (m, s) => {
        const thing = m[1].replace(/^(?:your|a|an)\s+/i, 'the ').trim();
        return [splice(s, m, `it looks like ${thing} didn't reach you`), splice(s, m, `${thing} may have been easy to miss`)];
      },
    },
    {
      // "Did you even check the car before driving off???" → a plain question.
      re: /\bdid you (?:even|actually|really|ever) (check|read|look at|try|test|open|look)\b/i,
      build: (m, s) => [tidySentence(splice(s, m, `did you get a chance to ${m[1].toLowerCase()}`), '?').replace(/[?!]+$/, '?')],
    },
    {
      // "If you had kept your contact details up to date, you would have been informed" → a shared next step.
      re: /^if you(?: had|'d) (?:kept|updated) ((?:your|the) [\w -]+?) (up to date|up-to-date|current),? (?:then )?you (?:would|'d)(?:'ve| have)? [^,.;!?]+/i,
      build: (m, s) => {
        const plural = /s$/i.test(m[1].trim().split(/\s+/).pop() ?? '');
        return [splice(s, m, `let's make sure ${m[1]} ${plural ? 'are' : 'is'} ${m[2]} so updates reach you`)];
      },
    },
    {
      // "that's the address you gave us when you registered" → what we have on file.
      re: /\b(the|that) (address|email address|email|phone number|number|details|name|postcode|date) (?:that )?you (?:gave|provided|entered|sent|registered)(?: (?:us|me))?( when you (?:registered|signed up|ordered|booked))?/i,
      build: (m, s) => [splice(s, m, `${m[1]} ${m[2]} on file${m[3] ? ' from your registration' : ''}`)],
    },
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
      // "my proofreader let me down, so it's not really my fault" → the fact stays, the fault is owned.
      re: /,?\s*(?:so|and) (?:it(?:'s| is| was)|that(?:'s| is| was)) not (?:really |entirely )?(?:my|our) fault\b/i,
      build: (m, s) => [splice(s, m, ', but I should have caught it myself'), splice(s, m, ", and I'm sorry it got through")],
    },
    {
      // ", which is not something we can control" / ", which is outside our responsibility" → sorry it happened, or a look at their case.
      re: /,?\s*\bwhich (?:is|was|isn't|wasn't) (?:not something (?:we|i) can control|something (?:we|i) can(?:'t|not) control|(?:outside|beyond) (?:our|my) (?:control|responsibility|remit))\b/i,
      build: (m, s) => [splice(s, m, ", and I'm sorry that happened"), splice(s, m, ', so let me check what happened in your case')],
    },
    {
      // "That's not my department — referrals are handled by the booking team" → who handles it, and a hand-off.
      re: /^(?:that(?:'s| is)|it(?:'s| is)|this is) not my (?:department|job|area|team|responsibility)\s*(?:[—–:;,-]|\.{3}|…)\s*(\S.*?)[.!]*$/i,
      build: (m) => [`${capitalizeFirst(m[1].trim())} — I'm sorry for the extra step, and I'll pass this on to them for you.`, `${capitalizeFirst(m[1].trim())}, so let me pass this on to them for you.`],
    },
    {
      // "Maybe calibrate your monitor before whining" → a tip, offered as one.
      re: /^(?:maybe|perhaps|just)\s+(?:try\s+(?:to\s+)?)?(calibrate|check|update|restart|reset|clear|reinstall|adjust|read|look at|turn off|turn on)\b([^,.;!?]*?)(?:\s+(?:before|instead of)\s+(?:whining|complaining|moaning|writing in|contacting us|emailing us|calling us))?[.!?]*$/i,
      build: (m) => [`It might help to ${m[1].toLowerCase()}${m[2]}.`, `If it helps, you could ${m[1].toLowerCase()}${m[2]}.`],
    },
    {
      // Shifting blame to a partner, the weather or "the system" ("we aren't responsible for …").
      re: /\b(?:that(?:'s| is)|it(?:'s| is)|this is) not (?:our|my) (?:fault|responsibility|problem|doing)\b(?:,?\s*(?:it(?:'s| is| was)) (?:the |because of the )?\w+(?: \w+)?(?=[.!?]|$))?,?|,?\s*(?:so )?\b(?:we|i)(?:'re| are| am|'m|\s+aren'?t|\s+can(?:not|'t| not) be held) (?:not )?(?:responsible|liable|to blame|accountable) for [^,.;!?]+|\b(?:so )?(?:there(?:'s| is) nothing (?:we|i) can do)\b/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return [substantial(rest) ? `${rest.replace(/[.!?]$/, '')}, so I'll follow it up with them for you.` : '', 'Let me help you follow this up.'];
      },
    },
  ],
  dismissive: [
    {
      // "You'll have it when it's ready" → "as soon as it's ready"; "We'll fix it eventually" → "as soon as we can".
      re: /\bwhen (it(?:'s| is)|they(?:'re| are)|we(?:'re| are)|we have time)(?: ready| done| finished)?\b|\beventually\b/i,
      build: (m, s) => {
        if (/^eventually$/i.test(m[0])) return [splice(s, m, 'as soon as we can')];
        if (/we have time/i.test(m[0])) return [splice(s, m, 'as soon as we can')];
        return [splice(s, m, `as soon as ${m[0].replace(/^when /i, '')}`)];
      },
    },
    {
      // "Please be patient" → thanks for it instead of an order.
      re: /^(?:please )?be patient\b[^,.;!?]*/i,
      build: (m, s) => [splice(s, m, 'thanks for bearing with us'), splice(s, m, 'thank you for your patience')],
    },
    {
      // "Nobody else complained about the blur" → thanks for raising it.
      re: /\b(?:nobody|no one|no-one) else (?:has )?(?:complained|mentioned|noticed|reported|had (?:a|any) (?:problem|issue)s?)(?: (?:about|with|of) ([^,.;!?]+))?/i,
      build: (m, s, ctx) => {
        const what = m[1] ? m[1].trim() : problemOr(ctx, 'this');
        return [splice(s, m, `thanks for flagging ${what}`), splice(s, m, `I'm glad you raised ${what}`)];
      },
    },
    {
      // ", like everyone else's" / "like everyone else does": the comparison goes, the content stays.
      re: /,?\s*\b(?:just like|like) (?:everyone|everybody|anyone) else(?:'s| does| did| has to| is)?\b|\b(?:just |simply |literally )+/i,
      build: (_m, s) => {
        const out = tidySentence(s.replace(/,?\s*\b(?:just like|like) (?:everyone|everybody|anyone) else(?:'s| does| did| has to| is)?\b/gi, '').replace(/\b(?:just|simply|literally) /gi, ''), endMark(s) || '.');
        return [out];
      },
    },
    {
      // "It'll probably sort itself out in a day or two" → an expectation, stated as ours.
      re: /\b(?:it|this|that)(?:'ll| will| should)? (?:probably |likely |just )?(?:sort|fix|resolve) itself(?: out)?/i,
      build: (m, s) => [splice(s, m, 'I expect this to be resolved'), splice(s, m, 'this should clear up')],
    },
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
      re: /\b(?:(?:it(?:'s| is| was)|this (?:is|was)|that(?:'s| is| was)) (?:only|just|not a big deal|no big deal|not the end of the world|hardly [\w ]+)(?: (?:a |an |the )?([^,.;!?]+))?|(?:\w+ )?(?:can|could) happen to anyone|(?:works?|opens?|loads?) fine for everyone else|(?:it(?:'s| has))? been (?:there|like that) for years|things (?:come up|happen)|these things happen|(?:there(?:'s| is)) no (?:point|need|use) (?:in )?(?:chasing|asking|writing|emailing|complaining)[^,.;!?]*(?:,\s*it won'?t make it (?:any )?faster)?|it won'?t make it (?:any )?faster|(?:we(?:'re| are)|i(?:'m| am)) (?:a bit |very |really )?busy|(?:they(?:'re| are) cheap,?\s*)?(?:just )?buy (?:another|a new) one|your loss|don'?t worry(?: about it)?|no big deal|lol)\b/i,
      build: (m, s, ctx) => {
        // "…, and most guests didn't even notice" is the same minimizing move: it goes with it.
        const rest = removeRange(s, m.index, m.index + m[0].length).replace(/\s*\b(?:most|other|the other|our other) (?:guests|customers|people|users|clients|residents) (?:didn't|did not|don't|do not|haven't|have not) (?:even )?(?:notice|mind|complain)[^,.;!?]*/i, '');
        const what = (m[1] && !/^(?:a |an )?(?:deal|end)\b/.test(m[1]) ? nounPhrase(m[1]) : undefined) ?? problemOr(ctx, 'this');
        const be = /\bwas\b/i.test(m[0]) ? 'was' : 'is';
        const ack = [`I understand ${what} ${be} frustrating.`, `I know ${what} has been a real hassle.`];
        return substantial(rest) ? [`${ack[0]} ${rest}`, rest, ack[1]] : ack;
      },
    },
    {
      // "you can export it to PDF yourself in two clicks" → "you can export it to PDF" (drop the "easy for you" words).
      re: /\s*\b(?:yourself|simply|just|easily|it(?:'s| is) (?:really )?(?:easy|simple))\b/gi,
      build: (_m, s) => {
        const stripped = tidySentence(s.replace(/\s*\b(?:yourself|simply|just|easily|it(?:'s| is) (?:really )?(?:easy|simple))\b/gi, ''), endMark(s) || '.');
        // "you can export it to PDF from Word in two clicks" → the playbook's move: offer to do it, the effort stays ours.
        const task = /^you can (?!not\b)(.+?)(?:,? (in (?:a |an )?\w+ (?:clicks?|seconds?|minutes?|steps?)))?[.!]*$/i.exec(stripped);
        const offer = task ? `I'm happy to ${task[1]} for you${task[2] ? `, it only takes ${task[2].replace(/^in /i, '')} on my side` : ''}.` : undefined;
        return [/^you can\b/i.test(stripped) ? `If it helps, ${lowerFirst(stripped)}` : stripped, ...(offer ? [offer] : [])];
      },
    },
    {
      // "We will consider it for future improvements" → an honest, specific next step placeholder.
      re: /\b(?:we|i)(?:'ll| will)? (?:consider|look at|keep) (?:it|this|your (?:feedback|request|suggestion)) (?:for|in mind for) (?:future|later) \w+/i,
      build: (m, s) => [splice(s, m, "I'll pass this to the team and update you by [date]")],
    },
  ],
  non_apology: [
    {
      // "we regret that you were dissatisfied with our service" → "I'm sorry our service let you down".
      re: /\b(?:(?:i|we) )?(?:(?:sincerely |deeply )?regret|(?:(?:i(?:'m| am)|we(?:'re| are)) )?sorry) (?:that |if )?you (?:were|are|feel|felt)(?: \w+ly)? (?:dissatisfied|disappointed|unhappy|not happy|let down) (?:with|by) ((?:our|the|your) [^,.;!?]+)/i,
      build: (m, s) => [splice(s, m, `I'm sorry ${m[1].trim()} let you down`), splice(s, m, `I'm sorry ${m[1].trim()} wasn't what you expected`)],
    },
    {
      // "Sorry for any misunderstanding on your part" → "I'm sorry this wasn't clearer"; "sorry if the sizing was confusing" → "sorry the sizing wasn't clearer".
      re: /\bsorry (?:for any (?:misunderstanding|confusion) on your (?:part|end|side)|if ((?:the|our|this|that) [\w-]+(?: [\w-]+)?) (was|were|is|are) (?:confusing|unclear|misleading|hard to follow))/i,
      build: (m, s) => {
        const lead = /^sorry/i.test(s.slice(m.index)) && m.index === 0 ? "I'm sorry" : 'sorry';
        if (!m[1]) return [splice(s, m, `${lead} this wasn't clearer`), splice(s, m, `${lead} we didn't explain this better`)];
        const neg = /were|are/i.test(m[2]) ? "weren't" : "wasn't";
        return [splice(s, m, `${lead} ${m[1]} ${neg} clearer`), splice(s, m, `${lead} we didn't explain ${m[1]} better`)];
      },
    },
    {
      // "I'm sorry if you were confused by our pricing" → "I'm sorry our pricing wasn't clearer".
      re: /\bsorry (?:if|that) you (?:were|got|felt|are|seem) (?:confused|misled|unclear) (?:by|about) ([^,.;!?]+)/i,
      build: (m, s) => [splice(s, m, `sorry ${m[1].trim()} wasn't clearer`), splice(s, m, `sorry ${m[1].trim()} wasn't explained better`)],
    },
    {
      // "I'm sorry you feel that way" → "I'm sorry this happened".
      re: /\b(?:(?:i(?:'m| am)|we(?:'re| are)) )?(?:so |very |really )?sorry (?:that |if )?you(?: (?:feel|felt|think|thought|believe|see it|were (?:confused|upset|unhappy|frustrated|annoyed|disappointed)|misunderstood)|(?: are|'re) (?:upset|unhappy|frustrated|annoyed|disappointed))\b(?: (?:that way|this way|like that|so|otherwise)| (?:that )?(?:we|i|it|this|the|our|your|they)\b[^,.;!?]*| (?:(?:so|very|really|a bit|quite) )?(?!about\b|by\b|with\b|over\b|but\b|and\b)[\p{L}-]+(?<!ly))?(?: (?:about|by|with|over) [^,.;!?]+)?/iu,
      build: (m, s, ctx) => {
        const apology = ctx.problem ? `I'm sorry about ${ctx.problem}` : "I'm sorry this happened";
        const out = [splice(s, m, apology), splice(s, m, "I'm sorry we got this wrong")];
        // "…, but that's just how X works": the "but" clause takes the apology back; keep it only if it holds a fact.
        const tail = /^,?\s*(?:but|however),?\s*(.+)$/i.exec(s.slice(m.index + m[0].length));
        if (tail && m.index === 0) {
          const rest = capitalizeFirst(tail[1].replace(/[.!?…]+$/, '').trim()) + (endMark(s).slice(0, 1) || '.');
          // Only a bare "that's just how it works" goes; information ("settings are only reset if you reinstall") stays.
          const empty = extractFacts(rest).length === 0 && /^(?:that(?:'s| is)|it(?:'s| is)|this is) (?:just |simply |unfortunately )?(?:how|the way|what|our policy|the policy|policy|the rules?|life)\b/i.test(rest);
          out.unshift(empty ? `${apology}.` : `${apology}. ${rest}`, `${apology}. ${rest}`);
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
      re: /\b(?:(?:i|we) (?:sincerely )?apologi[sz]e for|(?:our |my )?(?:sincere )?apologies for|(?:i(?:'m| am)|we(?:'re| are)) sorry for|(?:i|we) (?:sincerely |deeply )?regret) any (?:inconvenience|confusion|trouble|frustration|disappointment)(?: (?:this|that|it) (?:may|might) have caused(?: you)?| caused)?/i,
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
      // "I can assure you it will never happen with the new tiles" → "it shouldn't happen with the new tiles";
      // "you'll NEVER have a problem with it again" → "you shouldn't have a problem with it again".
      re: /(?:\b(?:i|we) (?:can )?(?:assure|promise|guarantee)(?: you)?(?: that)? )?\b(it|this|that|you|they|we|the \w+)(?:'ll| will| can) (?:never|not ever)\b/i,
      build: (m, s) => [splice(s, m, `${m[1]} shouldn't`)],
    },
    {
      // "100% fixed", "safe forever", "will definitely be approved", ", I can promise you that": the certainty goes, the content stays.
      re: /\b100 ?% (?=[a-z])|\s+forever\b|\b(?:will|'ll) (?:definitely|certainly|absolutely|surely)\b|,?\s*(?:i|we) can (?:promise|guarantee|assure) you (?:that|of that)\b/i,
      build: (_m, s) => {
        const out = tidySentence(
          s
            .replace(/\b100 ?% (?=[a-z])/gi, '')
            .replace(/\s+forever\b/gi, '')
            .replace(/\b(will|'ll) (?:definitely|certainly|absolutely|surely)\b/gi, (_w, will: string) => (will === "'ll" ? ' should' : 'should'))
            .replace(/(\w) should\b/g, '$1 should')
            .replace(/,?\s*(?:i|we) can (?:promise|guarantee|assure) you (?:that|of that)\b/gi, ''),
          endMark(s) || '.',
        );
        return [out.replace(/\b(\w+) should\b/g, (w, subj: string) => `${subj} should`)];
      },
    },
    {
      re: /\b(?:(?:i(?:'ll| will)|we(?:'ll| will)) (?:make sure|ensure|guarantee)(?: that)? (?:this|it|that) (?:will )?never happens? again|(?:this|it|that) will never happen again|(?:so|and) (?:that )?(?:this|it) (?:can(?:'t|not)|won'?t|will not|will never) (?:ever )?happen again|(?:this|it) won'?t (?:ever )?happen again)\b/i,
      build: (m, s) => {
        const lead = /^(?:so|and)\b/i.test(m[0]) ? 'to help prevent a repeat' : "I've [action] to help prevent this from happening again";
        return [splice(s, m, lead), splice(s, m, "we're doing everything we can to prevent a repeat")];
      },
    },
    {
      // "I guarantee it'll arrive Friday" → "I expect it to arrive Friday"-ish: keep the fact, drop the guarantee.
      re: /,?\s*\b(?:i|we) (?:can )?(?:100 ?% )?(?:guarantee|promise|assure you)(?: you(?= (?:that|it|this|we|i|they|the|your|our)\b))?(?: that)?(?![\w'’])|\b(?:guaranteed|100 ?% (?:sure|certain|guaranteed))\b|,?\s*(?:100 ?%|guaranteed)(?=[.!?]|$)|\bi promise\b/i,
      build: (m, s) => {
        const word = m[0].toLowerCase();
        // "I guarantee I've …" → "I've …": "I expect" only before a plain statement ("it'll arrive Friday").
        if (/\b(?:i|we)\b/.test(word) && /^\s*(?:i|we)\b/i.test(s.slice(m.index + m[0].length))) return [removeRange(s, m.index, m.index + m[0].length)];
        const after = s.slice(m.index + m[0].length);
        // "…you will never have…" is the never-family's: "I expect you will never" is still the promise.
        if (/\bnever\b/i.test(after)) return [];
        if (/\b(?:i|we)\b/.test(word)) {
          const expect = splice(s, m, m[0].startsWith(',') ? ', I expect' : ' I expect');
          // "I guarantee it'll be done by 2 pm" → "It should be done by 2 pm"; a bare object ("zero downtime") has no clause to keep.
          const clause = /^\s*((?:it|this|that|you|they|we|the \w+|your \w+|our \w+))(?:'ll| will) /i.exec(after);
          if (!clause) return [expect];
          const should = `${s.slice(0, m.index)}${m[0].startsWith(',') ? ', ' : ' '}${clause[1]} should ${after.slice(clause[0].length)}`;
          return [expect, tidySentence(should, endMark(s) || '.')];
        }
        if (/sure|certain/.test(word)) return [splice(s, m, 'confident')];
        return [removeRange(s, m.index, m.index + m[0].length)];
      },
      // A trailing ", 100%" or ", no matter what" is the same promise said twice: it goes too.
      post: (c) => tidySentence(c.replace(/,?\s*(?:100 ?%|no matter what)(?=[.!?]*$)/i, ''), endMark(c) || '.'),
    },
  ],
  insult: [
    {
      re: /\b(?:(?:frankly|honestly|to be honest),?\s*)?(?:you (?:don'?t|do not) know what you(?:'re| are)? (?:want|doing|talking about)(?: and [^,.;!?]+)?|(?:you(?:'re| are)|you sound|that(?:'s| is)) (?:being |so |really |just |a bit |completely )?(?:an? )?(?:completely |totally |really |very )?(?:idiot|stupid|moron|clueless|lazy|incompetent|dumb|ridiculous|pathetic|absurd|unreasonable|rude|impossible|difficult|entitled)\b(?: (?!about\b|with\b|at\b|when\b|and\b|but\b|so\b|to\b|for\b)\w+)?(?: (?:about|when it comes to) ([^,.;!?]+))?|you(?:'ve| have) been (?:the most|a really|a very|such an?|an?) (?:difficult|demanding|unreasonable|rude|impossible|annoying|entitled) (?:client|customer|person|user|guest)\b[^,.;!?]*|people like you\b[^,.;!?]*)/i,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length).replace(/^(?:frankly|honestly|to be honest),?\s*/i, '');
        // "you're clueless about hosting, so…" → an offer to explain the topic, not a verdict on the person.
        const topic = m[1] ? nounPhrase(m[1]) ?? (wordCount(m[1]) <= 3 ? m[1].trim() : undefined) : undefined;
        const walk = topic ? [`Let me walk you through ${topic.replace(/^the /, '')} step by step.`] : [];
        const consequence = /^\s*,?\s*(?:so|and so|which is why)\b/i.test(s.slice(m.index + m[0].length));
        return [...walk, wordCount(rest) >= 4 && !consequence ? capitalizeFirst(rest) : "I'd like to get this right for you.", "Let's make sure I understand what you need."];
      },
    },
  ],
  sarcasm: [
    {
      // "clearly you didn't read the SMS" → the sneer goes and the blame is rephrased with it: "it looks like the SMS didn't reach you".
      re: /\b(?:clearly|obviously),?\s+(?=you (?:didn'?t|did not|never|forgot|failed)\b)/i,
      build: (m, s, ctx) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        return rewriteSentence(rest, 0, rest.length, 'blame', ctx).filter((c) => c !== '');
      },
    },
    {
      // "Thanks for your patience, I guess" → the thanks, sincerely.
      re: /\b(thanks?(?: you)?(?: so much)? for your (?:patience|understanding)),?\s*i guess\b/i,
      build: (m, s) => [splice(s, m, m[1])],
    },
    {
      // "Congratulations, you found the one error" → "Thanks for spotting the one error".
      re: /\b(?:congratulations|congrats|well done|bravo),?\s*you (found|spotted|noticed|caught|discovered)\b/i,
      build: (m, s) => [splice(s, m, `thanks for ${({ found: 'spotting', spotted: 'spotting', noticed: 'noticing', caught: 'catching', discovered: 'finding' } as Record<string, string>)[m[1].toLowerCase()]}`)],
    },
    {
      // Scare quotes: "your 'broken' reset link" → "your reset link"; "we'll 'inspect' them" → "we'll inspect them".
      re: /(?<=\s|^)(['‘"“])([\p{L}-]+(?: [\p{L}-]+)?)(['’"”])(?=[\s,.;!?]|$)/u,
      build: (m, s) => {
        const before = s.slice(0, m.index);
        const out = [splice(s, m, m[2])];
        // Before a noun after a determiner the quoted word is a doubted adjective: drop it.
        if (/\b(?:your|the|this|that|my|our|their|first|second|third|fourth|fifth|sixth|latest|other|another|\d+(?:st|nd|rd|th)?)\s+$/i.test(before) && /^\s+[\p{L}]/u.test(s.slice(m.index + m[0].length))) out.unshift(removeRange(s, m.index, m.index + m[0].length));
        return out;
      },
    },
    {
      re: /\b(?:good luck (?:with|finding|getting)[^,.;!?]*|(?:i'?m )?glad you enjoyed it|thanks? (?:so much )?for (?:nothing|your patience,? i guess)|just so you know,?|if you (?:care|bothered|cared) to [^,.;!?]+|as anyone [^,.;!?]+ would (?:know|understand|see)|(?:it'?s )?literally (?:explained|written|right there)[^,.;!?]*|(?:i|we) can'?t read minds|read minds|maybe (?:get|try|read|use) [^,.;!?]+|lol|🙄|😂|🙃)\b/iu,
      build: (m, s) => {
        const rest = removeRange(s, m.index, m.index + m[0].length);
        if (!substantial(rest)) return [''];
        // A scare-quoted word left in the rest is the same sarcasm: "the fourth 'small' change" → "the fourth change".
        const unquoted = rest.replace(/(\b(?:your|the|this|that|my|our|their|first|second|third|fourth|fifth|latest|other|another|\d+(?:st|nd|rd|th)?)) ['‘"“][\p{L}-]+['’"”](?= \p{L})/giu, '$1');
        // Dropping the remark with its sentence is the last resort (the gate keeps it only when no fact goes with it).
        return unquoted !== rest ? [unquoted, rest, ''] : [rest];
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
  // A span that opens a subordinate clause ("If you had read") takes the whole clause with it, up to
  // its comma; with no comma the clause runs into the main one ("…the FAQ you would know") and cannot be cut.
  if (/^\s*(?:if|when|because|unless|although|though|since|while|whether)\b/i.test(sentence.slice(start, end))) {
    const comma = sentence.indexOf(',', end);
    if (comma < 0) return extractFacts(sentence).length > 0 ? sentence : '';
    end = comma + 1;
  }
  // Words that need what follows them: cutting "clearly you didn't" out of "clearly you didn't read X"
  // leaves an order ("Read X"), and cutting after "If" leaves "If you should have…".
  const next = sentence.slice(end);
  if (/\b(?:i|you|we|they|he|she|it|not|never|didn'?t|don'?t|doesn'?t|can'?t|won'?t|will|would|can|could|should|must|to|is|are|was|were)\s*$/i.test(sentence.slice(start, end)) && /^\s+\p{L}/u.test(next)) return sentence;
  if (/\b(?:if|when|because|that|unless|while|whether)\s+$/i.test(sentence.slice(0, start))) return sentence;
  // "We're sorry you're frustrated, but X": the subject goes with its predicate, not "We're X".
  if (/^\s*(?:i'm|i am|we're|we are|it's|it is)\s+(?:so |very |really |truly )?$/i.test(sentence.slice(0, start))) start = 0;
  // "…before whining." → "…." takes the preposition left stranded with it.
  if (/^\s*[.!?]*\s*$/.test(next)) {
    const stranded = /\s+(?:before|after|about|of|for|with|without|instead of|than|while|by)\s*$/i.exec(sentence.slice(0, start));
    if (stranded) start = stranded.index;
  }
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

/** Notices and listings the customer is told they missed: "The closure notice was in the lobby". */
const NOTICE = /\b(?:notice|sign|email|letter|message|sms|text|terms|details|works|information|instructions|date|price|fee)s?\b[^,;!?]*\b(?:was|were|is|are) (?:(?:clearly |already )?(?:in|on|at|posted|listed|displayed|shown|stated|printed|included|sent))\b/i;

/**
 * A defensive or blaming sentence that is all statement ("The page was approved
 * last week", "Upgrades have never been free on your plan"): deleting it loses
 * what the customer needs to know, so the statement stays, framed as what we
 * can see, with the absolutes softened and a look at their case.
 */
export function softenStatement(sentence: string, category: Category): string[] {
  if (category !== 'defensive' && category !== 'blame') return [];
  const t = sentence.trim();
  if (/\?\s*$/.test(t) || wordCount(t) < 4 || wordCount(t) > 25 || !nlp(t).verbs().found) return [];
  // Contempt or a verdict on the person is no statement to keep.
  if (/\byou\b|\b(?:your (?:fault|problem)|crappy|stupid|whining|complain)\b/i.test(t)) return [];
  let core = t
    .replace(/[.!]+$/, '')
    .replace(/\b(have|has) never been\b/gi, (_m, h: string) => `${h.toLowerCase() === 'has' ? "hasn't" : "haven't"} been`)
    .replace(/\b(?:we|i) (?:have|has) no record of\b/gi, "I can't find a record of")
    .replace(/\bso the (\w+) stands\b/gi, 'so the $1 still applies for now')
    .replace(/\b(?:exactly|precisely) what\b/gi, 'what')
    .replace(/^(?:unfortunately|frankly|honestly),?\s*/i, '')
    .replace(/^(?:(?:i(?:'m| am)|we(?:'re| are)) )?(?:so |very |really )?sorry,? (?:but|however),?\s*/i, '')
    // "These are exactly what the brief asked for" → "These match the brief as I read it".
    .replace(/\b(?:are|is) (?:exactly |precisely )?what (the|your) (brief|spec|specification|order|request|requirements|instructions) (?:asked for|said|specified|required|described)\b/i, (_m, det: string, what: string) => `${/^these|^they|^those/i.test(t) ? 'match' : 'matches'} ${det} ${what} as I read it`)
    // "The works are listed on our website" → "The works are on our website".
    .replace(/\b(is|are|was|were) (?:clearly )?(?:listed|stated|shown|mentioned|posted|published|displayed) (on|in) (our|the) /i, '$1 $2 $3 ');
  // "The page was approved last week" → "I have the page down as approved last week": our record, not a verdict.
  const approved = /^((?:the|your|our|this|that) [^,;]{1,40}?) (?:was|were) (approved|signed off|accepted|agreed)\b(.*)$/i.exec(core);
  if (approved) core = `I have ${lowerFirst(approved[1])} down as ${approved[2]}${approved[3]}`;
  // "Our technician followed the standard procedure" → "Our technician's notes show the standard procedure was followed".
  const followed = /^(.+?) followed (?:the|our) ((?:standard|usual|normal|correct|proper|agreed) )?(procedure|process|protocol|steps|instructions)\b(.*)$/i.exec(core);
  if (followed) {
    const who = /^(?:we|i)$/i.test(followed[1].trim()) ? 'My notes show' : `${followed[1].trim()}'s notes show`;
    core = `${who} the ${followed[2] ?? ''}${followed[3]} ${/s$/i.test(followed[3]) ? 'were' : 'was'} followed${followed[4]}`;
  }
  core = capitalizeFirst(core);
  const ourSide = /\b(?:on my (?:end|side|player|screen|device|machine)|i can(?:'t| not) find|our records|notes show|as i read it|we can see|i can see)\b/i.test(core);
  const out: string[] = [];
  // A blame rule lets a statement stand when ownership follows it ("…, but I'm sorry it was easy to miss").
  if (NOTICE.test(core)) out.push(category === 'blame' ? `${core}, but I'm sorry it was easy to miss.` : `${core}, but it may have been easy to miss.`);
  // Two capitalized words may be a name ("Royal Mail") or an adjective before one ("Older Android"): a
  // statement whose first word cannot be safely lower-cased is not moved after a lead-in.
  const ambiguousCase = /^\p{Lu}\p{Ll}+ \p{Lu}/u.test(core);
  if (!ourSide && !ambiguousCase && !/^(?:i|we)\b/i.test(core)) out.push(`From what I can see, ${lowerFirst(core)}.`);
  // A statement that already offers a look ("…, and I'll look into it") needs no second one.
  if (!/\blook(?:ing)? into\b/i.test(core)) {
    out.push(`${core}, but let me look into it with you.`);
    // A record or a boast that has to stay (it holds a fact) reads as a concession when what they went through comes first.
    out.push(`${core}, but that doesn't change what you went through, and I'll look into it with you.`);
  }
  return out;
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
    for (const built of family.build(m, sentence, ctx)) {
      const c = built && family.post ? family.post(built) : built;
      if (!out.includes(c) && c !== sentence) out.push(c);
    }
    if (out.length >= 3) break;
  }
  return out.map((c) => (c ? capitalizeFirst(c) : c));
}

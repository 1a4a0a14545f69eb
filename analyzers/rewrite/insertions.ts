// Sentences for the missing pieces (playbook part A: empathy, apology, next step,
// follow-up), built from the customer's own problem and facts. Several variants
// per piece, chosen by a hash of the input, so two replies rarely share a line.
import type { Channel } from '../types.ts';
import type { CustomerReport } from '../context.ts';

export type Voice = 'formal' | 'warm';

export interface InsertionContext {
  customer: CustomerReport;
  channel: Channel;
  voice: Voice;
  seed: number;
}

/** FNV-1a: a stable, dependency-free hash for choosing variants deterministically. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function pick<T>(options: T[], seed: number, salt: number): T {
  return options[(seed + salt * 7919) % options.length];
}

/** An order/ticket id the customer mentioned ("#4521", "order 88123"), to mirror back. */
function reference(customer: CustomerReport): string | undefined {
  return customer.facts.find((f) => /\d/.test(f) && (/^#/.test(f) || /^[A-Z]{1,5}-?\d/.test(f) || /^(?:order|ticket|case|invoice|booking|reference|ref|claim)/i.test(f)));
}

/** The thing the customer wrote about ("my lamp" → "your lamp"), when no problem phrase could be read. */
function product(customer: CustomerReport): string | undefined {
  const f = customer.facts.find((x) => /^(?:my|the|your|our) [\p{L}-]+(?: [\p{L}-]+)?$/iu.test(x) && !/ (?:my|the|your|our)$/i.test(x) && !/\b(?:my|your|our) .* (?:my|your|our|the)\b/i.test(x));
  return f ? f.replace(/^(?:my|the|your|our) /i, 'your ').toLowerCase() : undefined;
}

/** A phrase the customer reader cut short ("the wrong for", "the damaged our") reads worse than none. */
function wellFormed(phrase: string | undefined): string | undefined {
  return phrase && !/\b(?:for|our|my|your|their|the|a|an|of|to|with|and|or|but|in|on|at|by|from|is|are|was|were|be|it|this|that|i|we|you)$/i.test(phrase.trim()) ? phrase : undefined;
}

export function problemPhrase(customer: CustomerReport): string | undefined {
  const ref = reference(customer);
  const base = wellFormed(customer.problem) ?? (product(customer) ? `the trouble with ${product(customer)}` : undefined);
  if (!base) return undefined;
  if (!ref || base.includes(ref)) return base;
  const id = /^(?:order|ticket|case|invoice|booking|reference|ref|claim)/i.test(ref) ? ref.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()) : `order ${ref}`;
  return `${base} on ${id}`;
}

export function empathySentence(ctx: InsertionContext): string {
  const { customer, voice, channel, seed } = ctx;
  const p = problemPhrase(customer);
  const stakes = customer.stakes ?? [];
  const strong = customer.level === 'furious' || customer.level === 'upset';
  if (stakes.includes('Health, safety or family affected'))
    return pick(['I understand how worrying this is, and you were right to tell us straight away.', 'I can only imagine how worrying this has been.'], seed, 1);
  if (stakes.includes('Mentions a deadline or big occasion'))
    return pick(['I understand the pressure this puts on you with so little time.', 'I know the timing makes this especially stressful.'], seed, 1);
  const warm = p
    ? [`I completely understand how frustrating ${p} is.`, `I can see why ${p} has been so frustrating.`, `I understand how stressful ${p} must be.`]
    : ['I completely understand how frustrating this is.', 'I can see why this has been so frustrating.', 'That sounds really stressful, and I understand why you are upset.'];
  const formal = p
    ? [`I understand how frustrating ${p} must be.`, `I appreciate how inconvenient ${p} has been for you.`, `I understand the frustration ${p} has caused.`]
    : ['I understand how frustrating this must be.', 'I appreciate how inconvenient this has been for you.', 'I understand the frustration this has caused.'];
  const pool = voice === 'formal' ? formal : warm;
  if (strong && voice === 'warm') pool.push(p ? `You have every right to be upset about ${p}.` : 'You have every right to be upset about this.');
  if (channel === 'marketplace') pool.push(p ? `I understand ${p} is frustrating, especially on a project you're counting on.` : "I understand this is frustrating, especially on a project you're counting on.");
  return pick(pool, seed, 2);
}

export function apologySentence(ctx: InsertionContext): string {
  const { customer, voice, channel, seed } = ctx;
  const p = problemPhrase(customer);
  const what = p ?? 'this';
  const strong = customer.level === 'furious' || customer.level === 'upset';
  const warm = [`I'm really sorry about ${what}.`, `I'm so sorry about ${what}.`, p ? `I'm sorry for ${p} — that shouldn't have happened.` : "I'm sorry you've had to deal with this.", strong ? `I'm truly sorry about ${what} — that's not the experience you should have had.` : `I'm sorry about ${what}.`];
  const formal = [`I apologize for ${what}.`, `Please accept my apologies for ${what}.`, `I'm sorry about ${what}.`];
  if (channel === 'zendesk') formal.push(`On behalf of the team, I apologize for ${what}.`);
  return pick(voice === 'formal' ? formal : warm, seed, 3);
}

/** An apology for what the customer went through, naming no fault: used when the reply still defends the point. */
export function experienceApologySentence(ctx: InsertionContext): string {
  const { voice, seed } = ctx;
  const warm = ["I'm sorry for the trouble this has caused you.", "I'm sorry this has been so frustrating.", "I'm really sorry for the hassle this has caused."];
  const formal = ['I apologize for the trouble this has caused you.', "I'm sorry for the inconvenience this has caused you.", 'Please accept my apologies for the frustration this has caused.'];
  return pick(voice === 'formal' ? formal : warm, seed, 6);
}

export function nextStepSentence(ctx: InsertionContext): string {
  const { customer, voice, channel, seed } = ctx;
  const known = problemPhrase(customer);
  const p = known ?? 'this';
  // Each opens with a verb the next-step check recognizes; [action] and [date] stay for the agent to fill.
  const options =
    voice === 'formal'
      ? [
          `I will handle ${p} personally: [action], confirmed by [date].`,
          'I will update you by [date] once [action] is complete.',
          `I will take care of ${p} myself ([action]) and confirm by [date].`,
        ]
      : [
          `I'll take care of ${p} myself — [action] — and confirm with you by [date].`,
          "I'll update you by [date] once [action] is done.",
          `I'll handle ${p} from here: [action], and I'll confirm by [date].`,
          known ? `I'll check ${known} on our side and [action] by [date].` : "I'll check this on our side and [action] by [date].",
        ];
  if (channel === 'marketplace')
    options.push(voice === 'formal' ? 'I will fix this on my side ([action]) and send you the update here by [date].' : "I'll fix this on my side ([action]) and send you the update here by [date].");
  if (channel === 'zendesk')
    options.push(voice === 'formal' ? `I have noted ${p} on this ticket and will update you by [date] once [action] is done.` : `I've noted ${p} on this ticket and I'll update you by [date] once [action] is done.`);
  return pick(options, seed, 4);
}

export function followUpSentence(ctx: InsertionContext): string {
  const { customer, voice, channel, seed } = ctx;
  const known = problemPhrase(customer);
  const options =
    voice === 'formal'
      ? [
          'I will check in on [day] to make sure everything is resolved.',
          'I will follow up on [day] to confirm everything is in order.',
          known ? `I will contact you again on [day] to confirm ${known} is resolved.` : 'I will contact you again on [day] to confirm the matter is closed.',
        ]
      : [
          "I'll check in on [day] to make sure everything is sorted.",
          "I'll follow up on [day] to make sure it's all working for you.",
          known ? `I'll check back on [day] to make sure ${known} is fully behind you.` : "I'll check back on [day] to make sure you're all set.",
          "I'll touch base again on [day] so you're not left waiting.",
        ];
  const will = voice === 'formal' ? 'I will' : "I'll";
  if (channel === 'zendesk') options.push(`${will} keep this ticket open and check in on [day].`);
  if (channel === 'marketplace') options.push(`${will} message you here on [day] to check everything works on your side.`);
  if (channel === 'email') options.push(`${will} email you on [day] to confirm it is resolved.`);
  return pick(options, seed, 5);
}

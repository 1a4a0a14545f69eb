// The pre-send checklist: the steps of playbook part A that a written reply
// can show, each judged against what the customer's message needs.
import type { Draft } from './text/draft.ts';
import type { AnalysisContext } from './context.ts';
import type { ChecklistItem, ChecklistStatus, Finding } from './types.ts';
import { readNeeds, readReplyMoves } from './missing.ts';

const ACKNOWLEDGE = /\b(?:you(?:'re| are) (?:absolutely |completely |quite )?right|every right|understandabl[ey]|(?:totally |completely )?fair|you deserved?|i'?d (?:be|feel) \w+ too|not (?:okay|ok|acceptable|right)|unacceptable|far too long|thank(?:s| you) for (?:telling|letting|raising|flagging|bringing|your (?:honest )?feedback))\b/i;
const BELITTLING = new Set(['dismissive', 'sarcasm', 'insult', 'blame', 'defensive']);
const THANKS = /\b(?:thanks?|thank you|appreciate)\b/i;

function item(
  id: string,
  step: number,
  label: string,
  status: ChecklistStatus,
  rationale: string,
): ChecklistItem {
  return { id, step, label, status, rationale };
}

const has = <T>(x: T | undefined) => x !== undefined;

export function buildChecklist(draft: Draft, context: AnalysisContext, findings: Finding[]): ChecklistItem[] {
  const moves = readReplyMoves(draft, findings);
  const needs = readNeeds(draft, context, findings, moves);
  const problem = needs.level !== 'none';
  const upset = needs.level === 'upset' || needs.level === 'furious';
  const body = draft.sentences.map((s) => s.text).join(' ');
  const missingCat = new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.category));
  const status = (done: boolean, needed: boolean): ChecklistStatus => (done ? 'done' : needed ? 'missing' : 'not_needed');

  const facts = needs.customer.facts ?? [];
  // "Calm down, it's only $49" repeats the amount to belittle it: a flagged sentence mirrors nothing.
  const spoiled = findings.filter((f) => f.end > f.start && f.severity !== 'info' && BELITTLING.has(f.category));
  const heard = draft.sentences
    .filter((s) => !spoiled.some((f) => f.start < s.end && f.end > s.start))
    .map((s) => s.text)
    .join(' ')
    .toLowerCase();
  const mirrored =
    has(moves.restate) ||
    facts.some((f) => f.length >= 3 && heard.includes(f.toLowerCase())) ||
    (needs.customer.problem !== undefined && heard.includes(needs.customer.problem.replace(/^the /, '')));
  const ownership = has(moves.ownership) || /\b(?:i'?ll|i will|i'?ve|i have)\b/i.test(moves.nextStep?.text ?? '');
  const overpromised = missingCat.has('overpromise') || has(moves.overpromise);

  return [
    item('acknowledge', 1, 'Acknowledge their right to be upset', status(ACKNOWLEDGE.test(body), upset && !has(moves.empathy)),
      'Playbook A.1 (002 §1, 004): "You have every right to be frustrated", "That\'s completely understandable".'),
    item('empathy', 2, 'Express empathy', status(has(moves.empathy) || (has(moves.apology) && !moves.apologyIsBare), needs.empathy),
      'Playbook A.2 (003, 002): "I understand how frustrating this must be" — empathy, not sympathy or pity.'),
    item('apology', 3, 'Apologize sincerely for the experience', status(has(moves.apology), needs.apology && (needs.level === 'furious' || !has(moves.ownership))),
      'Playbook A.3 (003, 002, 001): "I\'m sorry your order arrived late." Not "sorry you feel that way".'),
    item('restate', 4, 'Restate the problem in their words', status(mirrored, upset),
      'Playbook A.4 (002 §5, 003) and C: mirroring what they raised (order, amount, date) shows they were heard.'),
    item('ownership', 5, 'Take ownership', status(ownership, problem),
      'Playbook A.5 (002 §6, 000): "I\'ll handle this personally" — even when other teams must help.'),
    item('solution', 6, 'Offer a concrete solution or options', status(has(moves.nextStep), problem),
      'Playbook A.6 (002, 003): "I can refund the $40 or reship today — which do you prefer?"'),
    item('next-step', 7, 'Say what happens next, and when', status(has(moves.nextStep) && has(moves.timed), problem),
      'Playbook A.7 (003, 002, 001): steps, a realistic time, why any wait is needed, how to reach you.'),
    item('no-overpromise', 8, 'Promise only what you can deliver', overpromised ? 'missing' : 'done',
      'Playbook A.8 (003): no "guarantee", "never again", "100%" unless true.'),
    item('follow-up', 9, 'Follow up or keep the door open', status(has(moves.followUp), upset),
      'Playbook A.9 (003, 002 §10): "I\'ll check in on Friday to make sure it worked", "Reply here any time".'),
    item('thanks', 10, 'Thank them for telling you', status(THANKS.test(body) && !missingCat.has('sarcasm'), false),
      'Playbook A.10 (004, 002): "Thank you for telling us — it helps us fix this for everyone."'),
  ];
}

// Hard contrasts for the phrase engine, written for this project (not taken from
// the dev corpus): the same words flagged in one context and fine in another.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import type { Category } from '../../analyzers/types.ts';

const CUSTOMER = 'I have been waiting two weeks and the replacement still has not arrived. This is unacceptable!';

function flagged(reply: string, customer = CUSTOMER): Set<Category> {
  const out = new Set<Category>();
  for (const f of analyze({ reply, customer }).findings) if (f.severity !== 'info' && !f.category.startsWith('missing_')) out.add(f.category);
  return out;
}

/** [reply, category it must raise] */
const MUST_FLAG: [string, Category][] = [
  // blame: a customer action they supposedly failed to do
  ["You didn't include the order number, so we couldn't find it.", 'blame'],
  ['You never replied to our survey email.', 'blame'],
  ['Had you read the setup guide, the light would be green.', 'blame'],
  ['You should have told us about the allergy when booking.', 'blame'],
  ['You probably entered the wrong card number.', 'blame'],
  ["The courier dropped it, not us.", 'blame'],
  ["Billing errors are the finance team's problem, not mine.", 'blame'],
  ["I'm only the messenger here.", 'blame'],
  ['Our previous agent gave you incorrect information about the fee.', 'blame'],
  ['The system cancelled it automatically.', 'blame'],
  // defensive
  ['As I mentioned in my previous email, the warranty is one year.', 'defensive'],
  ['Actually, the parcel was delivered on time.', 'defensive'],
  ["That's actually not what our website says.", 'defensive'],
  ['To be clear, we never agreed to a discount.', 'defensive'],
  ['Our engineers are extremely experienced.', 'defensive'],
  ['It loads perfectly on our end.', 'defensive'],
  ['Heavy rain slowed every courier, so we could not deliver on Friday.', 'defensive'],
  // sarcasm
  ['Thanks for your patience, obviously.', 'sarcasm'],
  ['Oh, great idea, we will get right on that.', 'sarcasm'],
  ['Sure, whatever you say.', 'sarcasm'],
  ['With all due respect, the instructions are on the box.', 'sarcasm'],
  ['Clearly you did not read the FAQ.', 'sarcasm'],
  ["Here's your 'urgent' report.", 'sarcasm'],
  // dismissive
  ['Please relax, it is only a minor delay.', 'dismissive'],
  ["You're overreacting a little.", 'dismissive'],
  ["It's not that big a deal, honestly.", 'dismissive'],
  ['These things happen with online orders.', 'dismissive'],
  ['Just simply reinstall the app.', 'dismissive'],
  // non-apology
  ["I'm sorry you feel let down, but that's the process.", 'non_apology'],
  ['We are sorry if anyone was upset by the email.', 'non_apology'],
  ['Sorry, but we close at five.', 'non_apology'],
  ['Our apologies for any inconvenience this may have caused.', 'non_apology'],
  // policy
  ['According to our returns policy, sale items are final.', 'policy_shield'],
  ['Delivery dates are not guaranteed.', 'policy_shield'],
  ['Upgrades are granted at the manager’s discretion.', 'policy_shield'],
  ["My hands are tied here.", 'policy_shield'],
  ['We do not refund shipping fees.', 'policy_shield'],
  // overpromise
  ['I promise this will be the last problem you ever have.', 'overpromise'],
  ['We guarantee it will arrive before the weekend.', 'overpromise'],
  ['Your laptop is 100% fixed now.', 'overpromise'],
  // shouting
  ['We have NEVER lost a parcel before.', 'shouting'],
  ['Please stop emailing us!!!', 'shouting'],
  ['What exactly do you want?!', 'shouting'],
  // insult
  ['That is a completely unreasonable request.', 'insult'],
  ['Honestly, you are being ridiculous.', 'insult'],
  ['Some clients are just impossible people.', 'insult'],
];

/** Replies that share words with the flags above but are fine. */
const MUST_PASS: string[] = [
  "You didn't get the confirmation email? I'll resend it right now.",
  "If you didn't receive the code, I can send another one.",
  'You should receive the refund within three business days.',
  'Good news: your replacement actually shipped this morning.',
  "I'm sorry your replacement hasn't arrived — that's two weeks you shouldn't have had to wait.",
  'Thank you for your patience while we sorted this out.',
  "Our policy doesn't allow refunds after 30 days, but I can offer you store credit for the full amount.",
  "I can't change the delivery date myself, but I've asked the depot to call you today.",
  "I've added a note to your account so this won't happen again.",
  'Clearly that was our mistake, and I have refunded the fee.',
  "I'm sorry for the confusion in my last email.",
  'The USB-C cable and the PDF manual are in the box, model KX-220.',
  "The courier lost it, and that's on us — a new one ships today by express.",
  'I know waiting two weeks is frustrating, and I understand why you are upset.',
  "It's completely normal to feel frustrated after waiting this long.",
  'Sorry for the delay! Your replacement left our warehouse today.',
  'Did you get a chance to look at the tracking link?',
  "I'll call you tomorrow at 10 to confirm it arrived.",
  'We checked the box and found the missing part, which ships today.',
];

describe('phrase contrasts', () => {
  for (const [reply, category] of MUST_FLAG) {
    it(`flags ${category}: ${reply}`, () => {
      expect([...flagged(reply)]).toContain(category);
    });
  }
  for (const reply of MUST_PASS) {
    it(`passes: ${reply}`, () => {
      expect([...flagged(reply)]).toEqual([]);
    });
  }
  it('never flags greeting, signature or quoted history', () => {
    const reply = "Hi Sam,\n\nI'm sorry about the delay; your refund is on its way today.\n\nBest,\nAnna\n\nOn Mon, 3 Mar 2025, Sam wrote:\n> CALM DOWN?? This is RIDICULOUS, you idiots!!!";
    expect(flagged(reply).size).toBe(0);
  });
  it('does not flag the same phrase twice when two rules see it', () => {
    const findings = analyze({ reply: 'We apologize for any inconvenience this may have caused.', customer: CUSTOMER }).findings.filter(
      (f) => f.category === 'non_apology',
    );
    expect(findings).toHaveLength(1);
  });
});

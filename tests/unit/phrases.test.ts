// Hard contrasts for the phrase engine, written for this project (not taken from
// the dev corpus): the same words flagged in one context and fine in another.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import type { Category } from '../../analyzers/types.ts';
import { BUILT_IN_RULES } from '../../analyzers/phrases/index.ts';
import { patternTriggers } from '../../analyzers/phrases/pattern.ts';

// The phrase rules' own specs: they run with engine 'rules'. The tone model beside them is judged
// on held-out writers and the blind set (npm run train, npm run eval:blind) and in tone-model.test.ts.
const RULES_ONLY = { engine: 'rules' } as const;

const CUSTOMER = 'I have been waiting two weeks and the replacement still has not arrived. This is unacceptable!';

function flagged(reply: string, customer = CUSTOMER): Set<Category> {
  const out = new Set<Category>();
  for (const f of analyze({ reply, customer }, RULES_ONLY).findings) if (f.severity !== 'info' && !f.category.startsWith('missing_')) out.add(f.category);
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
  // a second batch of new phrasings of the same phenomena
  ["Hi Kim, the delivery address on the order was incomplete, which is why the courier couldn't find you. Next time please add the flat number.", 'blame'],
  ["Hi Kim, we dispatched the cake on Thursday as scheduled. Our bakery has never missed a delivery date before.", 'defensive'],
  ["Hi Kim, it's only a cake, and it was still perfectly edible on Monday. We'll refund the delivery fee.", 'dismissive'],
  ["Hi Kim, unfortunately perishable items cannot be refunded once dispatched. That is our standard policy.", 'policy_shield'],
  ["Hi Kim, we apologise for any inconvenience caused by the delay.", 'non_apology'],
  ["Hi Kim, sorry the cake didn't make it in time for your big day, I guess. Maybe order earlier next year?", 'sarcasm'],
  ["Hi Kim, so sorry! I can promise you this will never happen to you again, and your next cake is free.", 'overpromise'],
  ["Hi Kim, our courier partner is responsible for delivery times, so please take it up with them.", 'blame'],
  ["Unfortunately you selected standard shipping, which takes longer.", 'blame'],
  ["The tracking page clearly says it was delivered, so you must have missed the driver.", 'blame'],
  ["You gave us the wrong postcode.", 'blame'],
  ["Next time please read the confirmation email carefully.", 'blame'],
  ["This happened because you didn't update your card details.", 'blame'],
  ["Our supplier sent the wrong batch, there's nothing we could have done.", 'blame'],
  ["The previous technician clearly messed it up.", 'blame'],
  ["We have processed thousands of orders without a single issue.", 'defensive'],
  ["I did exactly what you asked for.", 'defensive'],
  ["Your card was charged once; the second line is a pending authorization, as our FAQ explains.", 'defensive'],
  ["In fairness, the delay was caused by customs, which is outside our control.", 'defensive'],
  ["We responded within our stated SLA of 48 hours.", 'defensive'],
  ["There's no mistake on our part.", 'defensive'],
  ["Congratulations, you found the one bug we have.", 'sarcasm'],
  ["I'm so sorry our free service isn't perfect enough for you.", 'sarcasm'],
  ["Oh sure, we'll just drop everything for you.", 'sarcasm'],
  ["Nice of you to finally reply.", 'sarcasm'],
  ["That's just how shipping works these days.", 'dismissive'],
  ["Most customers don't even notice this.", 'dismissive'],
  ["You'll get it eventually.", 'dismissive'],
  ["Please be patient.", 'dismissive'],
  ["Mistakes were made.", 'non_apology'],
  ["We regret that you were disappointed with our service.", 'non_apology'],
  ["Apologies if my tone came across wrong, but the answer is still no.", 'non_apology'],
  ["Unfortunately, our system doesn't allow me to do that.", 'policy_shield'],
  ["That's company policy and I can't override it.", 'policy_shield'],
  ["This falls outside the warranty period.", 'policy_shield'],
  ["Terms and conditions apply.", 'policy_shield'],
  ["Rest assured, this will be resolved within the hour.", 'overpromise'],
  ["You will definitely have it by tomorrow.", 'overpromise'],
  ["I can assure you nothing like this will ever happen again.", 'overpromise'],
  ["Your refund HAS BEEN SENT.", 'shouting'],
  ["Read the email AGAIN please.", 'shouting'],
  ["Are you seriously this incompetent?", 'insult'],
  ["What a pathetic complaint.", 'insult'],
  ["That's a dumb question.", 'insult'],
];

/** Replies that share words with the flags above but are fine. */
const MUST_PASS: string[] = [
  "Hi Kim, I'm so sorry — a birthday cake arriving after the party is awful, and it's completely our fault. I've refunded the full $65 and added a voucher for your next order. I've also asked our courier team why the Saturday slot was missed, and I'll let you know what they say by Wednesday.",
  "Hi Kim, you're right to be upset. The cake left our bakery on time, but the courier missed the Saturday slot — that's still on us. I've refunded you in full today.",
  "Hi Kim, I understand how disappointing this is. Our policy normally doesn't cover perishables, but I've made an exception and refunded the cake and delivery.",
  "Hi Kim, I'm really sorry. Could you tell me whether the cake was damaged as well as late? I'd like to make sure the refund covers everything.",
  "Hi Kim, I'm sorry we let you down on such an important day. A full refund is on its way, and I've flagged your address so weekend orders get priority.",
  "I'm sorry the renewal caught you off guard — I've refunded the $120 to your card.",
  "Our policy is to remind customers 7 days before renewal, and that reminder clearly didn't reach you, so I've refunded it.",
  "You didn't do anything wrong here.",
  "You never need to call us to cancel; I've turned off auto-renew for you.",
  "If you'd like, I can also send the receipt as a PDF.",
  "The refund usually takes 3-5 business days to appear, and I'll check on Friday that it has.",
  "I completely understand — nobody likes a surprise charge.",
  "Actually, I have better news: the full amount is already back on your card.",
  "Just reply to this email if anything looks off.",
  "Simply reply YES and I'll cancel the plan today.",
  "We offer a 100% refund within 30 days, and you're well within that.",
  "I know this isn't what you wanted to hear: I can't refund the March charge, but I can credit it to your next three months.",
  "That's on us, and I'm sorry.",
  "Unfortunately the bank takes a few days, but I've sent the refund today.",
  "I checked our logs and the reminder email bounced, which is our fault.",
  "Thanks for your patience while I looked into this.",
  "You're absolutely right that the renewal notice should have been clearer.",
  "To make sure this doesn't happen again, I've added a renewal reminder to your calendar settings.",
  "If you didn't get the confirmation, let me know and I'll resend it.",
  "I can see you cancelled on the 2nd, so this charge should never have happened.",
  "No problem at all — happy to help.",
  "We're sorry for the trouble this caused you, and I've refunded the full amount.",
  "The terms mention auto-renewal, but they don't mention it clearly enough, and I've passed that on.",
  "Could you confirm the last four digits of the card so I can match the refund?",
  "As promised, here's the confirmation: refund ID RF-2231.",
  "I've escalated this to our billing lead, Maria, who will email you by 5pm today.",
  "Honestly, that renewal email should have gone out a week earlier.",

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
  "I'm sorry you were charged twice — I've refunded the duplicate $24.99 just now.",
  "You're right to be frustrated. The second charge was our error, and I've reversed it.",
  "Our records show one delivery attempt on Monday; I've booked a redelivery for Thursday instead.",
  "I can't change the warranty terms, but I can offer a free repair as a goodwill gesture.",
  "The delay was caused by customs, but we should have warned you — I'm sorry.",
  "Please check your spam folder in case the label went there; I've also attached it here.",
  "I'll personally make sure the refund goes out today.",
  "Thanks for writing in again, and sorry you had to chase us three times.",
  "The FAQ says 5 days, but that was wrong in your case and I'm sorry.",
  "Could you send me a photo of the label? Then I can file the claim with the courier for you.",
  "Unfortunately the item is out of stock, so I've refunded you in full and added a 10% voucher.",
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
    const findings = analyze({ reply: 'We apologize for any inconvenience this may have caused.', customer: CUSTOMER }, RULES_ONLY).findings.filter(
      (f) => f.category === 'non_apology',
    );
    expect(findings).toHaveLength(1);
  });
});

describe('pattern triggers (the matcher skips a regex when none of its words is in the sentence)', () => {
  it('never skip a pattern that matches: every regex that matches an example contains one of its trigger words', () => {
    let checked = 0;
    for (const rule of BUILT_IN_RULES) {
      const sentences = [...rule.examples.flag, ...rule.examples.pass];
      rule.regexes.forEach((source, i) => {
        const triggers = rule.triggers?.[i];
        if (!triggers) return;
        const re = new RegExp(source, rule.flags);
        for (const s of sentences) {
          re.lastIndex = 0;
          if (!re.test(s)) continue;
          checked++;
          expect(triggers.some((w) => s.toLowerCase().includes(w)), `${rule.id} #${i} on "${s}"`).toBe(true);
        }
      });
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('derives words from a required part, not from an optional one', () => {
    expect(patternTriggers('[please] calm down')).toEqual(['calm']);
    expect(new Set(patternTriggers('(as per|per|according to) our policy'))).toEqual(new Set(['policy']));
    expect(patternTriggers('re:\\bcalm down\\b')).toBeUndefined();
  });
});

describe('rules that need an upset customer read the customer, not punctuation', () => {
  const boast = 'It was working perfectly when it left our workshop.';
  it('stay quiet for a happy customer who uses "!"', () => {
    expect(flagged(boast, 'Thanks so much, the bike rides great now!').has('defensive')).toBe(false);
  });
  it('fire for a calm complaint without "!"', () => {
    expect(flagged(boast, 'The gears started slipping the day after I collected the bike.').has('defensive')).toBe(true);
  });
});

describe('blame needs something to have gone wrong', () => {
  const howTo = 'How do I book a delivery slot? Thanks!';
  it.each([
    'As you chose express delivery, it arrives tomorrow.',
    'The form asks you to enter your postcode first, then the delivery slots appear.',
    'The instructions say to charge it for two hours before first use.',
  ])('does not flag a helpful answer to a how-to question: "%s"', (reply) => {
    expect(flagged(reply, howTo).has('blame')).toBe(false);
  });
  it('flags the same kind of words when the customer complains', () => {
    expect(flagged('The form asks you to enter your postcode first.', 'My parcel went to the wrong town and nobody will help.').has('blame')).toBe(true);
  });
});

// Missing pieces on phrasings the rules were not written from: polite but worn-out
// customers, hand-off "next steps", regret that is taken back, facts-only replies.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import { readCustomer } from '../../analyzers/customer.ts';

// The phrase rules' own specs: they run with engine 'rules'. The tone model beside them is judged
// on held-out writers and the blind set (npm run train, npm run eval:blind) and in tone-model.test.ts.
const RULES_ONLY = { engine: 'rules' } as const;

const flagged = (reply: string, customer?: string) =>
  new Set(analyze({ reply, customer }, RULES_ONLY).findings.filter((f) => f.severity !== 'info' && f.category.startsWith('missing_')).map((f) => f.category));
/** Every category shown as a warning or error. */
const shown = (reply: string, customer?: string) =>
  new Set(analyze({ reply, customer }, RULES_ONLY).findings.filter((f) => f.severity !== 'info').map((f) => f.category));

describe('customer: short or polite messages that still report a problem', () => {
  it.each([
    'This is the second time I have had to write about this.',
    'Hi, just following up again on my order from last month.',
    'Any update? I emailed last week and heard nothing.',
    "It's happened again.",
    'The same problem is back after your update.',
    "I've explained it twice already.",
    'Thanks, but the issue is still there.',
    'Nobody has got back to me.',
    'Not impressed.',
    "My order says delivered but I don't have it.",
    "I returned the item three weeks ago and haven't had my money back.",
    'The app logs me out every few minutes.',
    "I'm writing again because the problem hasn't gone away.",
    'Why has nobody replied to my ticket?',
    "I'd like to know why my account was suspended.",
    'Can you explain why my order was cancelled?',
    'The package was left outside in the rain.',
    'With respect, this is not what we agreed.',
    "Hi, my discount code didn't apply at checkout.",
    'My booking confirmation shows the wrong dates.',
    'I was double-billed this month.',
    "I appreciate you're busy, but I need this resolved.",
    "I've now spent an hour on the phone trying to sort this.",
  ])('reads a problem in %j', (message) => {
    expect(readCustomer(message).hasProblem).toBe(true);
  });

  it.each(['Hi, can you tell me your opening hours?', 'Thanks so much, everything works now!', 'How do I change my password?', 'Can I order again next month?'])(
    'reads no problem in %j',
    (message) => {
      expect(readCustomer(message).hasProblem).toBe(false);
    },
  );

  it('asks for empathy when the customer lost time or was let down, even when calm', () => {
    expect(readCustomer('I was promised a callback that never came.').needsEmpathy).toBe(true);
    expect(readCustomer('Still waiting for the refund you promised two weeks ago.').needsEmpathy).toBe(true);
    expect(readCustomer('The spa was closed all weekend and nobody told us.').needsEmpathy).toBe(true);
    // A plain defect report is answered by an apology and a fix.
    expect(readCustomer('The phone case I ordered came in the wrong colour.').needsEmpathy).toBe(false);
  });

  it('treats money hardship as needing empathy but not an apology', () => {
    const c = readCustomer("I'm on a fixed income and can't pay this month's bill in full. Can I split it?");
    expect(c.hasProblem).toBe(true);
    expect(c.needsEmpathy).toBe(true);
    expect(c.selfCaused).toBe(true);
    // Hardship beside a real service failure still deserves the apology.
    expect(readCustomer('Your price doubled with no notice and I am on a tight budget.').selfCaused).toBe(false);
  });
});

const WAITING = 'I was told my replacement would ship last Monday. It still has not arrived and nobody replies to my emails.';

describe('next step: motions and hand-offs are not steps', () => {
  it.each([
    "I'm sorry for the wait. We'll look into it.",
    "I'm sorry for the wait. Your request is in the queue and will be handled as soon as possible.",
    "I'm sorry for the wait. Please contact the courier directly about the delivery.",
    "I'm sorry for the wait. You'll need to raise this with the manufacturer.",
    "I'm sorry for the wait. We'll keep you posted.",
    "I'm sorry for the wait. Someone from the team will reach out.",
    "I'm sorry for the wait. Your case has been escalated to the relevant department.",
    "I'm sorry for the wait. We will review your case. Let us know if you need anything else.",
    "I'm sorry for the wait. Please check your spam folder.",
  ])('flags a missing next step in %j', (reply) => {
    expect(flagged(reply, WAITING).has('missing_next_step')).toBe(true);
  });

  it.each([
    "I'm sorry for the wait. I've reshipped it by express and it will arrive on Thursday.",
    "I'm sorry for the wait. A technician will visit tomorrow between 9 and 11.",
    "I'm sorry for the wait. I'll chase the courier myself and email you by 5pm today.",
    "I'm sorry for the wait. Would you like a refund or a new replacement?",
    "I'm sorry for the wait. I've escalated this to our warehouse lead, who will call you by noon tomorrow.",
  ])('accepts the concrete step in %j', (reply) => {
    expect(flagged(reply, WAITING).has('missing_next_step')).toBe(false);
  });
});

describe('apology: regret that owns nothing does not count', () => {
  const CUSTOMER = 'My parcel arrived damaged.';
  it.each([
    'Unfortunately parcels are sometimes damaged in transit. A replacement ships today.',
    "I'm sorry you were disappointed with the delivery. A replacement ships today.",
    "We're sorry to hear you're unhappy. A replacement ships today.",
    'Sorry for the trouble, but the courier handles packaging. A replacement ships today.',
    "Sorry, we can't refund damaged parcels. A replacement ships today.",
    'Sorry to disappoint. A replacement ships today.',
  ])('flags the regret as no apology in %j', (reply) => {
    // Either the phrase rules call it a non-apology, or the apology is reported missing — never silence.
    const categories = shown(reply, CUSTOMER);
    expect(categories.has('missing_apology') || categories.has('non_apology')).toBe(true);
  });

  it('keeps a sincere apology even when a later clause adds "but"', () => {
    const reply = "I'm so sorry your parcel arrived damaged — the box was too thin, but that's on us. A replacement ships today.";
    expect(flagged(reply, CUSTOMER).has('missing_apology')).toBe(false);
  });
});

describe('empathy: facts, decisions and questions are not acknowledgement', () => {
  const CUSTOMER = 'I have been waiting three weeks for my refund and I was told it would take five days.';
  it.each([
    "I'm sorry for the delay. Refunds take up to 30 days. I'll check yours today and email you by 5pm.",
    "I'm sorry for the delay. I understand your frustration, but refunds take up to 30 days. I'll check yours today and email you by 5pm.",
    "I'm sorry for the delay. Your call is important to us. I'll check your refund today and email you by 5pm.",
    "I'm sorry for the delay. It has been a difficult month for our team too. I'll check your refund today and email you by 5pm.",
  ])('flags missing empathy in %j', (reply) => {
    expect(flagged(reply, CUSTOMER).has('missing_empathy')).toBe(true);
  });

  it.each([
    'I understand the scare when two charges show up at once. The first is only a hold and drops off by Friday.',
    "That reminder must have given you quite a fright. I've cancelled it and noted your account.",
    'I understand, and I have fixed the route so it stops today.',
    'Losing a whole afternoon of sales is a real cost. I have credited the day back to your plan.',
  ])('counts naming the feeling or its cost as empathy: %s', (reply) => {
    expect(flagged(reply, 'You charged me twice and nobody answers the phone. This is the third time!').has('missing_empathy')).toBe(false);
  });

  it('accepts a full reply: empathy, a sincere apology and a dated action', () => {
    const reply =
      "Three weeks is far too long to wait, especially after being told five days. I'm sorry we got that wrong. I've pushed the refund through today; it will reach your card within 3 working days, and I'll email you the confirmation.";
    expect(flagged(reply, CUSTOMER).size).toBe(0);
  });

  it('asks for nothing on a neutral question or a thank-you', () => {
    expect(flagged('Yes — we are open 9 to 5 on weekdays.', 'Hi, can you tell me your opening hours?').size).toBe(0);
    expect(flagged('Glad it all works now!', 'Thanks so much, everything works now!').size).toBe(0);
  });
});

// Unseen phrasings of blame and policy-shielding, each inside a whole reply to an
// upset customer: the engine must flag the phenomenon, not one memorised phrase,
// and must stay quiet when the agent asks kindly, resends, or offers an alternative.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';

// The phrase rules' own specs: they run with engine 'rules'. The tone model beside them is judged
// on held-out writers and the blind set (npm run train, npm run eval:blind) and in tone-model.test.ts.
const RULES_ONLY = { engine: 'rules' } as const;

const UPSET = 'This is the third time I am writing. My order never arrived, I was charged twice and nobody helps. I want my money back.';

function categoriesFor(sentence: string): string[] {
  const reply = `Hi Sam,\n\n${sentence}\n\nBest,\nAlex`;
  return analyze({ reply, customer: UPSET }, RULES_ONLY).findings.filter((f) => f.severity !== 'info').map((f) => f.category);
}

const BLAME_FLAG = [
  'This address was entered by you at checkout.',
  "You've changed your mind every round, so the design took longer.",
  "That's your hosting setup, not our plugin.",
  'It looks like you typed your email wrong when registering.',
  'Your card was declined by your bank, not by us.',
  'Your ad blocker is probably breaking the page.',
  'Honestly the brief you sent was vague.',
  'The checkout page asks you to confirm the size before paying.',
  'The instructions clearly state that you need to charge it first.',
  'Please make sure you are on the latest version.',
  'Please check your porch again.',
  'Kindly be more careful when entering your details.',
  'Try restarting your router before contacting support.',
  'The courier must have lost it, so please file a claim with them.',
  "That's between you and the courier now.",
  'Your account was suspended by our automated system, I have no control over that.',
  'The tracking info comes from the courier and isn’t always correct.',
  'Whoever you spoke to before shouldn’t have said that.',
  'The airline cancelled the flight, so you need to claim from them.',
  'The damage looks like it was caused by improper use.',
  'We only did what you asked for.',
  'The revisions were delayed because your feedback came in late.',
  "It works on every other site, so it's something on your side.",
  'If you’d read our email, you’d know the date changed.',
  'The refund is with your bank now, so ask them.',
];

const BLAME_PASS = [
  "Could you try updating the app? Meanwhile I've reset your sync on our side.",
  "You didn't receive it? I'll resend it right away.",
  'Could you have a look in your junk folder? I’ve also resent it.',
  "The courier lost the parcel and I've already sent a replacement at no cost.",
  "Our system flagged the account by mistake; I've lifted the suspension.",
  "Your router might be blocking it; if so, I'll send you steps to fix it.",
  'The box was mishandled in transit, and I’ve sent a new one today.',
  'You were right to contact us.',
];

const POLICY_FLAG = [
  'Refunds are only available within 14 days of purchase.',
  'Our decisions are final.',
  'The fee is a flat rate regardless of how long you stayed.',
  'Accounts lock automatically for security reasons.',
  "That's not how our support works.",
  'Repairs are scheduled in order of priority.',
  'Please return it to the store where you bought it.',
  'Bookings cancelled within 24 hours are charged in full.',
  'Your warranty expired last month.',
  'Sadly that is not covered.',
  'We are not obliged to provide a replacement.',
  'Orders are processed in the sequence they are received.',
  'Requests like this need to go through the official form.',
  'Extra revisions are billed at the hourly rate.',
  'Support is only provided by email.',
  'No refunds after 30 days.',
];

const POLICY_PASS = [
  "Refunds are normally only available within 14 days, but I've made an exception and refunded you today.",
  "The fee is a flat rate, but I've waived it this time.",
  "Accounts lock automatically after five attempts; I've unlocked yours now.",
  'Your warranty expired last month, so I’ve arranged a free repair as a goodwill gesture.',
  'The promotion has ended, but I’ve applied the same discount manually.',
  'Your refund of $40 has been processed today.',
  'Support is normally by email, but I’ll call you at 3pm today.',
  'Good news: the discount now applies to all customers, including you.',
];

describe('blame: unseen phrasings', () => {
  for (const s of BLAME_FLAG) it(`flags: ${s}`, () => expect(categoriesFor(s)).toContain('blame'));
  for (const s of BLAME_PASS) it(`passes: ${s}`, () => expect(categoriesFor(s)).not.toContain('blame'));
});

describe('policy_shield: policy as the whole answer, not when an alternative is offered', () => {
  for (const s of POLICY_FLAG) it(`flags: ${s}`, () => expect(categoriesFor(s)).toContain('policy_shield'));
  for (const s of POLICY_PASS) it(`passes: ${s}`, () => expect(categoriesFor(s)).not.toContain('policy_shield'));
});

// Unseen phrasings of the tone phenomena (insult, sarcasm, dismissive, shouting,
// non-apology, over-promise): each sentence below is written for this test, not
// taken from a rule's examples, so it checks that rules capture the phenomenon.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyzers/index.ts';
import type { Category } from '../../analyzers/types.ts';

// The phrase rules' own specs: they run with engine 'rules'. The tone model beside them is judged
// on held-out writers and the blind set (npm run train, npm run eval:blind) and in tone-model.test.ts.
const RULES_ONLY = { engine: 'rules' } as const;

const COMPLAINT =
  "Third time I'm writing. The heater you installed still rattles and your technician was rude. I want this fixed.";
const HAPPY = 'Quick question: can I change my delivery to Saturday? Loving the service so far!';

function flaggedCategories(sentence: string, customer = COMPLAINT): Category[] {
  const result = analyze({ reply: `Hi Sam,\n\n${sentence}\n\nBest,\nAlex`, customer }, RULES_ONLY);
  return result.findings.filter((f) => f.severity !== 'info').map((f) => f.category);
}

const shouldFlag: [Category, string][] = [
  ['insult', 'Honestly, you are impossible to please.'],
  ['insult', 'Wiring a plug is not rocket science.'],
  ['insult', 'Even a toddler could work the remote.'],
  ['insult', 'Maybe read the care label before blaming us for the shrinking.'],
  ['insult', 'Your ears must be extremely sensitive.'],
  ['insult', 'Perhaps we have a different idea of clean.'],
  ['insult', "I'm running out of patience with these messages."],
  ['insult', 'You sound completely clueless about how heaters work.'],
  ['insult', "Frankly, I'm fed up with your emails."],
  ['insult', 'Your demands are frankly excessive.'],
  ['insult', 'Any reasonable person would have called first.'],
  ['insult', 'What an entitled thing to say.'],
  ['insult', 'Some clients are just…'],
  ['sarcasm', 'Wow, real professional of you to post that review.'],
  ['sarcasm', 'Oh wonderful, a third email.'],
  ['sarcasm', 'What a joke indeed.'],
  ['sarcasm', 'Yes, we did actually check it, thanks for asking.'],
  ['sarcasm', "I'm not kidding, the switch is on the side."],
  ['sarcasm', 'Less sugar is supposedly good for you anyway!'],
  ['sarcasm', 'Maybe decide what you actually want first?'],
  ['sarcasm', 'Sure, because rattling heaters are our favourite thing.'],
  ['sarcasm', 'How convenient that it only rattles when nobody is there.'],
  ['sarcasm', 'The manual is in the box smh.'],
  ['dismissive', 'There is nothing to be upset about.'],
  ['dismissive', "You're making a big deal out of a small noise."],
  ['dismissive', 'Try not to take it so personally.'],
  ['dismissive', "Honestly, it's not that serious."],
  ['dismissive', 'It is a minor rattle, nothing more.'],
  ['dismissive', 'This conversation is over.'],
  ['dismissive', 'We get this kind of complaint all the time.'],
  ['dismissive', "I don't see what the problem is."],
  ['dismissive', 'Suit yourself.'],
  ['non_apology', 'We regret that you are unhappy with the heater.'],
  ['non_apology', 'I apologize if our technician seemed rude to you.'],
  ["non_apology", "We're sorry you feel our technician was rude."],
  ['overpromise', 'The manufacturer will replace it this week, I promise.'],
  ['overpromise', "We'll make sure nothing like this ever happens again."],
  ['overpromise', 'It will 100% be gone after the visit.'],
  ['shouting', 'We have NOT lost your parcel.'],
  ['shouting', 'I TOLD you the part was on order.'],
];

const shouldPass: [string, string?][] = [
  ['Wow, congratulations on the new house! Saturday delivery is booked.', HAPPY],
  ['Oh, good news: Saturday works, and I have moved your delivery.', HAPPY],
  ["Honestly, that's a great idea, and I've passed it to the team.", HAPPY],
  ["I'm sorry for your loss, and I've paused the account as you asked."],
  ["Frankly, we got this wrong. I've booked a senior technician for Thursday 9-12."],
  ['Yes, I checked the install photos, and the bracket is loose, which explains the rattle.'],
  ["It's not a minor thing when you can't sleep, and I'm sorry."],
  ["You don't need to do anything else; I've booked the visit."],
  ['I promise to call you myself on Friday with an update.'],
  ["It will be fine to use the heater until Thursday; the rattle is not a safety issue, and I'm sorry it's keeping you up."],
  ['Some customers have reported the same rattle, and the fix is a new mounting kit, which I have ordered for you.'],
  ['I know this has been a nightmare for you, and I am sorry.'],
  ['If the app is too complicated for you to use right now, I can do it by phone.'],
  ['Moving on to your second question, the invoice is attached.'],
  ['Your IBAN and the PDF invoice are attached; the UPS tracking is in the email.'],
];

const TONE: Category[] = ['insult', 'sarcasm', 'dismissive', 'shouting', 'non_apology', 'overpromise'];

describe('tone phenomena in unseen phrasings', () => {
  it.each(shouldFlag)('%s: %s', (category, sentence) => {
    expect(flaggedCategories(sentence)).toContain(category);
  });
  it.each(shouldPass)('no tone flag: %s', (sentence, customer) => {
    const tone = flaggedCategories(sentence, customer).filter((c) => TONE.includes(c));
    expect(tone).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { rewriteFinding } from '../../analyzers/rewrite/finding.ts';
import { readCustomer } from '../../analyzers/customer.ts';
import type { Category, Finding, Suggestion } from '../../analyzers/types.ts';
import type { AnalysisContext } from '../../analyzers/context.ts';

function finding(reply: string, phrase: string, category: Category): Finding {
  const start = reply.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in "${reply}"`);
  return { ruleId: `test/${category}`, category, severity: 'warning', start, end: start + phrase.length, message: '', rationale: '', suggestions: [{ label: 'rule', replacement: 'RULE' }] };
}

// These tests pin what the rewrite families write; whether the tone model beside the rules accepts
// each rewrite is judged over whole corpora in rewrite-judge.test.ts.
function context(customer = ''): AnalysisContext {
  return { channel: 'email', customer: readCustomer(customer), options: { engine: 'rules' } };
}

/** Applies a suggestion the way an editor would: its own range when given, else the finding's span. */
function apply(reply: string, f: Finding, s: Suggestion): string {
  return reply.slice(0, s.start ?? f.start) + s.replacement + reply.slice(s.end ?? f.end);
}

function rewrites(reply: string, phrase: string, category: Category, customer = ''): string[] {
  const f = finding(reply, phrase, category);
  return rewriteFinding(reply, f, context(customer)).map((s) => apply(reply, f, s));
}

describe('rewriteFinding: the bar from issue 4', () => {
  it('blame: the customer as subject of a failure becomes agentless', () => {
    expect(rewrites("You didn't attach the invoice.", "You didn't attach", 'blame')[0]).toBe("It looks like the invoice didn't come through.");
  });
  it('defensive: "as I already explained" goes, the fact stays, the sentence is re-capitalized', () => {
    expect(rewrites('As I already explained, the refund takes 5 days.', 'As I already explained', 'defensive')[0]).toBe('The refund takes 5 days.');
    expect(rewrites('The refund, as I said before, takes 5 days.', 'as I said before', 'defensive')[0]).toBe('The refund takes 5 days.');
  });
  it('policy shield: first person, singular object, a visible placeholder for the alternative', () => {
    expect(rewrites("Per our policy we can't refund shipped orders.", "Per our policy we can't refund shipped orders", 'policy_shield')[0]).toBe(
      "I can't refund a shipped order, but I can [alternative].",
    );
  });
  it('non-apology: "sorry you feel that way" becomes an apology for what happened', () => {
    expect(rewrites("I'm sorry you feel that way.", 'sorry you feel that way', 'non_apology')[0]).toBe("I'm sorry this happened.");
  });
  it('dismissive: "calm down" becomes an acknowledgement of the actual problem', () => {
    expect(rewrites("Calm down, it's only a small delay.", 'Calm down', 'dismissive')[0]).toBe('I understand the delay is frustrating.');
  });
});

describe('rewriteFinding: sentence-aware details', () => {
  it('drops "sorry, but" without a second apology when the reply already apologizes', () => {
    const reply = "I'm sorry about the double charge. We're sorry, but refunds take 5 days.";
    const out = rewrites(reply, "sorry, but", 'non_apology');
    expect(out[0]).toBe("I'm sorry about the double charge. Refunds take 5 days.");
    expect(out[0].match(/sorry/gi)).toHaveLength(1);
  });
  it('replaces boilerplate with an apology naming the customer problem', () => {
    const out = rewrites('We apologize for any inconvenience. It shipped Monday.', 'apologize for any inconvenience', 'non_apology', 'I was charged twice for my order!');
    expect(out[0]).toBe("I'm sorry about the double charge. It shipped Monday.");
  });
  it('turns "sorry if you were confused by X" into an apology about X', () => {
    expect(rewrites("I'm sorry if you were confused by our pricing.", 'sorry if you were confused', 'non_apology')[0]).toBe("I'm sorry our pricing wasn't clearer.");
  });
  it('keeps a sentence that continues a same-line greeting in lower case', () => {
    const out = rewrites("Hi Tamsin, the thermostat only does what it's programmed to do.", "only does what it's programmed to do", 'defensive');
    expect(out[0]).toBe('Hi Tamsin, let me check why the thermostat behaved that way.');
  });
  it('shouting: sentence case and one punctuation mark, ids kept', () => {
    expect(rewrites('PLEASE SEND THE KX-200 BACK!!!', 'PLEASE SEND THE KX-200 BACK!!!', 'shouting')[0]).toBe('Please send the KX-200 back!');
  });
  it('overpromise: no "never again", a placeholder for what was actually done', () => {
    const out = rewrites("Refund sent. I'll make sure this never happens again.", 'never happens again', 'overpromise');
    expect(out[0]).toBe("Refund sent. I've [action] to help prevent this from happening again.");
    for (const o of out) expect(o).not.toMatch(/never|guarantee/i);
  });
  it('a within-span rewrite carries no range; a wider one says which range it replaces', () => {
    const reply = "I'm sorry you feel that way.";
    const f = finding(reply, "I'm sorry you feel that way", 'non_apology');
    expect(rewriteFinding(reply, f, context())[0].start).toBeUndefined();
    const wide = finding('As I said, it takes 5 days.', 'As I said', 'defensive');
    const s = rewriteFinding('As I said, it takes 5 days.', wide, context())[0];
    // A rewrite reaching past the span offers the whole sentence, which reads on its own (not a fragment like "I").
    expect([s.start, s.end]).toEqual([0, 27]);
    expect(s.replacement).toBe('It takes 5 days.');
  });
  it('never drops a fact inside the flagged phrase', () => {
    const reply = 'Our support team has a 94% satisfaction score.';
    const out = rewrites(reply, 'has a 94% satisfaction', 'defensive');
    // The test rule suggestion ("RULE") would drop it, so it is filtered out too.
    expect(out.every((o) => o.includes('94%'))).toBe(true);
    expect(out).not.toContain('Our support team RULE score.');
  });
  it('inserts a missing piece where it belongs, and the sentence after it keeps its capital', () => {
    const reply = "Hi Dana, the refund went out today and reaches you within 5 days.";
    const customer = 'I was charged twice and nobody answers my emails. This is ridiculous!';
    const f: Finding = { ...finding(reply, 'the', 'missing_empathy'), ruleId: 'missing.empathy', end: 9, start: 9, suggestions: [{ label: 'Add empathy', replacement: 'I understand how frustrating this is. ' }] };
    const [sg] = rewriteFinding(reply, f, context(customer));
    expect(apply(reply, f, sg)).toBe('Hi Dana, I understand how frustrating this is. The refund went out today and reaches you within 5 days.');
  });
  it('offers no missing piece the analysis would still flag as missing', () => {
    // A next step with nothing to anchor it: every candidate is re-read, and one that leaves
    // "no next step" standing is not offered.
    const reply = 'Hi Dana, the refund went out today.';
    const f: Finding = { ...finding(reply, 'the', 'missing_next_step'), ruleId: 'missing.next-step', start: reply.length, end: reply.length, suggestions: [{ label: 'Add a next step', replacement: ' RULE' }] };
    const out = rewriteFinding(reply, f, context('Where is my refund??')).map((sg) => apply(reply, f, sg));
    expect(out.length).toBeGreaterThan(0);
    for (const text of out) expect(text).toMatch(/^Hi Dana, the refund went out today\. I(?:'ll| will) .*\[date\]/);
  });
});

describe('rewriteFinding: audit of what users see (dev corpus and cases)', () => {
  it('overpromise: "I guarantee you\'ll" keeps its subject; "never" becomes "shouldn\'t"', () => {
    const out = rewrites("I guarantee you'll be #1 on Google within two weeks.", "I guarantee you'll", 'overpromise');
    expect(out).toContain("I expect you'll be #1 on Google within two weeks.");
    for (const o of out) expect(o).not.toMatch(/I expect'll|^'Ll/);
    expect(rewrites('I promise you will never have a problem with air conditioning again.', 'I promise you will never', 'overpromise')[0]).toBe(
      "You shouldn't have a problem with air conditioning again.",
    );
    expect(rewrites("We'll take a look, but I can assure you it will never happen with the new tiles.", 'I can assure you it will never', 'overpromise')[0]).toBe(
      "We'll take a look, but it shouldn't happen with the new tiles.",
    );
  });
  it('overpromise: certainty words go, the content stays', () => {
    expect(rewrites('Your data is 100% safe forever.', '100% safe', 'overpromise')[0]).toBe('Your data is safe.');
    expect(rewrites("Don't worry, your claim will definitely be approved in full, I can promise you that.", 'will definitely be', 'overpromise')[0]).toBe(
      "Don't worry, your claim should be approved in full.",
    );
    // A bare object after "guarantee" has no clause to keep: no "the migration is complete and zero downtime".
    const out = rewrites('The migration is complete and we guarantee zero downtime from now on.', 'we guarantee zero', 'overpromise');
    expect(out).toEqual(['The migration is complete and I expect zero downtime from now on.']);
    // The trailing ", 100%" is the same promise: it goes with the guarantee.
    expect(rewrites("Absolutely, I guarantee it'll be done in 2 hours, 100%.", "I guarantee it'll", 'overpromise')).toContain('Absolutely, it should be done in 2 hours.');
  });
  it('non-apology: "sorry you\'re frustrated, but X" apologizes and keeps X (no "We\'re settings are")', () => {
    const out = rewrites("We're sorry you're frustrated, but settings are only reset if you reinstall.", "sorry you're frustrated, but", 'non_apology');
    expect(out[0]).toBe("I'm sorry this happened. Settings are only reset if you reinstall.");
    for (const o of out) expect(o).not.toMatch(/We're settings/);
  });
  it('non-apology: regret, "on your part" and "if the X was confusing" become real apologies', () => {
    expect(rewrites('Thanks for writing in, we regret that you were dissatisfied with our service.', 'regret that you were dissatisfied', 'non_apology')[0]).toBe(
      "Thanks for writing in, I'm sorry our service let you down.",
    );
    expect(rewrites('Sorry for any misunderstanding on your part.', 'misunderstanding on your part', 'non_apology')[0]).toBe("I'm sorry this wasn't clearer.");
    expect(rewrites("Thanks, and we're sorry if the sizing was confusing.", 'sorry if the sizing was confusing', 'non_apology')[0]).toBe(
      "Thanks, and we're sorry the sizing wasn't clearer.",
    );
    expect(rewrites('We regret any disappointment this may have caused.', 'disappointment this may have caused', 'non_apology')[0]).toBe("I'm sorry about the trouble this has caused.");
  });
  it('defensive: a back-reference goes with where it points ("as mentioned in the booking conditions", "Per my previous message")', () => {
    expect(rewrites('Sea-view rooms are subject to availability, as mentioned in the booking conditions.', 'as mentioned', 'defensive')[0]).toBe('Sea-view rooms are subject to availability.');
    expect(rewrites('Per my previous message, cancellations must be done at the front desk.', 'Per my previous message', 'defensive')[0]).toBe('Cancellations must be done at the front desk.');
    expect(rewrites('Guests are welcome to hang the sign on the door, as explained at check-in.', 'as explained at check-in', 'defensive')[0]).toBe(
      'Guests are welcome to hang the sign on the door.',
    );
  });
  it('defensive: a process or correctness claim is kept as information and turned toward their case, not deleted', () => {
    expect(rewrites('Every jacket is measured before it leaves the warehouse.', 'Every jacket is measured', 'defensive')[0]).toBe(
      'Every jacket is normally measured before it leaves the warehouse, so let me check what happened in your case.',
    );
    expect(rewrites('The invoice is correct.', 'The invoice is correct', 'defensive')[0]).toBe('The invoice looks correct on my side, but let me go through it with you.');
    expect(rewrites('Evening slowdowns are caused by network congestion, which affects all providers.', 'which affects all providers', 'defensive')[0]).toBe(
      'Evening slowdowns are caused by network congestion.',
    );
  });
  it('blame: "you didn\'t read the SMS" says it may not have reached them; "did you even" becomes a plain question', () => {
    expect(rewrites("You didn't read the SMS we sent about the payment.", "You didn't read", 'blame')[0]).toBe("It looks like the SMS we sent about the payment didn't reach you.");
    expect(rewrites('Did you even check the car before driving off???', 'Did you even check', 'blame')[0]).toBe('Did you get a chance to check the car before driving off?');
    expect(rewrites('If you had kept your contact details up to date, you would have been informed.', 'If you had kept', 'blame')[0]).toBe(
      "Let's make sure your contact details are up to date so updates reach you.",
    );
    expect(rewrites("That's the address you gave us when you registered.", 'the address you gave us', 'blame')[0]).toBe("That's the address on file from your registration.");
  });
  it('sarcasm: sincere versions, not fragments ("Found the one error", "If you should have said so")', () => {
    expect(rewrites('Thanks for your patience, I guess.', ', I guess', 'sarcasm')[0]).toBe('Thanks for your patience.');
    expect(rewrites('Congratulations, you found the one error in 200 questions.', 'Congratulations, you', 'sarcasm')[0]).toBe('Thanks for spotting the one error in 200 questions.');
    expect(rewrites("Send them back and we'll 'inspect' them.", "we'll 'inspect'", 'sarcasm')[0]).toBe("Send them back and we'll inspect them.");
    for (const o of rewrites("If you wanted 'warm' you should have said so.", "you wanted 'warm'", 'sarcasm')) expect(o).not.toMatch(/^If you should/);
    expect(rewrites("Clearly you didn't read the SMS we sent.", 'Clearly', 'sarcasm')[0]).toBe("It looks like the SMS we sent didn't reach you.");
  });
  it('insult: the label goes with its topic and lead-in ("Honestly hosting, so…" is not a sentence)', () => {
    const out = rewrites("Honestly you're clueless about hosting, so I'm not sure an explanation would help.", "you're clueless", 'insult');
    expect(out[0]).toBe('Let me walk you through hosting step by step.');
    for (const o of out) expect(o).not.toMatch(/Honestly hosting|not sure an explanation/);
    expect(rewrites("Frankly you've been the most difficult client I've had this year.", 'the most difficult client', 'insult')[0]).toBe("I'd like to get this right for you.");
    expect(rewrites('That is a completely unreasonable demand.', 'a completely unreasonable demand', 'insult')[0]).toBe("I'd like to get this right for you.");
  });
  it('dismissive: brush-offs become acknowledgements, the content (and the commitment) stays', () => {
    expect(rewrites("You'll have it when it's ready.", "You'll have it when it's ready", 'dismissive')[0]).toBe("You'll have it as soon as it's ready.");
    expect(rewrites("We'll fix it eventually.", "We'll fix it eventually", 'dismissive')[0]).toBe("We'll fix it as soon as we can.");
    expect(rewrites('Please be patient.', 'Please be patient', 'dismissive')[0]).toBe('Thanks for bearing with us.');
    expect(rewrites('Nobody else complained about the blur.', 'Nobody else complained', 'dismissive')[0]).toBe('Thanks for flagging the blur.');
    expect(rewrites("Refunds are processed in the order they are received, like everyone else's.", "like everyone else's", 'dismissive')[0]).toBe(
      'Refunds are processed in the order they are received.',
    );
    expect(rewrites("It was only some light drilling in the morning, and most guests didn't even notice.", 'It was only', 'dismissive')[0]).toBe(
      'I understand the drilling in the morning was frustrating.',
    );
  });
});

describe('rewriteFinding: labels say what each option does, facts stay, blame gets a fix', () => {
  function labelled(reply: string, phrase: string, category: Category, customer = ''): [string, string][] {
    const f = finding(reply, phrase, category);
    return rewriteFinding(reply, f, context(customer)).map((s) => [s.label, apply(reply, f, s)]);
  }
  it('labels follow the kind of rewrite, not its position', () => {
    expect(labelled('Flat tires can happen to anyone.', 'Flat tires can happen to anyone', 'dismissive')).toEqual([
      ['Acknowledge the frustration', 'I understand this is frustrating.'],
      ['Acknowledge the hassle', 'I know this has been a real hassle.'],
    ]);
    expect(labelled('As I already explained, the refund takes 5 days.', 'As I already explained', 'defensive')[0]).toEqual(['Cut “As I already explained”', 'The refund takes 5 days.']);
    expect(labelled('Thanks for your patience, I guess.', ', I guess', 'sarcasm')[0]).toEqual(['Cut “I guess”', 'Thanks for your patience.']);
    expect(labelled("Send them back and we'll 'inspect' them.", "we'll 'inspect'", 'sarcasm')[0]).toEqual(['Drop the scare quotes', "Send them back and we'll inspect them."]);
    expect(labelled("Your 'broken' reset link is fixed now.", "Your 'broken'", 'sarcasm')[0]).toEqual(['Drop the doubted word', 'Your reset link is fixed now.']);
    expect(labelled("I'm sorry you feel that way.", 'sorry you feel that way', 'non_apology')).toEqual([
      ['Apologize for what happened', "I'm sorry this happened."],
      ['Own the mistake', "I'm sorry we got this wrong."],
    ]);
    expect(labelled("Per our policy we can't refund shipped orders.", "Per our policy we can't refund shipped orders", 'policy_shield')[0][0]).toBe('Offer an alternative');
    const never = labelled('This will never happen again.', 'will never happen again', 'overpromise').map(([l]) => l);
    expect(never).toContain('Soften to “shouldn’t”');
    expect(never).toContain("Say what you've done to prevent it");
  });
  it('labels within one finding are distinct, and near-identical options are merged', () => {
    const out = labelled('We apologize for any inconvenience.', 'apologize for any inconvenience', 'non_apology');
    expect(out).toEqual([['Apologize for the trouble', "I'm sorry about the trouble this has caused."]]);
    for (const [reply, phrase, cat] of [
      ["I'm sorry you feel that way.", 'sorry you feel that way', 'non_apology'],
      ["We're sorry you're frustrated, but settings are only reset if you reinstall.", "sorry you're frustrated, but", 'non_apology'],
      ['I messaged you on Tuesday, check your spam.', 'check your spam', 'blame'],
      ['You ordered KX-200, which is what we sent.', 'You ordered KX-200, which is what we sent', 'blame'],
      ["It's your responsibility to check that the session is active.", "It's your responsibility", 'blame'],
    ] as [string, string, Category][]) {
      const labels = labelled(reply, phrase, cat).map(([l]) => l);
      expect(new Set(labels).size, reply).toBe(labels.length);
    }
  });
  it('blame with no fix before: ownership, an apology, a hand-off or a tip, every fact kept', () => {
    expect(labelled("My proofreader let me down, so it's not really my fault.", "so it's not really my fault", 'blame')[0]).toEqual([
      'Own the mistake',
      'My proofreader let me down, but I should have caught it myself.',
    ]);
    expect(labelled('Unfortunately the courier left it out in the rain, which is not something we can control.', 'which is not something we can control', 'blame')[0]).toEqual([
      'Apologize for what happened',
      "Unfortunately the courier left it out in the rain, and I'm sorry that happened.",
    ]);
    expect(labelled("That's not my department — referrals are handled by the booking team.", "That's not my department", 'blame')[0][1]).toBe(
      "Referrals are handled by the booking team — I'm sorry for the extra step, and I'll pass this on to them for you.",
    );
    expect(labelled('Maybe calibrate your monitor before whining.', 'Maybe calibrate your monitor before whining', 'blame')[0]).toEqual([
      'Suggest it as an option',
      'It might help to calibrate your monitor.',
    ]);
    expect(labelled('The closure notice was in the lobby.', 'The closure notice was in the lobby', 'blame')[0][1]).toBe("The closure notice was in the lobby, but I'm sorry it was easy to miss.");
  });
  it('a statement of fact is softened, not deleted', () => {
    expect(rewrites('The page was approved last week.', 'was approved last', 'defensive')[0]).toBe('I have the page down as approved last week, but let me look into it with you.');
    expect(rewrites('Upgrades have never been free on your plan.', 'have never been free', 'defensive').slice(0, 2)).toEqual([
      "From what I can see, upgrades haven't been free on your plan.",
      "Upgrades haven't been free on your plan, but let me look into it with you.",
    ]);
    expect(rewrites('We have no record of your call, so the fee stands.', 'We have no record of your', 'defensive')[0]).toBe(
      "I can't find a record of your call, so the fee still applies for now, but let me look into it with you.",
    );
    expect(rewrites('Our technician followed the standard procedure.', 'followed the standard procedure', 'defensive')[0]).toBe(
      "Our technician's notes show the standard procedure was followed, but let me look into it with you.",
    );
    expect(rewrites('Our bank does not steal from anyone, and the freeze was applied correctly.', 'was applied correctly', 'defensive')[0]).toBe(
      'Our bank does not steal from anyone, and the freeze looks to have been applied correctly on my side, but let me go through it with you.',
    );
  });
});

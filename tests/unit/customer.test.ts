import { describe, expect, it } from 'vitest';
import { readCustomer } from '../../analyzers/customer.ts';

describe('readCustomer: how upset the customer is', () => {
  it('reads a neutral question as not upset', () => {
    for (const text of ['Do you ship to Norway?', 'Hi, how do I change the email on my account?', 'Could you add my company name to the receipt?']) {
      const c = readCustomer(text);
      expect(c.level, text).toBe('none');
      expect(c.hasProblem, text).toBe(false);
      expect(c.escalate, text).toBe(false);
    }
  });

  it('reads a thank-you note as not upset', () => {
    expect(readCustomer('Thanks so much, the new headphones sound great!').level).toBe('none');
  });

  it('reads a calm problem report as mild', () => {
    const c = readCustomer('The blender arrived with a cracked jug.');
    expect(c.hasProblem).toBe(true);
    expect(c.level).toBe('mild');
  });

  it('ranks anger signals above a calm report', () => {
    const calm = readCustomer('My parcel has not arrived yet.');
    const angry = readCustomer('WHERE IS MY PARCEL??? THIS IS THE THIRD TIME I AM ASKING!!! Unacceptable.');
    expect(angry.upset).toBeGreaterThan(calm.upset + 0.3);
    expect(angry.level).toBe('furious');
    expect(angry.reasons).toContain('Stacked question marks');
    expect(angry.reasons).toContain('Writes in capitals (shouting)');
  });

  it('says what is at stake, which calls for empathy', () => {
    const c = readCustomer('I was billed $89 twice and my rent is due on Friday.');
    expect(c.needsEmpathy).toBe(true);
    expect(c.stakes).toContain('Money at stake');
    expect(c.facts).toEqual(expect.arrayContaining(['$89', 'Friday']));
  });

  it('notices when the customer caused it themselves', () => {
    expect(readCustomer('I accidentally deleted my project folder, can you restore it?').selfCaused).toBe(true);
    expect(readCustomer('Your update deleted my project folder.').selfCaused).toBe(false);
  });

  it('reads a short problem noun phrase for mirroring', () => {
    expect(readCustomer('You sent me the wrong charger.').problem).toBe('the wrong charger');
    expect(readCustomer('I got double charged for my subscription!').problem).toBe('the double charge');
  });

  it('reads thanks that mention a past fix, a calm pre-question and a tentative claim as no complaint', () => {
    for (const text of [
      'Just a note to say thank you — the plumber fixed our leaking boiler within the hour.',
      'Will my phone insurance cover a cracked screen?',
      'I think I may have been billed for an extra user, could you check?',
    ]) {
      expect(readCustomer(text).hasProblem, text).toBe(false);
    }
  });

  it('still treats the customer’s own mistake or hardship as a problem to help with', () => {
    for (const text of ['I paid the wrong invoice by mistake, can I move the payment?', "I lost my job and can't pay this month's bill in full."]) {
      const c = readCustomer(text);
      expect(c.hasProblem, text).toBe(true);
      expect(c.selfCaused, text).toBe(true);
    }
  });

  it('does not read delight with exclamation marks as anger', () => {
    const c = readCustomer('Your service team is the BEST!! Thank you so much!!!');
    expect(c.hasProblem).toBe(false);
    expect(c.level).toBe('none');
  });

  it('handles an empty message', () => {
    const c = readCustomer('');
    expect(c).toMatchObject({ upset: 0, level: 'none', escalate: false, reasons: [] });
  });
});

describe('readCustomer: when to escalate', () => {
  const cases: [string, string][] = [
    ['My solicitor will be in touch about this.', 'Threatens legal action'],
    ['I will take you to small claims court.', 'Threatens legal action'],
    ['Put me through to your manager right now.', 'Asks for a manager'],
    ['I am leaving a one-star review and posting this on social media.', 'Threatens public shaming'],
    ['You people are useless idiots.', 'Abusive language'],
    ['This is fucking absurd.', 'Swears at the agent'],
    ['Do you even read my emails? Are you even trained?', 'Keeps questioning the agent’s competence'],
    ['Let me deal with somebody who actually understands billing.', 'Asks for a manager'],
    ["I'm reporting your company to consumer affairs.", 'Threatens legal action'],
    ['Your support team are a bunch of clowns.', 'Abusive language'],
    ['I know where your office is.', 'Threatens safety'],
  ];
  for (const [text, reason] of cases) {
    it(`escalates: ${text}`, () => {
      const c = readCustomer(text);
      expect(c.escalate).toBe(true);
      expect(c.reasons).toContain(reason);
    });
  }

  it('does not escalate plain frustration or a single pointed question', () => {
    for (const text of ['Sue in accounts told me the refund went out.', 'I lost my receipt at the food court.', 'I feel stupid asking, but where is the reset button?', 'Your app is useless on my old tablet, it keeps crashing.', 'Does Facebook login work with your app?', 'Can I post a review of my stay on your website?', 'This is really frustrating, the app keeps logging me out.', 'The invoice is wrong again. Did you even check it?', 'I left a review last week, it was great!']) {
      expect(readCustomer(text).escalate, text).toBe(false);
    }
  });
});

describe('problems told calmly, as what the thing does or what never came', () => {
  it.each([
    'The gears started slipping the day after I collected the bike.',
    'The technician never showed up.',
    'My order arrived with two items missing',
    'The left speaker keeps disconnecting.',
  ])('reads a problem in "%s"', (text) => {
    expect(readCustomer(text).hasProblem).toBe(true);
  });
  it.each(['Thanks so much, the bike rides great now!', 'It started working again, thanks!', 'Is anything missing from the kit list?'])(
    'reads no problem in "%s"',
    (text) => {
      expect(readCustomer(text).hasProblem).toBe(false);
    },
  );
});

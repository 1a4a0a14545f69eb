import { describe, expect, it } from 'vitest';
import { readDraft } from '../../analyzers/text/draft.ts';
import { scorePoliteness } from '../../analyzers/tone.ts';

const score = (text: string) => scorePoliteness(readDraft(text));

describe('scorePoliteness', () => {
  it('scores a courteous reply above a curt, accusing one', () => {
    const polite = score('Hi Maria,\n\nThank you for your patience. Could you send me the tracking number? I would be happy to check it for you.\n\nBest,\nIvo');
    const rude = score('Why did you not read the instructions? You should have checked the size first.');
    expect(polite).toBeGreaterThan(0.3);
    expect(rude).toBeLessThan(-0.3);
  });

  it('lowers the score for obligation, factuality and shouting', () => {
    const base = score('We can replace the filter this week.');
    expect(score('You need to replace the filter yourself, as I already explained.')).toBeLessThan(base);
    expect(score('WE CANNOT REPLACE THE FILTER!!')).toBeLessThan(base);
  });

  it('raises the score for hedged requests and gratitude', () => {
    const direct = score('Send the receipt.');
    const hedged = score('Thanks! Would you perhaps be able to send the receipt?');
    expect(hedged).toBeGreaterThan(direct);
  });

  it('stays in -1..1 and is 0 for an empty draft', () => {
    expect(score('')).toBe(0);
    const long = score('Thank you so much, I really appreciate it! '.repeat(200));
    const harsh = score('Calm down. Stop whining, this is ridiculous!! '.repeat(200));
    for (const v of [long, harsh]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(long).toBeGreaterThan(0);
    expect(harsh).toBeLessThan(0);
  });
});

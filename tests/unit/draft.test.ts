import { describe, expect, it } from 'vitest';
import { readDraft, splitSentences } from '../../analyzers/text/draft.ts';

describe('readDraft', () => {
  it('separates greeting, body, sign-off and quoted history', () => {
    const reply = 'Hi Dana,\n\nI am sorry. I refunded $4.99 today.\n\nBest,\nMarco\n\nOn Mon, 3 Mar 2025, Dana wrote:\n> You are useless';
    const d = readDraft(reply);
    expect(d.greeting?.name).toBe('Dana');
    expect(d.sentences.map((s) => s.text)).toEqual(['I am sorry.', 'I refunded $4.99 today.']);
    expect(d.quoteStart).toBe(reply.indexOf('On Mon'));
    expect(reply.slice(d.signoff!.start).startsWith('Best,')).toBe(true);
  });

  it('treats a bare name as the last paragraph as a signature', () => {
    const d = readDraft('Hi Chloe,\n\nYour contract is up to 100 Mbps.\n\nAndre');
    expect(d.sentences.map((s) => s.text)).toEqual(['Your contract is up to 100 Mbps.']);
  });

  it('keeps a legal footer in capitals below the signature out of the body', () => {
    const reply = 'Hi Sam,\n\nYour refund is on its way.\n\nKind regards,\nMegan Hale\nHome Claims\n\nTHIS EMAIL AND ANY ATTACHMENTS ARE CONFIDENTIAL AND INTENDED SOLELY FOR THE ADDRESSEE.';
    const d = readDraft(reply);
    expect(reply.slice(d.signoff!.start).startsWith('Kind regards,')).toBe(true);
    expect(reply.slice(d.body.start, d.body.end)).not.toContain('CONFIDENTIAL');
  });

  it('keeps a last paragraph in capitals in the body when no sign-off stands above it', () => {
    const reply = 'Hi Sam,\n\nNo.\n\nI SAID NO REFUNDS AFTER THIRTY DAYS, READ THE TERMS.';
    const d = readDraft(reply);
    expect(reply.slice(d.body.start, d.body.end)).toContain('NO REFUNDS');
  });

  it('keeps greeting text on the same line out of the body but keeps the rest', () => {
    const d = readDraft('Hi Pedro, you should have double-checked. We cannot reverse it.');
    expect(d.sentences[0].text).toBe('you should have double-checked.');
  });
});

describe('readDraft on pathological drafts (security review: the sign-off search was quadratic)', () => {
  // Each finished in seconds or not at all before; `npm run bench:pathological` times them.
  it('finds the sign-off after 100,000 newlines', () => {
    const reply = 'Hi Dana,\n\nThe refund is on its way.' + '\n'.repeat(100_000) + 'Best,\nMarco';
    const d = readDraft(reply);
    expect(reply.slice(d.signoff!.start)).toBe('Best,\nMarco');
    expect(reply.slice(d.body.start, d.body.end)).toBe('The refund is on its way.');
  });

  it('takes only the last of 50,000 sign-off lines as the sign-off', () => {
    const reply = 'The refund is on its way.\n' + 'Best,\n'.repeat(50_000) + 'Marco';
    const d = readDraft(reply);
    expect(reply.slice(d.signoff!.start)).toBe('Best,\n'.repeat(5) + 'Marco');
  });

  it('reads a bare name after 100,000 blank CRLF lines as the signature', () => {
    const reply = 'The refund is on its way.' + '\r\n'.repeat(100_000) + 'Andre';
    const d = readDraft(reply);
    expect(reply.slice(d.signoff!.start).trim()).toBe('Andre');
    expect(reply.slice(d.body.start, d.body.end)).toBe('The refund is on its way.');
  });

  it('keeps a sign-off word followed by a long paragraph in the body', () => {
    const reply = 'Thanks for waiting.\n\nBest,\n' + 'We will refund the duplicate charge today and email you the receipt once it is done.';
    expect(readDraft(reply).signoff).toBeUndefined();
  });
});

describe('splitSentences', () => {
  it('keeps abbreviations, decimals and URLs intact and offsets exact', () => {
    const text = 'Mr. Ito paid $12.50 at example.com today! Is that right? Yes.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Mr. Ito paid $12.50 at example.com today!', 'Is that right?', 'Yes.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});

// Speed work must never change what a suggestion says: on drafts dense with flags, an
// editor session (cached rewrites, suggestions read on some keystrokes and not others)
// must give exactly the findings and suggestions a cold `analyze` gives for the same text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, createAnalyzer } from '../../analyzers/index.ts';

const CUSTOMER = 'I was charged twice and nobody answers!! Fix this now.';
const SENTENCES = [
  'Calm down, as I already explained you did not read the terms.',
  "That's not our fault, you entered the wrong address.",
  'Per our policy we cannot refund shipped orders.',
  'I guarantee this will never happen again!!!',
  'Obviously you should have checked the FAQ.',
  "I'm sorry you feel that way, but the charge is correct.",
  'The parcel left the warehouse on Monday and the carrier has it now.',
  "I've refunded the second charge of $49 and you'll see it within 5 days.",
  'Thanks for your patience.',
];

/** What a user sees of a result: every finding and every suggestion (reading them runs the lazy rewrites). */
const seen = (r: ReturnType<typeof analyze>) => JSON.parse(JSON.stringify(r));

const draftArb = fc.array(fc.nat(SENTENCES.length - 1), { minLength: 4, maxLength: 14 }).map((ix) => ix.map((i) => SENTENCES[i]).join(' '));
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('insert', 'delete', 'sentence'), readAll: fc.boolean() });

describe('incremental update on dense drafts agrees with a cold analyze', () => {
  it('after random edits anywhere, with suggestions read on some keystrokes only', { timeout: 240_000 }, () => {
    fc.assert(
      fc.property(draftArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), (start, edits) => {
        const session = createAnalyzer();
        let reply = start;
        seen(session.update(reply, CUSTOMER));
        for (const e of edits) {
          const at = Math.floor(e.at * reply.length);
          if (e.kind === 'insert') reply = `${reply.slice(0, at)}x${reply.slice(at)}`;
          else if (e.kind === 'delete') reply = reply.slice(0, at) + reply.slice(at + 1);
          else reply = `${reply.slice(0, at)} ${SENTENCES[at % SENTENCES.length]} ${reply.slice(at)}`;
          const incremental = session.update(reply, CUSTOMER);
          // A keystroke whose suggestions nobody read leaves the cache as an editor would.
          if (!e.readAll) continue;
          expect(seen(incremental)).toEqual(seen(analyze({ reply, customer: CUSTOMER })));
        }
        expect(seen(session.update(reply, CUSTOMER))).toEqual(seen(analyze({ reply, customer: CUSTOMER })));
      }),
      { numRuns: 12, seed: 20261203 },
    );
  });

  it('on a draft longer than what one proof reads, keystrokes near and far from each finding', { timeout: 240_000 }, () => {
    // About 3,500 characters: each proof reads only the text around its finding.
    let reply = Array.from({ length: 60 }, (_, i) => SENTENCES[(i * 7) % SENTENCES.length]).join(' ');
    const session = createAnalyzer();
    seen(session.update(reply, CUSTOMER));
    // Far from most findings, then right beside one, then a sentence boundary, then back.
    for (const at of [10, Math.floor(reply.length / 2), reply.indexOf('Per our policy', 1500), reply.length - 3, 10]) {
      reply = `${reply.slice(0, at)}x${reply.slice(at)}`;
      expect(seen(session.update(reply, CUSTOMER)), `after typing at ${at}`).toEqual(seen(analyze({ reply, customer: CUSTOMER })));
    }
  });
});

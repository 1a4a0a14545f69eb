import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, readDraft, suggestReply } from '../../analyzers/index.ts';
import { applyEdits } from '../../analyzers/rewrite/index.ts';
import { checkReply } from '../../analyzers/rewrite/invariants.ts';
import type { AnalyzeInput, Channel } from '../../analyzers/types.ts';
import { hasShared, sharedPath } from '../shared.ts';

interface Row {
  id: string;
  channel: Channel;
  customer: string;
  reply: string;
}
// Each suggested reply re-analyzes its candidates (several passes, each insertion proved): whole-corpus
// checks take seconds, not milliseconds.
// The shared dev corpus, read at run time (never copied into the repo), when this checkout sits beside
// it; otherwise the repo's own hand-written drafts.
// The shared dev corpus when present, else the repo's own drafts.
const rows: Row[] = readFileSync(hasShared('corpus/dev.jsonl', 'its dev-corpus drafts (tests/cases used instead)') ? sharedPath('corpus/dev.jsonl') : new URL('../cases/drafts.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const flagged = rows.filter((r) => analyze(r).findings.length > 0);

describe('suggestReply over the whole dev corpus', { timeout: 180_000 }, () => {
  it('has drafts to check', () => expect(flagged.length).toBeGreaterThan(20));

  for (const voice of ['warm', 'formal'] as const) {
    it(`${voice}: keeps every fact, invents none, adds no promise, leaves no error-level finding`, () => {
      const failures = flagged
        .map((r) => ({ id: r.id, report: checkReply(r, suggestReply(r, { voice }).text) }))
        .filter((x) => !x.report.ok);
      expect(failures).toEqual([]);
    });
  }

  it('edits are sorted, non-overlapping, against the original draft, and reproduce the text', () => {
    for (const r of rows) {
      const { text, edits } = suggestReply(r);
      for (let i = 0; i < edits.length; i++) {
        expect(edits[i].start).toBeLessThanOrEqual(edits[i].end);
        expect(edits[i].reason).not.toBe('');
        if (i > 0) expect(edits[i].start).toBeGreaterThan(edits[i - 1].end);
      }
      expect(applyEdits(r.reply, edits)).toBe(text);
    }
  });

  it('never touches the greeting, the sign-off/signature or quoted history', () => {
    for (const r of rows) {
      const draft = readDraft(r.reply);
      const { edits } = suggestReply(r);
      for (const e of edits) {
        if (draft.greeting) expect(e.start).toBeGreaterThanOrEqual(draft.greeting.end);
        const protectedFrom = draft.signoff?.start ?? draft.quoteStart ?? r.reply.length;
        expect(e.end).toBeLessThanOrEqual(protectedFrom);
      }
    }
  });

  it('leaves a good reply alone', () => {
    for (const r of rows.filter((x) => analyze(x).findings.length === 0)) expect(suggestReply(r).text).toBe(r.reply);
  });

  it('does not repeat one stock sentence across replies', () => {
    const counts = new Map<string, number>();
    for (const r of flagged) {
      const had = new Set(readDraft(r.reply).sentences.map((s) => s.text));
      for (const s of readDraft(suggestReply(r).text).sentences) if (!had.has(s.text)) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
    }
    const most = Math.max(...counts.values());
    expect(most).toBeLessThanOrEqual(Math.ceil(flagged.length / 4));
  });
});

describe('suggestReply: what a user sees', { timeout: 180_000 }, () => {
  const customer = 'Order #88123 arrived with a cracked lamp and nobody answers my emails. This is ridiculous!';
  const input: AnalyzeInput = { reply: 'Hi Dana,\n\nAs I explained, breakage in transit is the courier\'s problem.\n\nBest,\nMarco', customer, channel: 'email' };

  it('mirrors the customer problem and order number in the inserted empathy/apology, with placeholders for unknowns', () => {
    const { text } = suggestReply(input);
    expect(text).toMatch(/#88123/);
    expect(text).toMatch(/\[(?:action|date|day|alternative)\]/);
    expect(text.startsWith('Hi Dana,\n\n')).toBe(true);
    expect(text.endsWith('\n\nBest,\nMarco')).toBe(true);
    expect(text).not.toMatch(/As I explained/);
  });

  it('phrases it differently for formal and warm voice and by channel', () => {
    const warm = suggestReply(input, { voice: 'warm' }).text;
    const formal = suggestReply(input, { voice: 'formal' }).text;
    expect(formal).not.toBe(warm);
    const zendesk = suggestReply({ ...input, channel: 'zendesk' }, { voice: 'formal' }).text;
    const marketplace = suggestReply({ ...input, channel: 'marketplace' }, { voice: 'formal' }).text;
    expect(new Set([formal, zendesk, marketplace]).size).toBeGreaterThan(1);
  });

  it('is deterministic for the same input', () => {
    expect(suggestReply(input)).toEqual(suggestReply(input));
  });

  it('does not add a second apology when the draft already apologizes sincerely', () => {
    const { text } = suggestReply({ reply: "I'm so sorry about the cracked lamp. We're sorry, but refunds take 5 days.", customer });
    expect(text.match(/\bsorry\b|apologi/gi)?.length).toBe(1);
    expect(text).toMatch(/5 days/);
  });
});

// Drafts assembled from flagged moves, neutral content and facts: the invariants hold for any mix.
const MOVES = [
  'As I already explained, ',
  'Actually, ',
  'Calm down, ',
  "I'm sorry you feel that way, but ",
  'Per our policy, ',
  'Honestly, ',
  '',
];
const CONTENT = [
  'the refund of $42.50 was sent on 3 May',
  'your order #55120 ships Friday',
  "we can't refund shipped orders",
  "you didn't attach the receipt",
  'it will never happen again, I guarantee it',
  'the KX-200 manual is at https://help.example/kx-200',
  'email billing@shop.example with ticket TK-7781',
  'THIS IS NOT OUR PROBLEM!!!',
];
const CUSTOMERS = ['', 'My order #55120 is late and I am furious!!', 'I was charged twice for March. Fix it.', 'Thanks, all good.'];

describe('suggestReply: consistent with itself (issue 8)', { timeout: 180_000 }, () => {
  it('keeps the writer\'s bracketed internal note, word for word, with its facts', () => {
    const note = "[Internal: refund of $49 approved by Sam, ref RF-2231 — don't mention until processed]";
    const input = { reply: `Hi Dana,\n\nAs I already explained, you clicked the button twice. ${note}\n\nBest,\nMarco`, customer: 'I was charged twice for March!!! Fix this NOW.' };
    const { text } = suggestReply(input);
    expect(text).toContain(note);
    expect(checkReply(input, text).lostFacts).toEqual([]);
    expect(text).not.toMatch(/\], but I can/);
  });
  it('does not apologize for "the wrong size" beside a sentence insisting the size is right', () => {
    const input = { reply: 'Hi Tom,\n\nThe files are exactly the size you approved.\n\nBest,\nAnna', customer: 'The banner files are the wrong size, I cannot use them. Very disappointed.' };
    const { text } = suggestReply(input);
    // The defence may stay or go (once flagged, it is rewritten like any other); the apology never contradicts it.
    expect(text).toMatch(/\b(?:sorry|apologi[sz]e)\b/i);
    expect(text).not.toMatch(/sorry (?:about|for) the wrong size/i);
    expect(text).not.toMatch(/handle the wrong size/i);
  });
  it('leaves no warning in the README demo draft once the placeholders are filled in', () => {
    const input = { reply: 'Hi Dana,\n\nAs I explained, you clicked the button twice.\n\nBest,\nMarco', customer: 'I was charged twice for March!!! Fix this NOW.' };
    const { text } = suggestReply(input, { engine: 'rules' });
    const left = analyze({ ...input, reply: text }, { engine: 'rules' }).findings.filter((f) => f.severity !== 'info');
    expect(left.map((f) => `${f.ruleId} "${f.text}"`)).toEqual([]);
  });
});

describe('suggestReply properties (fast-check)', { timeout: 180_000 }, () => {
  it('keeps facts, invents nothing, adds no promise, no error finding, edits reproduce text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...MOVES), fc.constantFrom(...CONTENT)), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...CUSTOMERS),
        fc.constantFrom<Channel>('email', 'zendesk', 'marketplace'),
        fc.constantFrom<'warm' | 'formal'>('warm', 'formal'),
        fc.boolean(),
        (parts, customer, channel, voice, greet) => {
          const body = parts.map(([m, c]) => `${m}${c}.`.replace(/^\w/, (x) => x.toUpperCase())).join(' ');
          const reply = greet ? `Hi Sam,\n\n${body}\n\nBest,\nAlex` : body;
          const input = { reply, customer, channel };
          const out = suggestReply(input, { voice });
          expect(applyEdits(reply, out.edits)).toBe(out.text);
          const report = checkReply(input, out.text);
          expect({ reply, text: out.text, ...report, placeholders: [] }).toEqual({ reply, text: out.text, ok: true, lostFacts: [], inventedFacts: [], newPromises: [], errorFindings: [], placeholders: [] });
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });
});

describe('suggestReply on arbitrary text (fast-check)', { timeout: 180_000 }, () => {
  const WORDS = ['you', 'never', 'sent', 'the', 'invoice', 'calm', 'down', 'As', 'I', 'said', ',', '.', '!!!', '??', 'SORRY', 'but', '#123', '$5', 'KX-9', 'guarantee', '\n', '\n\n', '> quoted', 'Best,', 'é', '😡', 'policy', "can't", 'refund', 'lol'];
  it('never throws, edits reproduce the text, and no draft fact is lost', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }), fc.string({ maxLength: 40 }), (words, customer) => {
        const reply = words.join(' ');
        const out = suggestReply({ reply, customer });
        expect(applyEdits(reply, out.edits)).toBe(out.text);
        expect(checkReply({ reply, customer }, out.text).lostFacts).toEqual([]);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyEdits,
  diffSegments,
  editForAll,
  editForOne,
  placeholdersIn,
  spanEdit,
  splitPlaceholders,
  usableEdits,
  type ProposedEdit,
} from '../../lib/ui-diff.ts';

const apply = (text: string, e: { start: number; end: number; replacement: string }) => text.slice(0, e.start) + e.replacement + text.slice(e.end);

const draft = 'Hi Sam,\nYou didn\'t attach the invoice. Calm down, it is a small delay.\nBest, Jo';
const youDidnt = draft.indexOf("You didn't attach the invoice");
const calm = draft.indexOf('Calm down, it is a small delay');
const edits: ProposedEdit[] = [
  { start: calm, end: calm + 'Calm down, it is a small delay'.length, replacement: 'I understand the delay is frustrating', reason: 'dismissive' },
  { start: youDidnt, end: youDidnt + "You didn't attach the invoice".length, replacement: "It looks like the invoice didn't come through", reason: 'blame' },
];

describe('suggested reply diff', () => {
  it('shows unchanged text and each change in draft order', () => {
    const segments = diffSegments(draft, edits);
    expect(segments.map((s) => s.kind)).toEqual(['same', 'change', 'same', 'change', 'same']);
    const changes = segments.filter((s) => s.kind === 'change');
    expect(changes.map((c) => c.removed)).toEqual(["You didn't attach the invoice", 'Calm down, it is a small delay']);
    expect(changes.map((c) => c.reason)).toEqual(['blame', 'dismissive']);
    // Reading the "same" parts and the removed text back gives the draft exactly.
    expect(segments.map((s) => (s.kind === 'same' ? s.text : s.removed)).join('')).toBe(draft);
  });

  it('accept all is one edit spanning first to last change and produces every change', () => {
    const all = editForAll(draft, edits)!;
    expect(all.start).toBe(youDidnt);
    expect(all.end).toBe(calm + 'Calm down, it is a small delay'.length);
    expect(all.expected).toBe(draft.slice(all.start, all.end));
    const result = apply(draft, all);
    expect(result).toBe("Hi Sam,\nIt looks like the invoice didn't come through. I understand the delay is frustrating.\nBest, Jo");
    expect(result.startsWith('Hi Sam,\n')).toBe(true);
    expect(result.endsWith('\nBest, Jo')).toBe(true);
  });

  it('accept one changes only that span', () => {
    const one = editForOne(draft, usableEdits(draft, edits)[1]);
    expect(one.expected).toBe('Calm down, it is a small delay');
    expect(apply(draft, one)).toContain("You didn't attach the invoice. I understand the delay is frustrating.");
  });

  it('drops edits that overlap, fall outside the text or change nothing', () => {
    const bad: ProposedEdit[] = [
      { start: 0, end: 5, replacement: 'Hello' },
      { start: 3, end: 8, replacement: 'x' }, // overlaps the first
      { start: 2, end: 999, replacement: 'x' }, // outside
      { start: 10, end: 12, replacement: draft.slice(10, 12) }, // no change
    ];
    expect(usableEdits(draft, bad)).toEqual([bad[0]]);
    expect(editForAll('same', [])).toBeNull();
  });

  it('accept all equals applying every edit one by one from the end (property)', () => {
    const arb = fc.string({ minLength: 0, maxLength: 60 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc.record({ a: fc.nat(text.length), b: fc.nat(text.length), replacement: fc.string({ maxLength: 8 }) }).map(({ a, b, replacement }) => ({
            start: Math.min(a, b),
            end: Math.max(a, b),
            replacement,
          })),
          { maxLength: 6 },
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([text, raw]) => {
        const kept = usableEdits(text, raw);
        const sequential = [...kept].reverse().reduce((t, e) => apply(t, e), text);
        expect(applyEdits(text, raw)).toBe(sequential);
      }),
    );
  });

  it('spanEdit finds the smallest single edit between two texts (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (from, to) => {
        const edit = spanEdit(from, to);
        if (from === to) {
          expect(edit).toBeNull();
          return;
        }
        expect(edit!.expected).toBe(from.slice(edit!.start, edit!.end));
        expect(apply(from, edit!)).toBe(to);
      }),
    );
    expect(spanEdit('Hi Ann, sorry. Bye', 'Hi Ann, so sorry. Bye')).toMatchObject({ start: 10, end: 10, replacement: ' so', expected: '' });
  });
});

describe('placeholders', () => {
  it('finds unfilled placeholders for highlighting and confirmation', () => {
    const text = 'We will call you at [time] on [date] about the [order number] refund of $20 (see [1]).';
    expect(placeholdersIn(text)).toEqual(['[time]', '[date]', '[order number]']);
    const parts = splitPlaceholders(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.placeholder).map((p) => p.text)).toEqual(['[time]', '[date]', '[order number]']);
    expect(placeholdersIn('Refund of $20 is on its way.')).toEqual([]);
  });
});

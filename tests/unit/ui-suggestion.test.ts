import { describe, expect, it } from 'vitest';
import type { Finding } from '../../analyzers/types.ts';
import { suggestionEdit, suggestionPreview } from '../../lib/ui-suggestion.ts';

const reply = 'Calm down. As I already explained, we cannot refund it. You should have read the terms.';
const at = (text: string) => ({ start: reply.indexOf(text), end: reply.indexOf(text) + text.length });
const finding = (text: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'r',
  category: 'defensive',
  severity: 'warning',
  ...at(text),
  message: '',
  rationale: '',
  suggestions: [],
  ...extra,
});
const apply = (e: { start: number; end: number; replacement: string }) => reply.slice(0, e.start) + e.replacement + reply.slice(e.end);

describe('Apply for one suggestion', () => {
  it("replaces the finding's span by default", () => {
    const f = finding('Calm down');
    const edit = suggestionEdit(reply, f, { label: 'Acknowledge it', replacement: 'I understand this is frustrating' });
    expect(edit).toMatchObject({ ...at('Calm down'), expected: 'Calm down' });
    expect(apply(edit)).toMatch(/^I understand this is frustrating\. As I/);
    expect(suggestionPreview(reply, f, { label: 'x', replacement: 'I understand this is frustrating' })).toBe('I understand this is frustrating.');
  });

  it("uses the suggestion's own range when it reaches past the flagged words", () => {
    const f = finding('As I already explained');
    const s = { label: 'Drop the defensive framing', replacement: 'W', ...at('As I already explained, w') };
    const edit = suggestionEdit(reply, f, s);
    expect(edit.expected).toBe('As I already explained, w');
    expect(apply(edit)).toBe('Calm down. We cannot refund it. You should have read the terms.');
    // The preview reads as the sentence will, not as the bare "W".
    expect(suggestionPreview(reply, f, s)).toBe('We cannot refund it.');
  });

  it('stops the preview at the end of a rewritten sentence', () => {
    const f = finding('As I already explained');
    const s = { label: 'Drop the defensive framing', replacement: 'We cannot refund it.', ...at('As I already explained, we cannot refund it.') };
    expect(suggestionPreview(reply, f, s)).toBe('We cannot refund it.');
  });

  it('previews removals and inserted sentences plainly', () => {
    const f = finding('As I already explained');
    expect(suggestionPreview(reply, f, { label: 'Drop it', replacement: '', ...at('As I already explained, ') })).toBe('remove “As I already explained,”');
    const missing = finding('Calm down', { start: 0, end: 0 });
    expect(suggestionPreview(reply, missing, { label: 'Add empathy', replacement: 'I understand how frustrating this is. ' })).toBe(
      'I understand how frustrating this is.',
    );
  });
});

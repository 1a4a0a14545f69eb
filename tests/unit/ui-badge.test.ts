import { describe, expect, it } from 'vitest';
import type { Finding } from '../../analyzers/types.ts';
import { badgeCount } from '../../lib/ui-badge.ts';

const f = (severity: Finding['severity'], start: number, end: number): Finding => ({
  ruleId: 'r',
  category: start === end ? 'missing_apology' : 'defensive',
  severity,
  start,
  end,
  message: '',
  rationale: '',
  suggestions: [],
});

describe('editor badge count', () => {
  it('counts errors and warnings, not hints', () => {
    expect(badgeCount('Hi,\nAs I said, it shipped.\nJo', [f('error', 4, 13), f('warning', 0, 0), f('info', 4, 8)])).toBe(2);
  });
  it('leaves out missing pieces until the draft has a body', () => {
    expect(badgeCount('Hi Dana,\n', [f('error', 0, 0), f('error', 0, 0)])).toBe(0);
  });
});
